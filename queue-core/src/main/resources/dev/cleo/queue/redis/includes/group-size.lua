-- group-size: a group's maximum size ("gconf" field "max-size", or "max-size:<group>" when "limits"
-- is set) bounds its waiting tasks: with "overflow" FAIL (default) a task beyond it is refused, with
-- DROP_OLDEST the group's oldest waiting task (for PRIORITY order: of the lowest priority) is
-- dropped: state "dropped", kept with the finished tasks. Delayed tasks count once they are due.
-- Provides: max_size, group_size, group_sizes, would_refuse, may_refuse, drop_oldest
-- Needs:
--- @include "keys"
--- @include "group-settings"
--- @include "history"
--- @include "history-tally"

-- Per-call caches, filled only when a grouped task is here: each group's maximum, and its waiting
-- tasks counting those this call added so far (group_sizes; a caller may start it afresh).
local group_limits, group_sizes = {}, {}
local function max_size(prefix, group)
  if group_limits[group] == nil then
    local settings = group_settings(prefix)
    local own = settings.limits and redis.call("HGET", prefix .. "gconf", "max-size:" .. group)
    group_limits[group] = tonumber(own or settings["max-size"] or 0)
  end
  return group_limits[group]
end
local function group_size(prefix, group)
  group_sizes[group] = group_sizes[group] or redis.call("ZCARD", prefix .. "g:" .. group)
  return group_sizes[group]
end
local function would_refuse(prefix, group)
  local limit = max_size(prefix, group)
  return limit > 0 and group_settings(prefix).overflow ~= "DROP_OLDEST" and group_size(prefix, group) >= limit
end

-- Whether a full group may refuse a task here: a maximum is set and the overflow is FAIL.
local function may_refuse(prefix)
  local settings = group_settings(prefix)
  return (settings["max-size"] or settings.limits) and settings.overflow ~= "DROP_OLDEST"
end

-- Drops the group's oldest waiting task to make room; for PRIORITY order the oldest of the lowest
-- priority waiting, since that is the task that would have run last.
local function drop_oldest(prefix, now, group)
  local set, victim = prefix .. "g:" .. group, nil
  local order = group_settings(prefix).order
  if order == "LIFO" then
    victim = redis.call("ZRANGE", set, -1, -1)[1]
  elseif order == "PRIORITY" then
    local last = redis.call("ZRANGE", set, -1, -1, "WITHSCORES")
    local band = math.floor(tonumber(last[2]) / 1099511627776) * 1099511627776
    victim = redis.call("ZRANGEBYSCORE", set, band, "+inf", "LIMIT", 0, 1)[1]
  else
    victim = redis.call("ZRANGE", set, 0, 0)[1]
  end
  redis.call("ZREM", set, victim)
  redis.call("DECR", prefix .. "gwaiting")
  local key = task_key(prefix, victim)
  redis.call("HSET", key, "state", "dropped", "finished_at", now)
  if history_on() then
    local name = redis.call("HGET", key, "name") or ""
    history_event("D\31" .. victim .. "\31" .. name .. "\31" .. group)
    history_tally_unstarted(now, name, "D")
  end
  redis.call("ZADD", prefix .. "done", now, victim)
  if redis.call("HEXISTS", key, "notify") == 1 then redis.call("PUBLISH", prefix .. "finished", victim) end
end
