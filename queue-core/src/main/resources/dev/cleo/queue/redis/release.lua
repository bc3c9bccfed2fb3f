-- release: hands leases back on shutdown; the tasks are ready again at once, ahead of their
-- priority's other tasks, and the attempt does not count.
-- ARGV[1] queue key prefix, then pairs of id, token
-- Returns: the number of tasks released.
--- @include "keys"
--- @include "group-moves"
--- @include "group-line"
--- @include "make-ready"
local prefix = ARGV[1]
local released = 0
for i = 2, #ARGV, 2 do
  local id = ARGV[i]
  local key = task_key(prefix, id)
  local f = redis.call("HMGET", key, "token", "state", "priority", "attempts", "group")
  if f[1] == ARGV[i + 1] and f[2] == "active" then
    redis.call("ZREM", prefix .. "active", id)
    local group = task_group(prefix, key, f[5])
    if group then group_release(prefix, group) end -- the wake below covers it
    redis.call("HDEL", key, "token", "worker", "started_at")
    redis.call("HSET", key, "state", "waiting", "attempts", math.max(0, tonumber(f[4]) - 1))
    make_ready(prefix, id, f[3], 0)
    released = released + 1
  end
end
if released > 0 then wake(prefix) end
return released
