-- group-line: the line of runnable groups (see docs/design/groups.md). A grouped task waits in
-- "g:<group>" in arrival order, and the group waits in "groups", the runnable groups in round-robin
-- order ("gturn" hands out turns). "gactive" counts each group's leased tasks and "gwaiting" all
-- grouped waiting tasks. Only claim checks a group's limit: entering "groups" is always allowed,
-- claim drops a group at its limit, and ack lets it back in when a slot frees.
-- Provides: group_score, group_enter, group_reenter, group_release, holds_or_pauses
-- Needs:
--- @include "group-settings"
--- @include "group-moves"

-- The arrival sequence behind a score in "g:<group>" (ready-order's score_in_group), for the FIFO
-- strategy, which runs the group whose head arrived first. A task put back at the head reads as
-- having arrived early, as it did.
local function arrival_in_group(order, score)
  if order == "LIFO" then return -score end
  if order == "PRIORITY" then return score % 1099511627776 end
  return score
end

-- A group's place in line ("gconf" field "strategy"): ROUND_ROBIN (default) the next turn, so it
-- goes to the back; FIFO the arrival of its head task, so the oldest head goes first; PRIORITY its
-- priority ("gconf" field "priority:<group>", 0..1000, default 0), higher first, then turns.
local function group_score(prefix, group)
  local settings = group_settings(prefix)
  if settings.strategy == "FIFO" then
    local head = redis.call("ZRANGE", prefix .. "g:" .. group, 0, 0, "WITHSCORES")
    if #head > 0 then return arrival_in_group(settings.order, tonumber(head[2])) end
  end
  local turn = redis.call("INCR", prefix .. "gturn")
  if settings.strategy == "PRIORITY" then
    local priority = redis.call("HGET", prefix .. "gconf", "priority:" .. group)
    return (1000 - tonumber(priority or 0)) * 1099511627776 + turn
  end
  return turn
end

-- A group whose tasks wait for their retries ("gblocked": group -> how many; each such task's hash
-- has "holds") stays out of line until the last of those retries comes due, so the group's order
-- holds across retries, also when several of its tasks failed at once; a paused group ("gpaused")
-- until it is resumed; a merged-away or splitting group (group-moves) for good or until the split
-- ends. Returns whether it entered.
-- Whether any group is held or paused is read once per script call; whatever adds a hold or a
-- pause in a call (hold_group, group-merge.lua, group-pause.lua) resets it to unknown.
local holds_or_pauses
local function group_enter(prefix, group)
  local groups = prefix .. "groups"
  if redis.call("ZSCORE", groups, group) then return false end
  if holds_or_pauses == nil then
    holds_or_pauses = redis.call("EXISTS", prefix .. "gblocked", prefix .. "gpaused") > 0
  end
  if holds_or_pauses and (redis.call("HEXISTS", prefix .. "gblocked", group) == 1
      or redis.call("SISMEMBER", prefix .. "gpaused", group) == 1) or group_moving(prefix, group) then
    return false
  end
  redis.call("ZADD", groups, group_score(prefix, group), group)
  return true
end

-- A group whose waiting tasks changed at once (a merge, a split): it enters the line, or, in line
-- already under FIFO, takes the place its head now gives it. Returns whether it entered.
local function group_reenter(prefix, group)
  if group_enter(prefix, group) then return true end
  if group_settings(prefix).strategy == "FIFO" then
    redis.call("ZADD", prefix .. "groups", "XX", group_score(prefix, group), group)
  end
  return false
end

-- Frees one of a group's slots and lets the group take its turn again if tasks wait in it.
-- Returns whether it entered the line: then the caller wakes a worker (once per call), since with
-- the group out of line the queue may have looked drained.
local function group_release(prefix, group)
  if redis.call("HINCRBY", prefix .. "gactive", group, -1) <= 0 then
    redis.call("HDEL", prefix .. "gactive", group)
  end
  return redis.call("EXISTS", prefix .. "g:" .. group) == 1 and group_enter(prefix, group)
end
