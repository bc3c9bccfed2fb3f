-- make-ready: indexes a waiting task, the one way every path but enqueue makes a task ready
-- (release, dead-retry, a due retry, a schedule's run).
-- Provides: make_ready
-- Needs:
--- @include "keys"
--- @include "ready-order"
--- @include "group-settings"
--- @include "group-moves"
--- @include "group-line"

-- Indexes a waiting task: in its group when it has one, else in "ready" by priority, then arrival.
-- seq 0 puts the task back in its place (a lease handed back, a retry its group waits for): in a
-- group the score it had when claim took it ("gscore"), so several such tasks keep their order
-- among themselves and ahead of later ones; without one, just before the current head.
local function make_ready(prefix, id, priority, seq)
  local key = task_key(prefix, id)
  local group = task_group(prefix, key, redis.call("HGET", key, "group"))
  if group then
    local set, score = prefix .. "g:" .. group, nil
    local order = group_settings(prefix).order
    if seq == 0 then
      score = tonumber(redis.call("HGET", key, "gscore"))
      local head = not score and redis.call("ZRANGE", set, 0, 0, "WITHSCORES")
      if head and #head > 0 then score = tonumber(head[2]) - 1 end
    end
    if redis.call("ZADD", set, score or score_in_group(order, priority, seq), id) == 1 then
      redis.call("INCR", prefix .. "gwaiting")
    end
    group_enter(prefix, group)
  else
    redis.call("ZADD", prefix .. "ready", ready_score(priority, seq), id)
  end
end
