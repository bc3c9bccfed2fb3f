-- claim: promotes due delayed tasks, then leases up to `count` ready tasks to one worker.
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] now (ms), ARGV[3] count, ARGV[4] lease (ms),
-- ARGV[5] lease token base (random per call), ARGV[6] worker id, ARGV[7] promote limit,
-- ARGV[8] "1" to return each task's trace headers too ("" = not), ARGV[9] the history spec (see
-- history: an "S" event line per task started, an "X" line per task expired)
-- Returns: { next_due, id, token, name, payload, attempts, max_attempts, timeout_ms, backoff, ready_since,
--   [headers ("" = none), with ARGV[8]] ... }
--   next_due is the score of the earliest delayed task (or the end of the earliest rate-limited
--   group's window) when fewer than `count` were taken, -1 when
--   the claim was full (more may be ready), -2 when nothing is delayed. Tasks never started and past
--   their expire_at are marked expired, not returned (and published on "finished" with notify); a retry runs whatever its expire_at, since the
--   TTL only bounds the wait for a first start. A paused queue (key "paused" exists) leases and promotes
--   nothing and answers { -2 }, so the worker waits for the marker that resume sets.
--- @include "keys"
--- @include "batched"
--- @include "promote"
--- @include "group-rate"
--- @include "group-take"
--- @include "history"
--- @include "history-tally"
local prefix, now, count = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local lease_until, token_base, worker = now + tonumber(ARGV[4]), ARGV[5], ARGV[6]
local with_headers = ARGV[8] == "1"
history_open(ARGV[9])
local delayed, ready = prefix .. "delayed", prefix .. "ready"
-- Checked first: a paused claim must not report a due time, or the worker would poll until resumed.
if redis.call("EXISTS", prefix .. "paused") == 1 then return { -2 } end

promote_due(prefix, now, tonumber(ARGV[7]), delayed, ready)

-- Groups that used up their rate window take turns again once it ends.
local limited = prefix .. "glimited"
rate_rested(prefix, now, limited)

local out, leased, expired, taken = { -1 }, {}, {}, 0

-- Leases one popped task; returns false when it was not taken (gone, or expired before a start).
local function take(id, gscore)
  local key = task_key(prefix, id)
  local f = redis.call("HMGET", key, "name", "payload", "attempts", "max_attempts", "timeout_ms",
    "backoff", "run_at", "created_at", "expire_at", "notify")
  if f[1] and f[9] and not f[3] and tonumber(f[9]) <= now then
    redis.call("HSET", key, "state", "expired", "finished_at", now)
    expired[#expired + 1] = now; expired[#expired + 1] = id
    if history_on() then
      history_event("X\31" .. id .. "\31" .. f[1] .. "\31" .. (redis.call("HGET", key, "group") or ""))
      history_tally_unstarted(now, f[1], "x")
    end
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
  if with_headers then out[n + 10] = redis.call("HGET", key, "headers") or "" end
  if history_on() then
    local since = tonumber(f[7] or f[8]) or now
    history_event("S\31" .. id .. "\31" .. attempts .. "\31" .. worker .. "\31" .. math.max(0, now - since) .. "\31"
      .. f[1])
  end
  return true
end

local groups = prefix .. "groups"
if redis.call("EXISTS", groups) == 0 then
  while taken < count do
    local popped = redis.call("ZPOPMIN", ready, count - taken)
    if #popped == 0 then break end
    for j = 1, #popped, 2 do take(popped[j]) end
  end
else
  -- Grouped and ungrouped tasks take turns, so neither starves the other; which goes first
  -- alternates from claim to claim, or a claim of one task would always pick the same side.
  local take_from_group = group_taker(prefix, now, groups, take)
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
history_write(prefix)

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
