-- group-list: the groups that have waiting or running tasks, or are paused or held by a retry,
-- sorted by name, at most ARGV[2] of them, each with its counts and flags.
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] limit
-- Returns: name, waiting, active, paused (0/1), held by a retry (0/1), priority; per group.
local prefix, limit = ARGV[1], tonumber(ARGV[2])
local seen, names = {}, {}
local function add(list)
  for _, name in ipairs(list) do
    if not seen[name] then seen[name] = true; names[#names + 1] = name end
  end
end
-- A waiting group is in line unless it is at its limit (then in gactive), paused, held or out of
-- rate (then in glimited).
add(redis.call("ZRANGE", prefix .. "groups", 0, limit - 1))
add(redis.call("HKEYS", prefix .. "gactive"))
add(redis.call("SMEMBERS", prefix .. "gpaused"))
add(redis.call("HKEYS", prefix .. "gblocked"))
add(redis.call("ZRANGE", prefix .. "glimited", 0, limit - 1))
table.sort(names)
local out = {}
for i = 1, math.min(limit, #names) do
  local name = names[i]
  out[#out + 1] = name
  out[#out + 1] = redis.call("ZCARD", prefix .. "g:" .. name)
  out[#out + 1] = tonumber(redis.call("HGET", prefix .. "gactive", name) or 0)
  out[#out + 1] = redis.call("SISMEMBER", prefix .. "gpaused", name)
  out[#out + 1] = redis.call("HEXISTS", prefix .. "gblocked", name)
  out[#out + 1] = tonumber(redis.call("HGET", prefix .. "gconf", "priority:" .. name) or 0)
end
return out
