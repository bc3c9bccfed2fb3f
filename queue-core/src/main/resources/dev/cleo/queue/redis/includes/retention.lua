-- retention: keeps the finished and dead sets ("done", "dead") bounded by count and age.
-- Provides: trim
-- Needs:
--- @include "batched"
--- @include "task-delete"

-- Drops members older than max_age_ms and beyond max_count, at most budget per call.
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
