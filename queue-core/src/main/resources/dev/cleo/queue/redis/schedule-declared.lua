-- schedule-declared: an owner's instances say which schedules they still declare: their declaration
-- time is refreshed, and the owner's schedules nobody declared for longer than the grace period are
-- deleted, so a deploy that drops a schedule leaves no ghost firing.
-- KEYS[1] the queue's schedules set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] owner, ARGV[3] grace (ms), then the names declared on this queue
-- Returns the names deleted.
--- @include "schedule"
local prefix, owner, grace = ARGV[1], ARGV[2], tonumber(ARGV[3])
local now, set = redis_now(), prefix .. "schedules"
local declared = {}
for i = 4, #ARGV do
  declared[ARGV[i]] = true
  local key = sched_key(prefix, ARGV[i])
  if redis.call("HGET", key, "owner") == owner then redis.call("HSET", key, "declared_at", now) end
end
local deleted = {}
for _, name in ipairs(redis.call("ZRANGE", set, 0, -1)) do
  local f = redis.call("HMGET", sched_key(prefix, name), "owner", "declared_at")
  if not declared[name] and f[1] == owner and tonumber(f[2] or 0) < now - grace then
    redis.call("DEL", sched_key(prefix, name))
    redis.call("ZREM", set, name)
    deleted[#deleted + 1] = name
  end
end
if #deleted > 0 then wake_schedulers(prefix) end
return deleted
