-- Shared helpers, prepended to every script when it is loaded (see LuaScript.java).
-- Every key a script touches is built from ARGV[1], the queue's key prefix "<prefix>:{<queue>}:",
-- so all of them share the queue's hash tag and live in one Cluster slot.

-- Ready order: higher priority first (priority 0..1000), then arrival (sequence < 2^40); exact in a double.
local function ready_score(priority, seq)
  return (1000 - tonumber(priority)) * 1099511627776 + seq
end

local function task_key(prefix, id)
  return prefix .. "t:" .. id
end

local function wake(prefix)
  redis.call("ZADD", prefix .. "marker", 0, "m")
end

-- Order within a group ("gconf" field "order"): FIFO (default) by arrival, LIFO newest first,
-- PRIORITY by the task's priority, then arrival. The score a waiting task has in "g:<group>":
local function score_in_group(order, priority, seq)
  if order == "LIFO" then return -seq end
  if order == "PRIORITY" then return ready_score(priority, seq) end
  return seq
end

-- The arrival sequence behind a score in "g:<group>" (for the FIFO strategy, which runs the group
-- whose head arrived first). A task put back at the head reads as having arrived early, as it did.
local function arrival_in_group(order, score)
  if order == "LIFO" then return -score end
  if order == "PRIORITY" then return score % 1099511627776 end
  return score
end

-- Groups (see docs/design/groups.md): a grouped task waits in "g:<group>" in arrival order, and the
-- group waits in "groups", the runnable groups in round-robin order ("gturn" hands out turns).
-- "gactive" counts each group's leased tasks and "gwaiting" all grouped waiting tasks. Only claim
-- checks a group's limit: entering "groups" is always allowed, claim drops a group at its limit,
-- and ack lets it back in when a slot frees.
-- A group's place in line ("gconf" field "strategy"): ROUND_ROBIN (default) the next turn, so it
-- goes to the back; FIFO the arrival of its head task, so the oldest head goes first; PRIORITY its
-- priority ("gconf" field "priority:<group>", 0..1000, default 0), higher first, then turns.
-- The queue's group settings ("gconf"; RedisKeys lists the fields), read in one HMGET on first use
-- in a script call and kept for the rest of it: group-config.lua, their one writer, writes before
-- it reads them. Per-group fields ("priority:<group>", ...) are read where they are needed.
local GROUP_SETTINGS = { "strategy", "order", "concurrency", "max-size", "overflow", "rate", "limits",
  "retry-holds" }
local group_settings_read
local function group_settings(prefix)
  if not group_settings_read then
    local values = redis.call("HMGET", prefix .. "gconf", unpack(GROUP_SETTINGS))
    group_settings_read = {}
    for i, field in ipairs(GROUP_SETTINGS) do group_settings_read[field] = values[i] end
  end
  return group_settings_read
end

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

-- Merged and split groups (group-merge.lua, group-split.lua): "gmerged" maps each group merged
-- away to the group it went into, for good, so a task that still names it (delayed, running, or
-- enqueued later) finds its group; "gsplitting" holds the groups being split, out of line until the
-- split ends. Both keys are absent until a merge or split happened: one EXISTS per script call
-- tells, and only then is each grouped task's name looked up.
-- (group-merge and group-split may cache "none" before they add the first entry; they then only
-- ask about groups other than the one they add.)
local groups_moved -- nil until read in this call
local function moves_exist(prefix)
  if groups_moved == nil then
    groups_moved = redis.call("EXISTS", prefix .. "gmerged", prefix .. "gsplitting") > 0
  end
  return groups_moved
end

-- The group a name stands for now: itself, or where it was merged (through each later merge).
local function group_of(prefix, group)
  while group and group ~= "" and moves_exist(prefix) do
    local into = redis.call("HGET", prefix .. "gmerged", group)
    if not into then break end
    group = into
  end
  return group
end

-- Whether a group was merged away or is being split: either keeps it out of line.
local function group_moving(prefix, group)
  return moves_exist(prefix) and (redis.call("HEXISTS", prefix .. "gmerged", group) == 1
    or redis.call("SISMEMBER", prefix .. "gsplitting", group) == 1)
end

-- A task's group from its hash field `named`; rewrites the field when its group was merged away.
local function task_group(prefix, key, named)
  local group = group_of(prefix, named)
  if group ~= named then redis.call("HSET", key, "group", group) end
  return group
end

-- A group whose tasks wait for their retries ("gblocked": group -> how many; each such task's hash
-- has "holds") stays out of line until the last of those retries comes due, so the group's order
-- holds across retries, also when several of its tasks failed at once; a paused group ("gpaused")
-- until it is resumed; a merged-away or splitting group (above) for good or until the split ends.
-- Returns whether it entered.
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

-- Frees one of a group's slots and lets the group take its turn again if tasks wait in it.
-- Returns whether it entered the line: then the caller wakes a worker (once per call), since with
-- the group out of line the queue may have looked drained.
local function group_release(prefix, group)
  if redis.call("HINCRBY", prefix .. "gactive", group, -1) <= 0 then
    redis.call("HDEL", prefix .. "gactive", group)
  end
  return redis.call("EXISTS", prefix .. "g:" .. group) == 1 and group_enter(prefix, group)
end

local function next_seq(prefix)
  return redis.call("INCR", prefix .. "seq")
end


-- Runs a variadic command over a flat list of arguments in chunks within Lua's unpack limit
-- (one call per chunk instead of one per element). `step` keeps pairs together.
local function batched(command, key, list, step)
  local chunk = 1000 * step
  for i = 1, #list, chunk do
    redis.call(command, key, unpack(list, i, math.min(i + chunk - 1, #list)))
  end
end

-- The deduplication key of a task (its hash's "dedupe_id") if it still names the task, else nil: a
-- later task may own the id by now.
local function own_dedupe_key(prefix, id, dedupe)
  if not dedupe then return nil end
  local key = prefix .. "dedupe:" .. dedupe
  if redis.call("GET", key) == id then return key end
  return nil
end

-- Deletes tasks' hashes and log lists, and the deduplication keys that still name them (so a new
-- task may take the id at once), in chunks of one DEL each.
local function delete_tasks(prefix, ids)
  local keys = {}
  for _, id in ipairs(ids) do
    local key = task_key(prefix, id)
    keys[#keys + 1] = own_dedupe_key(prefix, id, redis.call("HGET", key, "dedupe_id"))
    keys[#keys + 1] = key
    keys[#keys + 1] = prefix .. "logs:" .. id
  end
  for i = 1, #keys, 1000 do
    redis.call("DEL", unpack(keys, i, math.min(i + 999, #keys)))
  end
end

-- Retention: drops members older than max_age_ms and beyond max_count, at most budget per call.
local function trim(prefix, set, now, max_count, max_age_ms, budget)
  local old = redis.call("ZRANGEBYSCORE", set, "-inf", now - max_age_ms, "LIMIT", 0, budget)
  local excess = redis.call("ZCARD", set) - #old - max_count
  if excess > 0 and #old < budget then
    local extra = redis.call("ZRANGE", set, #old, #old + math.min(excess, budget - #old) - 1)
    for _, id in ipairs(extra) do old[#old + 1] = id end
  end
  if #old > 0 then
    delete_tasks(prefix, old)
    batched("ZREM", set, old, 1)
  end
  return #old
end
