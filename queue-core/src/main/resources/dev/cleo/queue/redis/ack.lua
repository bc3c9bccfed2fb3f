-- ack: records a batch of attempt outcomes, each only if its lease token still matches (fencing),
-- then applies retention to the completed and dead sets.
-- ARGV[1] queue key prefix, ARGV[2] now (ms), ARGV[3] done max count, ARGV[4] done max age (ms),
-- ARGV[5] dead max count, ARGV[6] dead max age (ms), then 5 values per outcome:
--   id, token, kind ("c" completed, "f" failed and may retry, "x" failed for good), data, retry_at (ms)
--   data is the result JSON for "c" ("" = none) and the error text otherwise.
-- Returns: per outcome 0 lease lost (ignored), 1 completed, 2 retry scheduled, 3 dead.
local prefix, now = ARGV[1], tonumber(ARGV[2])
local out, retried = {}, false
for i = 7, #ARGV, 5 do
  local id, token, kind, data = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  local key = task_key(prefix, id)
  local f = redis.call("HMGET", key, "token", "state", "attempts", "max_attempts")
  local code = 0
  if f[1] == token and f[2] == "active" then
    redis.call("ZREM", prefix .. "active", id)
    redis.call("HDEL", key, "token")
    if kind == "c" then
      redis.call("HSET", key, "state", "completed", "finished_at", now)
      if data ~= "" then redis.call("HSET", key, "result", data) end
      redis.call("ZADD", prefix .. "done", now, id)
      code = 1
    elseif kind == "f" and tonumber(f[3]) < tonumber(f[4]) then
      local retry_at = tonumber(ARGV[i + 4])
      redis.call("HSET", key, "state", "failed", "error", data, "run_at", retry_at)
      redis.call("ZADD", prefix .. "delayed", retry_at, id)
      retried, code = true, 2
    else
      redis.call("HSET", key, "state", "dead", "error", data, "finished_at", now)
      redis.call("ZADD", prefix .. "dead", now, id)
      code = 3
    end
  end
  out[#out + 1] = code
end
if retried then wake(prefix) end
local budget = 100 + #out * 2
trim(prefix, prefix .. "done", now, tonumber(ARGV[3]), tonumber(ARGV[4]), budget)
trim(prefix, prefix .. "dead", now, tonumber(ARGV[5]), tonumber(ARGV[6]), budget)
return out
