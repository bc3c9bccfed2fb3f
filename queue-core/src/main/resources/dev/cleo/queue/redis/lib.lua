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

local function make_ready(prefix, id, priority, seq)
  redis.call("ZADD", prefix .. "ready", ready_score(priority, seq), id)
end

local function next_seq(prefix)
  return redis.call("INCR", prefix .. "seq")
end

local function wake(prefix)
  redis.call("ZADD", prefix .. "marker", 0, "m")
end

local function delete_task(prefix, id)
  redis.call("DEL", task_key(prefix, id), prefix .. "logs:" .. id)
end

-- Removes ids from a sorted set in chunks that stay within Lua's unpack limit.
local function zrem_all(set, ids)
  for i = 1, #ids, 1000 do
    redis.call("ZREM", set, unpack(ids, i, math.min(i + 999, #ids)))
  end
end

-- Retention: drops members older than max_age_ms and beyond max_count, at most budget per call.
local function trim(prefix, set, now, max_count, max_age_ms, budget)
  local old = redis.call("ZRANGEBYSCORE", set, "-inf", now - max_age_ms, "LIMIT", 0, budget)
  local excess = redis.call("ZCARD", set) - #old - max_count
  if excess > 0 then
    local extra = redis.call("ZRANGE", set, #old, #old + math.min(excess, budget) - 1)
    for _, id in ipairs(extra) do old[#old + 1] = id end
  end
  for _, id in ipairs(old) do delete_task(prefix, id) end
  if #old > 0 then zrem_all(set, old) end
  return #old
end
