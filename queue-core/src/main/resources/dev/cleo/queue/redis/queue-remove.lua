-- queue-remove: removes a queue with everything it keeps, at most ARGV[3] tasks (and group names) per
-- call; the caller repeats until a call answers that nothing is left, and may call again after an
-- interruption to finish. Tasks go with their log lists and their deduplication keys (when these still
-- name them); an unfinished task stored with notify is announced on "finished", so futures waiting on it
-- learn at once that it is gone. A removed running task's worker finds its token matching nothing:
-- its ack, heartbeat, progress and hand-back write nothing (ack.lua, extend.lua, report.lua and
-- release.lua only write to a task whose token matches), and its heartbeat answers "gone".
-- Order: the task sets, then each group still named in a group register (with its waiting tasks,
-- statistics and rate window), then the schedules, then the group settings, last the queue's own keys.
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] "1" to remove waiting, delayed, running and dead tasks too, "" to
-- refuse while there are any, ARGV[3] budget per call
-- Returns: { removed, 1 } when nothing of the queue is left, { removed, 0 } when more calls are needed
-- (removed: tasks removed by this call), or { -1, waiting, delayed, active, finished, dead } when
-- ARGV[2] is "" and the queue has waiting, delayed, active or dead tasks (nothing was removed).
--- @include "keys"
--- @include "batched"
--- @include "dedupe"
--- @include "final-states"
local prefix, with_tasks, budget = ARGV[1], ARGV[2] == "1", tonumber(ARGV[3])
if not with_tasks then
  local waiting = redis.call("ZCARD", prefix .. "ready") + tonumber(redis.call("GET", prefix .. "gwaiting") or "0")
  local delayed, active = redis.call("ZCARD", prefix .. "delayed"), redis.call("ZCARD", prefix .. "active")
  local dead = redis.call("ZCARD", prefix .. "dead")
  if waiting + delayed + active + dead > 0 then
    return { -1, waiting, delayed, active, redis.call("ZCARD", prefix .. "done"), dead }
  end
end

local removed, taken = 0, 0
local function forget_group_keys(group)
  redis.call("DEL", prefix .. "gwindow:" .. group, prefix .. "gstats:" .. group)
end

local function remove_task(id)
  local key = task_key(prefix, id)
  local f = redis.call("HMGET", key, "dedupe_id", "group", "notify", "state")
  local dedupe = own_dedupe_key(prefix, id, f[1])
  if dedupe then redis.call("DEL", dedupe) end
  if f[2] then forget_group_keys(f[2]) end
  removed = removed + redis.call("DEL", key)
  redis.call("DEL", prefix .. "logs:" .. id)
  if f[3] and f[4] and not FINAL[f[4]] then redis.call("PUBLISH", prefix .. "finished", id) end
end

-- Removes the tasks of a sorted set up to the budget; returns whether the set is empty now.
local function drain(set)
  local left = budget - taken
  if left <= 0 then return false end
  local ids = redis.call("ZRANGE", set, 0, left - 1)
  for _, id in ipairs(ids) do remove_task(id) end
  taken = taken + #ids
  if #ids > 0 then batched("ZREM", set, ids, 1) end
  return #ids < left
end

for _, place in ipairs({ "ready", "delayed", "active", "dead", "done" }) do
  if not drain(prefix .. place) then return { removed, 0 } end
end

-- Calls each(name) for pages of names read(n) returns, until none is left (true) or the budget is
-- spent (false); each(name) answers false when it ran out of budget before it was done with the name.
local function each_name(read, each)
  while budget > taken do
    local names = read(budget - taken)
    if #names == 0 then return true end
    for _, name in ipairs(names) do
      taken = taken + 1
      if not each(name) then return false end
    end
  end
  return false
end
local function drain_group(group)
  if not drain(prefix .. "g:" .. group) then return false end
  redis.call("DEL", prefix .. "g:" .. group)
  forget_group_keys(group)
  return true
end

-- Every group with waiting tasks is in line ("groups") or out of it for a reason that a register
-- names: at its concurrency (gactive), held by a retry (gblocked), paused, out of rate (glimited),
-- merged away or being split. A name is forgotten once its group has nothing left.
local REGISTERS = { { "groups", "ZRANGE", "ZREM" }, { "glimited", "ZRANGE", "ZREM" },
  { "gactive", "HRANDFIELD", "HDEL" }, { "gblocked", "HRANDFIELD", "HDEL" }, { "gmerged", "HRANDFIELD", "HDEL" },
  { "gpaused", "SRANDMEMBER", "SREM" }, { "gsplitting", "SRANDMEMBER", "SREM" } }
for _, register in ipairs(REGISTERS) do
  local key, read, forget = prefix .. register[1], register[2], register[3]
  local done = each_name(function(n)
    if read == "ZRANGE" then return redis.call(read, key, 0, n - 1) end
    return redis.call(read, key, n)
  end, function(group)
    if register[1] == "gmerged" then forget_group_keys(redis.call("HGET", key, group) or group) end
    if not drain_group(group) then return false end
    redis.call(forget, key, group)
    return true
  end)
  if not done then return { removed, 0 } end
end

local schedules, gconf = prefix .. "schedules", prefix .. "gconf"
if not each_name(function(n) return redis.call("ZRANGE", schedules, 0, n - 1) end, function(name)
  redis.call("DEL", prefix .. "sched:" .. name)
  redis.call("ZREM", schedules, name)
  return true
end) then return { removed, 0 } end
-- Per-group settings ("priority:<group>", "max-size:<group>", "rate:<group>") name groups too.
if not each_name(function(n) return redis.call("HRANDFIELD", gconf, n) end, function(field)
  local group = string.match(field, "^[%a-]+:(.*)$")
  if group and not drain_group(group) then return false end
  redis.call("HDEL", gconf, field)
  return true
end) then return { removed, 0 } end

for _, kind in ipairs({ "ready", "delayed", "active", "done", "dead", "marker", "seq", "paused", "workers",
    "gwaiting", "gside", "gturn", "groups", "gactive", "gblocked", "gpaused", "gmerged", "gsplitting",
    "glimited", "gconf", "schedules" }) do
  redis.call("UNLINK", prefix .. kind)
end
return { removed, 1 }
