-- claim: promotes due delayed tasks, then leases up to `count` ready tasks to one worker.
-- ARGV[1] queue key prefix, ARGV[2] now (ms), ARGV[3] count, ARGV[4] lease (ms),
-- ARGV[5] lease token base (random per call), ARGV[6] worker id, ARGV[7] promote limit
-- Returns: { next_due, id, token, name, payload, attempts, max_attempts, timeout_ms, backoff, run_at, ... }
--   next_due is the score of the earliest delayed task when fewer than `count` were taken, else -1
--   (-2 when nothing is delayed). Tasks never started and past their expire_at are marked expired,
--   not returned; a retry runs whatever its expire_at, since the TTL only bounds the wait for a first start.
local prefix, now, count = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local lease_until, token_base, worker = now + tonumber(ARGV[4]), ARGV[5], ARGV[6]
local delayed, ready = prefix .. "delayed", prefix .. "ready"

local due = redis.call("ZRANGEBYSCORE", delayed, "-inf", now, "LIMIT", 0, tonumber(ARGV[7]))
for _, id in ipairs(due) do
  local priority = redis.call("HGET", task_key(prefix, id), "priority")
  if priority then
    redis.call("HSET", task_key(prefix, id), "state", "waiting")
    make_ready(prefix, id, priority, next_seq(prefix))
  end
end
if #due > 0 then zrem_all(delayed, due) end

local out, taken = { -1 }, 0
while taken < count do
  local popped = redis.call("ZPOPMIN", ready, count - taken)
  if #popped == 0 then break end
  for j = 1, #popped, 2 do
    local id = popped[j]
    local key = task_key(prefix, id)
    local f = redis.call("HMGET", key, "name", "payload", "attempts", "max_attempts", "timeout_ms",
      "backoff", "run_at", "expire_at")
    if f[1] and f[8] and tonumber(f[3]) == 0 and tonumber(f[8]) <= now then
      redis.call("HSET", key, "state", "expired", "finished_at", now)
      redis.call("ZADD", prefix .. "done", now, id)
    elseif f[1] then
      taken = taken + 1
      local attempts, token = tonumber(f[3]) + 1, token_base .. ":" .. taken
      redis.call("HSET", key, "state", "active", "attempts", attempts, "started_at", now,
        "worker", worker, "token", token)
      redis.call("ZADD", prefix .. "active", lease_until, id)
      local n = #out
      out[n + 1], out[n + 2], out[n + 3], out[n + 4], out[n + 5] = id, token, f[1], f[2], attempts
      out[n + 6], out[n + 7], out[n + 8], out[n + 9] = f[4], f[5], f[6], f[7]
    end
  end
end

if redis.call("EXISTS", ready) == 1 then wake(prefix) end
if taken < count then
  local first = redis.call("ZRANGE", delayed, 0, 0, "WITHSCORES")
  if #first > 0 then out[1] = tonumber(first[2]) else out[1] = -2 end
end
return out
