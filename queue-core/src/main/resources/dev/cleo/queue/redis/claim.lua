-- claim: promotes due delayed tasks, then leases up to `count` ready tasks to one worker.
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] now (ms), ARGV[3] count, ARGV[4] lease (ms),
-- ARGV[5] lease token base (random per call), ARGV[6] worker id, ARGV[7] promote limit
-- Returns: { next_due, id, token, name, payload, attempts, max_attempts, timeout_ms, backoff, ready_since, ... }
--   next_due is the score of the earliest delayed task (or the end of the earliest rate-limited
--   group's window) when fewer than `count` were taken, -1 when
--   the claim was full (more may be ready), -2 when nothing is delayed. Tasks never started and past
--   their expire_at are marked expired, not returned (and published on "finished" with notify); a retry runs whatever its expire_at, since the
--   TTL only bounds the wait for a first start. A paused queue (key "paused" exists) leases and promotes
--   nothing and answers { -2 }, so the worker waits for the marker that resume sets.
local prefix, now, count = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local lease_until, token_base, worker = now + tonumber(ARGV[4]), ARGV[5], ARGV[6]
local delayed, ready = prefix .. "delayed", prefix .. "ready"
-- Checked first: a paused claim must not report a due time, or the worker would poll until resumed.
if redis.call("EXISTS", prefix .. "paused") == 1 then return { -2 } end

local due = redis.call("ZRANGEBYSCORE", delayed, "-inf", now, "LIMIT", 0, tonumber(ARGV[7]))
if #due > 0 then
  local seq = redis.call("INCRBY", prefix .. "seq", #due) - #due
  local scored = {}
  for _, id in ipairs(due) do
    local key = task_key(prefix, id)
    local f = redis.call("HMGET", key, "priority", "group", "holds")
    if f[1] then
      redis.call("HSET", key, "state", "waiting")
      seq = seq + 1
      if f[3] then
        -- A retry its group waits for: back in its place, and the group back in line once no
        -- other retry holds it.
        release_hold(prefix, key, task_group(prefix, key, f[2]))
        make_ready(prefix, id, f[1], 0)
      elseif f[2] then
        make_ready(prefix, id, f[1], seq)
      else
        scored[#scored + 1] = ready_score(f[1], seq); scored[#scored + 1] = id
      end
    end
  end
  batched("ZREM", delayed, due, 1)
  if #scored > 0 then batched("ZADD", ready, scored, 2) end
end

-- Groups that used up their rate window take turns again once it ends.
local limited = prefix .. "glimited"
local rested = redis.call("ZRANGEBYSCORE", limited, "-inf", now, "LIMIT", 0, 1000)
if #rested > 0 then
  batched("ZREM", limited, rested, 1)
  for _, group in ipairs(rested) do
    if redis.call("EXISTS", prefix .. "g:" .. group) == 1 then group_enter(prefix, group) end
  end
end

local out, leased, expired, taken = { -1 }, {}, {}, 0

-- Leases one popped task; returns false when it was not taken (gone, or expired before a start).
local function take(id, gscore)
  local key = task_key(prefix, id)
  local f = redis.call("HMGET", key, "name", "payload", "attempts", "max_attempts", "timeout_ms",
    "backoff", "run_at", "created_at", "expire_at", "notify")
  if f[1] and f[9] and not f[3] and tonumber(f[9]) <= now then
    redis.call("HSET", key, "state", "expired", "finished_at", now)
    expired[#expired + 1] = now; expired[#expired + 1] = id
    if f[10] then redis.call("PUBLISH", prefix .. "finished", id) end
    return false
  elseif not f[1] then
    return false
  end
  taken = taken + 1
  local attempts, token = tonumber(f[3] or 0) + 1, token_base .. ":" .. taken
  local fields = { "state", "active", "attempts", attempts, "started_at", now, "worker", worker, "token", token }
  -- A grouped task also keeps its place in the group, where a retry or a hand-back puts it again
  -- (make_ready).
  if gscore then fields[11], fields[12] = "gscore", gscore end
  redis.call("HSET", key, unpack(fields))
  leased[#leased + 1] = lease_until; leased[#leased + 1] = id
  local n = #out
  out[n + 1], out[n + 2], out[n + 3], out[n + 4], out[n + 5] = id, token, f[1], f[2], attempts
  out[n + 6], out[n + 7], out[n + 8], out[n + 9] = f[4], f[5] or 0, f[6], f[7] or f[8]
  return true
end

-- Takes the head task of the next group whose turn it is and that has a free slot and rate left;
-- a group at its limit leaves the line until ack frees a slot, one out of rate waits in "glimited"
-- until its window ends. Returns false when no group can run.
local groups, gactive = prefix .. "groups", prefix .. "gactive"
-- A group's rate limit ("gconf" field "rate", or "rate:<group>" when "limits" is set):
-- "<tasks>/<window ms>", fixed windows that start with the window's first task. Returns nil when
-- the group has none.
local function rate_of(group)
  local settings = group_settings(prefix)
  local rate = settings.rate
  if settings.limits then rate = redis.call("HGET", prefix .. "gconf", "rate:" .. group) or rate end
  if not rate or rate == "0" then return nil end
  local slash = string.find(rate, "/", 1, true)
  return tonumber(string.sub(rate, 1, slash - 1)), tonumber(string.sub(rate, slash + 1))
end
-- Counts a start against the group's window; returns whether the window has room left after it,
-- or, with count false, whether it has room now (parking the group in "glimited" when not).
local function window_room(group, limit, window, count)
  local key = prefix .. "gwindow:" .. group
  local w = redis.call("HMGET", key, "start", "used")
  local start, used = tonumber(w[1] or 0), tonumber(w[2] or 0)
  if start + window <= now then start, used = now, 0 end
  if count then
    used = used + 1
    redis.call("HSET", key, "start", start, "used", used)
    -- The window is judged by the callers' clock (now); the TTL only clears the key later, with a
    -- minute's slack so a server clock a little ahead cannot end a window early.
    redis.call("PEXPIRE", key, start + window - now + 60000)
  end
  if used < limit then return true end
  redis.call("ZADD", limited, start + window, group)
  return false
end
local function take_from_group()
  -- read on the first grouped take, so ungrouped claims never pay for it
  local settings = group_settings(prefix)
  local group_limit = tonumber(settings.concurrency or "1")
  while true do
    local turn = redis.call("ZPOPMIN", groups)
    if #turn == 0 then return false end
    local group = turn[1]
    local active = tonumber(redis.call("HGET", gactive, group) or "0")
    local limit, window = nil, nil
    if settings.rate or settings.limits then limit, window = rate_of(group) end
    if active < group_limit and (not limit or window_room(group, limit, window, false)) then
      local set = prefix .. "g:" .. group
      local head = redis.call("ZPOPMIN", set)
      if #head > 0 then
        redis.call("DECR", prefix .. "gwaiting")
        local room = true
        if take(head[1], head[2]) then
          active = redis.call("HINCRBY", gactive, group, 1)
          if limit then room = window_room(group, limit, window, true) end
        end
        if room and active < group_limit and redis.call("EXISTS", set) == 1 then group_enter(prefix, group) end
        return true
      end
    end
  end
end

if redis.call("EXISTS", groups) == 0 then
  while taken < count do
    local popped = redis.call("ZPOPMIN", ready, count - taken)
    if #popped == 0 then break end
    for j = 1, #popped, 2 do take(popped[j]) end
  end
else
  -- Grouped and ungrouped tasks take turns, so neither starves the other; which goes first
  -- alternates from claim to claim, or a claim of one task would always pick the same side.
  local groups_open, ready_open = true, redis.call("EXISTS", ready) == 1
  local ready_turn = ready_open and redis.call("INCR", prefix .. "gside") % 2 == 0
  while taken < count and (groups_open or ready_open) do
    if ready_turn and ready_open then
      local popped = redis.call("ZPOPMIN", ready)
      if #popped == 0 then ready_open = false else take(popped[1]) end
    elseif groups_open then
      groups_open = take_from_group()
    end
    ready_turn = not ready_turn
  end
end
if #leased > 0 then batched("ZADD", prefix .. "active", leased, 2) end
if #expired > 0 then batched("ZADD", prefix .. "done", expired, 2) end

if taken == count and count > 0 then
  if redis.call("EXISTS", ready) == 1 or redis.call("EXISTS", groups) == 1 then wake(prefix) end
else
  -- The next time work may come due: a delayed task, or a rate-limited group's window ending.
  local first = redis.call("ZRANGE", delayed, 0, 0, "WITHSCORES")
  local rest = redis.call("ZRANGE", limited, 0, 0, "WITHSCORES")
  if #rest > 0 and (#first == 0 or tonumber(rest[2]) < tonumber(first[2])) then first = rest end
  if #first > 0 then out[1] = tonumber(first[2]) else out[1] = -2 end
end
return out
