-- schedule: what every schedule script shares (see docs/design/scheduling.md).
-- A schedule is the hash "sched:<name>"; "schedules" holds every schedule of the queue by its next
-- tick (ms), "+inf" while paused.
-- Provides: redis_now, sched_key, wake_schedulers
-- Needs: nothing

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
