-- extend: heartbeat for a batch of leases; pushes each deadline forward if its token still matches.
-- ARGV[1] queue key prefix, ARGV[2] new lease deadline (ms), then pairs of id, token
-- Returns: the ids whose lease was lost (token changed, or the task is no longer active).
local prefix, deadline = ARGV[1], ARGV[2]
local lost = {}
for i = 3, #ARGV, 2 do
  local id = ARGV[i]
  local f = redis.call("HMGET", task_key(prefix, id), "token", "state")
  if f[1] == ARGV[i + 1] and f[2] == "active" then
    redis.call("ZADD", prefix .. "active", "XX", deadline, id)
  else
    lost[#lost + 1] = id
  end
end
return lost
