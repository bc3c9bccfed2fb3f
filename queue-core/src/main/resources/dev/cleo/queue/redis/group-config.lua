-- group-config: sets one group setting of the queue, then gives the groups in line their places under
-- the new setting, a ZSCAN page per call (the caller repeats with the returned cursor until it is
-- "0"; rescoring leaves the membership alone, so each group is seen).
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] the "gconf" field ("strategy", "concurrency", "order", "max-size",
-- "overflow", "rate", "retry-holds", or per group "priority:<group>", "max-size:<group>",
-- "rate:<group>"), ARGV[3] value ("" removes the field), ARGV[4] scan cursor ("0" on the first call,
-- which also writes the setting), ARGV[5] page size
-- Returns: the next cursor; or "refused:<n>" when the order was to change while n grouped tasks
-- wait (their scores follow the order they were stored under).
--- @include "keys"
--- @include "group-line"
local prefix, field, value = ARGV[1], ARGV[2], ARGV[3]
local gconf = prefix .. "gconf"
if ARGV[4] == "0" then
  if field == "order" and (redis.call("HGET", gconf, "order") or "FIFO") ~= value then
    local waiting = tonumber(redis.call("GET", prefix .. "gwaiting") or "0")
    if waiting > 0 then return "refused:" .. waiting end
  end
  if value == "" then
    redis.call("HDEL", gconf, field)
  else
    redis.call("HSET", gconf, field, value)
  end
  -- Per-group sizes and rates are looked up only once a queue has one ("limits"), so queues
  -- without them pay nothing per task.
  if value ~= "" and (string.find(field, "max-size:", 1, true) == 1 or string.find(field, "rate:", 1, true) == 1) then
    redis.call("HSET", gconf, "limits", "1")
  end
  if field == "concurrency" then
    -- Groups that left the line at the old limit (they all have running tasks) may take turns
    -- again: claim checks the new limit.
    for _, group in ipairs(redis.call("HKEYS", prefix .. "gactive")) do
      if redis.call("EXISTS", prefix .. "g:" .. group) == 1 then group_enter(prefix, group) end
    end
    wake(prefix)
  elseif field == "rate" or string.find(field, "rate:", 1, true) == 1 then
    -- Groups waiting out a window take turns again; claim judges them by the new rate.
    local limited = prefix .. "glimited"
    for _, group in ipairs(redis.call("ZRANGE", limited, 0, -1)) do
      redis.call("ZREM", limited, group)
      if redis.call("EXISTS", prefix .. "g:" .. group) == 1 then group_enter(prefix, group) end
    end
    wake(prefix)
  end
end
local groups = prefix .. "groups"
local page = redis.call("ZSCAN", groups, ARGV[4], "COUNT", tonumber(ARGV[5]))
local members = page[2]
for i = 1, #members, 2 do
  redis.call("ZADD", groups, "XX", group_score(prefix, members[i]), members[i])
end
return page[1]
