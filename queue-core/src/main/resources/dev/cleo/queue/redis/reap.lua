-- reap: finds leases whose deadline has passed. It changes nothing: the caller fails each one
-- through ack.lua with its token, so an expired lease takes exactly the retry path of a failure.
-- ARGV[1] queue key prefix, ARGV[2] now (ms), ARGV[3] limit
-- Returns: { id, token, attempts, max_attempts, backoff, worker, ... }
--- @include "keys"
local prefix = ARGV[1]
local active = prefix .. "active"
local out = {}
for _, id in ipairs(redis.call("ZRANGEBYSCORE", active, "-inf", ARGV[2], "LIMIT", 0, tonumber(ARGV[3]))) do
  local f = redis.call("HMGET", task_key(prefix, id), "token", "attempts", "max_attempts", "backoff", "worker")
  if f[1] then
    local n = #out
    out[n + 1], out[n + 2], out[n + 3], out[n + 4], out[n + 5], out[n + 6] = id, f[1], f[2], f[3], f[4], f[5] or ""
  else
    redis.call("ZREM", active, id)
  end
end
return out
