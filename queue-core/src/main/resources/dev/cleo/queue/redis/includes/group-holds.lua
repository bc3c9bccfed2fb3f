-- group-holds: retries that hold their group (the "gconf" field "retry-holds", on by default).
-- "gblocked" counts, per group, its tasks waiting for a retry; each such task's hash has "holds".
-- Provides: hold_group, release_hold
-- Needs:
--- @include "group-line"

-- A failed task with attempts left holds its group until its retry comes due, is cancelled or dies.
local function hold_group(prefix, key, group)
  if redis.call("HSETNX", key, "holds", "1") == 1 then redis.call("HINCRBY", prefix .. "gblocked", group, 1) end
  holds_or_pauses = true
  redis.call("ZREM", prefix .. "groups", group)
end

-- Ends the hold a task has on its group, if it has one; returns whether it had.
local function release_hold(prefix, key, group)
  if redis.call("HDEL", key, "holds") == 0 then return false end
  if redis.call("HINCRBY", prefix .. "gblocked", group, -1) <= 0 then redis.call("HDEL", prefix .. "gblocked", group) end
  return true
end
