-- queue-remove: removes a queue with everything it keeps, at most ARGV[3] tasks (and group names) per
-- call; the caller repeats until a call answers that nothing is left, and may call again after an
-- interruption to finish. Tasks go with their log lists and their deduplication keys (when these still
-- name them); an unfinished task stored with notify is announced on "finished", so futures waiting on it
-- learn at once that it is gone. A removed running task's worker finds its token matching nothing:
-- its ack, heartbeat, progress and hand-back write nothing (ack.lua, extend.lua, report.lua and
-- release.lua only write to a task whose token matches), and its heartbeat answers "gone".
-- Order: the task sets, then each group still named in a group register (with its waiting tasks,
-- statistics and rate window), then the schedules, then the group settings, then the history's rollup
-- buckets, last the queue's own keys (its event stream among them).
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] "1" to remove waiting, delayed, running and dead tasks too, "" to
-- refuse while there are any, ARGV[3] budget per call
-- Returns: { removed, 1 } when nothing of the queue is left, { removed, 0 } when more calls are needed
-- (removed: tasks removed by this call), or { -1, waiting, delayed, active, finished, dead } when
-- ARGV[2] is "" and the queue has waiting, delayed, active or dead tasks (nothing was removed).
--- @include "queue-drain"
local prefix, with_tasks, budget = ARGV[1], ARGV[2] == "1", tonumber(ARGV[3])
if not with_tasks then
  local waiting = redis.call("ZCARD", prefix .. "ready") + tonumber(redis.call("GET", prefix .. "gwaiting") or "0")
  local delayed, active = redis.call("ZCARD", prefix .. "delayed"), redis.call("ZCARD", prefix .. "active")
  local dead = redis.call("ZCARD", prefix .. "dead")
  if waiting + delayed + active + dead > 0 then
    return { -1, waiting, delayed, active, redis.call("ZCARD", prefix .. "done"), dead }
  end
end

local d = queue_drainer(prefix, budget)
local each_name, drain = d.each_name, d.drain
for _, place in ipairs({ "ready", "delayed", "active", "dead", "done" }) do
  if not drain(prefix .. place) then return { d.removed, 0 } end
end


local function drain_group(group)
  if not drain(prefix .. "g:" .. group) then return false end
  redis.call("DEL", prefix .. "g:" .. group)
  d.forget_group_keys(group)
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
    if register[1] == "gmerged" then d.forget_group_keys(redis.call("HGET", key, group) or group) end
    if not drain_group(group) then return false end
    redis.call(forget, key, group)
    return true
  end)
  if not done then return { d.removed, 0 } end
end

-- Deletes the key each member of a sorted set names (schedules, rollup buckets), then the member.
local function drain_named(set, key_of)
  return each_name(function(n) return redis.call("ZRANGE", set, 0, n - 1) end, function(name)
    redis.call("UNLINK", key_of(name))
    redis.call("ZREM", set, name)
    return true
  end)
end
if not drain_named(prefix .. "schedules", function(name) return prefix .. "sched:" .. name end) then
  return { d.removed, 0 }
end
-- Per-group settings ("priority:<group>", "max-size:<group>", "rate:<group>") name groups too.
local gconf = prefix .. "gconf"
if not each_name(function(n) return redis.call("HRANDFIELD", gconf, n) end, function(field)
  local group = string.match(field, "^[%a-]+:(.*)$")
  if group and not drain_group(group) then return false end
  redis.call("HDEL", gconf, field)
  return true
end) then return { d.removed, 0 } end
if not drain_named(prefix .. "hbuckets", function(bucket) return prefix .. "hr:" .. bucket end) then
  return { d.removed, 0 }
end

for _, kind in ipairs({ "ready", "delayed", "active", "done", "dead", "marker", "seq", "paused", "workers",
    "gwaiting", "gside", "gturn", "groups", "gactive", "gblocked", "gpaused", "gmerged", "gsplitting",
    "glimited", "gconf", "schedules", "events", "evseq", "evlines", "hbuckets" }) do
  redis.call("UNLINK", prefix .. kind)
end
return { d.removed, 1 }
