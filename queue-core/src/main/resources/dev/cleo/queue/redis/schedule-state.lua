-- schedule-state: pauses, resumes or deletes a schedule.
-- KEYS[1] the queue's schedules set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] name, ARGV[3] "pause", "resume" or "delete",
-- ARGV[4] for resume: the first tick after now (ms); paused ticks are not misfires
-- Returns 1 done, 0 already so, -1 no such schedule.
--- @include "schedule"
local prefix, name, op = ARGV[1], ARGV[2], ARGV[3]
local key, set = sched_key(prefix, name), prefix .. "schedules"
if redis.call("EXISTS", key) == 0 then return -1 end
local paused = redis.call("HGET", key, "paused") == "1"
if op == "delete" then
  redis.call("DEL", key)
  redis.call("ZREM", set, name)
elseif op == "pause" then
  if paused then return 0 end
  redis.call("HSET", key, "paused", "1")
  redis.call("ZADD", set, "+inf", name)
else
  if not paused then return 0 end
  redis.call("HDEL", key, "paused")
  redis.call("HSET", key, "next", ARGV[4])
  redis.call("ZADD", set, ARGV[4], name)
end
wake_schedulers(prefix)
return 1
