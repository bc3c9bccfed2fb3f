-- schedule-runs: a schedule's runs as schedule-fire.lua sees them (overlap and fixed delays).
-- Provides: run_state, is_running, fixed_delay
-- Needs:
--- @include "keys"
--- @include "final-states"

-- A run still counts as running unless its task is final or gone (retention removed it).
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
