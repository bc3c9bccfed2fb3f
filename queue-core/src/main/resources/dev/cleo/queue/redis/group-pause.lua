-- group-pause: pauses or resumes one group. A paused group leaves the line (its running tasks
-- finish; its waiting ones stay); a resumed one enters it again when tasks wait in it.
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] group, ARGV[3] "1" to pause, "0" to resume
-- Returns: 1 when the paused flag changed, else 0.
--- @include "keys"
--- @include "group-line"
local prefix, group = ARGV[1], ARGV[2]
if ARGV[3] == "1" then
  local changed = redis.call("SADD", prefix .. "gpaused", group)
  redis.call("ZREM", prefix .. "groups", group)
  return changed
end
local changed = redis.call("SREM", prefix .. "gpaused", group)
if redis.call("EXISTS", prefix .. "g:" .. group) == 1 and group_enter(prefix, group) then wake(prefix) end
return changed
