-- schedule-due: Redis's time and the schedules of a queue due by it, for the firing instances.
-- KEYS[1] the queue's schedules set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] most schedules returned (0 = only the times)
-- Returns { now, earliest next tick after now (-1 = none), then per due schedule: name, and its
-- hash as a flat list of fields and values preceded by the list's length }.
--- @include "schedule"
local prefix, limit = ARGV[1], tonumber(ARGV[2])
local now, set = redis_now(), prefix .. "schedules"
local out = { now, -1 }
local later = redis.call("ZRANGEBYSCORE", set, "(" .. now, "+inf", "LIMIT", 0, 1, "WITHSCORES")
if #later > 0 and later[2] ~= "inf" then out[2] = tonumber(later[2]) end
if limit == 0 then return out end
for _, name in ipairs(redis.call("ZRANGEBYSCORE", set, "-inf", now, "LIMIT", 0, limit)) do
  local fields = redis.call("HGETALL", sched_key(prefix, name))
  if #fields == 0 then
    redis.call("ZREM", set, name)
  else
    out[#out + 1] = name
    out[#out + 1] = #fields
    for _, value in ipairs(fields) do out[#out + 1] = value end
  end
end
return out
