-- batched: variadic commands over long lists.
-- Provides: batched
-- Needs: nothing

-- Runs a variadic command over a flat list of arguments in chunks within Lua's unpack limit
-- (one call per chunk instead of one per element). `step` keeps pairs together.
local function batched(command, key, list, step)
  local chunk = 1000 * step
  for i = 1, #list, chunk do
    redis.call(command, key, unpack(list, i, math.min(i + chunk - 1, #list)))
  end
end
