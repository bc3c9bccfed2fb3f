-- keys: the queue's own keys that most scripts touch. Every key a script touches is built from
-- ARGV[1], the queue's key prefix "<prefix>:{<queue>}:", so all of them share the queue's hash tag
-- and live in one Cluster slot (RedisKeys documents each key).
-- Provides: task_key, wake, next_seq
-- Needs: nothing

local function task_key(prefix, id)
  return prefix .. "t:" .. id
end

-- Wakes a worker blocked on the queue's marker.
local function wake(prefix)
  redis.call("ZADD", prefix .. "marker", 0, "m")
end

-- The next arrival sequence number (orders ready tasks of one priority).
local function next_seq(prefix)
  return redis.call("INCR", prefix .. "seq")
end
