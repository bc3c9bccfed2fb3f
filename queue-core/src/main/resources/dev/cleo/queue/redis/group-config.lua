-- group-config: sets the queue's group strategy, concurrency or one group's priority, then gives the groups in
-- line their places under the new setting, a ZSCAN page per call (the caller repeats with the
-- returned cursor until it is "0"; rescoring leaves the membership alone, so each group is seen).
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] field ("strategy", "concurrency" or "priority:<group>"), ARGV[3] value,
-- ARGV[4] scan cursor ("0" on the first call, which also writes the setting), ARGV[5] page size
-- Returns: the next cursor.
local prefix = ARGV[1]
if ARGV[4] == "0" then
  redis.call("HSET", prefix .. "gconf", ARGV[2], ARGV[3])
  if ARGV[2] == "concurrency" then
    -- Groups that left the line at the old limit (they all have running tasks) may take turns
    -- again: claim checks the new limit.
    for _, group in ipairs(redis.call("HKEYS", prefix .. "gactive")) do
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
