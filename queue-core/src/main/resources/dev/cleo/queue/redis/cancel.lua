-- cancel: cancels a waiting, delayed or failed (awaiting retry) task.
-- ARGV[1] queue key prefix, ARGV[2] now (ms), ARGV[3] id
-- Returns: { 1 } when cancelled, { 0, state } when the task is in a state that cannot be cancelled,
--   { -1 } when there is no such task.
local prefix, now, id = ARGV[1], ARGV[2], ARGV[3]
local key = task_key(prefix, id)
local state = redis.call("HGET", key, "state")
if not state then return { -1 } end
if state == "waiting" then
  redis.call("ZREM", prefix .. "ready", id)
elseif state == "delayed" or state == "failed" then
  redis.call("ZREM", prefix .. "delayed", id)
else
  return { 0, state }
end
redis.call("HSET", key, "state", "cancelled", "finished_at", now)
redis.call("ZADD", prefix .. "done", now, id)
return { 1 }
