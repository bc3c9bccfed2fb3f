-- dead-retry: moves dead tasks back to ready with fresh attempts (the DLQ's reprocess).
-- ARGV[1] queue key prefix, ARGV[2] now (ms), ARGV[3] max tasks when no ids are given,
-- then the ids to retry (none = the oldest dead tasks, up to the max)
-- Returns: the ids that were retried.
--- @include "keys"
--- @include "make-ready"
local prefix, now = ARGV[1], ARGV[2]
local dead = prefix .. "dead"
local ids = {}
if #ARGV > 3 then
  for i = 4, #ARGV do ids[#ids + 1] = ARGV[i] end
else
  ids = redis.call("ZRANGE", dead, 0, tonumber(ARGV[3]) - 1)
end
local retried = {}
for _, id in ipairs(ids) do
  local key = task_key(prefix, id)
  local priority = redis.call("HGET", key, "priority")
  if priority and redis.call("ZREM", dead, id) == 1 then
    redis.call("HSET", key, "state", "waiting", "attempts", 0, "run_at", now)
    redis.call("HDEL", key, "finished_at")
    make_ready(prefix, id, priority, next_seq(prefix))
    retried[#retried + 1] = id
  end
end
if #retried > 0 then wake(prefix) end
return retried
