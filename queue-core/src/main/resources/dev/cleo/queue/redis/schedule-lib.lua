-- Helpers of the schedule scripts, put after lib.lua (see docs/design/scheduling.md).
-- A schedule is the hash "sched:<name>"; "schedules" holds every schedule of the queue by its next
-- tick (ms), "+inf" while paused.

-- Redis's own clock decides every schedule matter, so instances with skewed clocks agree.
-- (TIME before a write needs effects replication: the default from Redis 5, the only mode in 7.)
local function redis_now()
  local t = redis.call("TIME")
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function sched_key(prefix, name)
  return prefix .. "sched:" .. name
end

-- Tells the firing instances to look again (a change may bring a tick forward).
local function wake_schedulers(prefix)
  redis.call("PUBLISH", prefix .. "sched-wake", "1")
end

-- A run still counts as running unless its task is final or gone (retention removed it).
local FINAL = { completed = true, dead = true, expired = true, cancelled = true, dropped = true }
local function run_state(prefix, id)
  if not id or id == "" then return nil, nil end
  local f = redis.call("HMGET", task_key(prefix, id), "state", "finished_at")
  return f[1], f[2]
end
local function is_running(prefix, id)
  local state = run_state(prefix, id)
  return state and not FINAL[state]
end

-- The delay of a fixed-delay trigger ("delay|<ms>"), nil for any other.
local function fixed_delay(trigger)
  local delay = string.match(trigger or "", "^delay|(%d+)$")
  return delay and tonumber(delay)
end
