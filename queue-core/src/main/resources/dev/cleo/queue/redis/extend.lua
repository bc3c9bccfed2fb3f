-- extend: heartbeat for a batch of leases; pushes each deadline forward if its token still matches.
-- ARGV[1] queue key prefix, ARGV[2] new lease deadline (ms), then pairs of id, token
-- Returns: the tokens of the leases that were lost (another attempt holds the task, or it is no longer
--   active); tokens, not ids, because one worker may hold a stale and a fresh lease on the same task.
local prefix, deadline = ARGV[1], ARGV[2]
local lost = {}
for i = 3, #ARGV, 2 do
  local id = ARGV[i]
  local f = redis.call("HMGET", task_key(prefix, id), "token", "state")
  if f[1] == ARGV[i + 1] and f[2] == "active" then
    redis.call("ZADD", prefix .. "active", "XX", deadline, id)
  else
    lost[#lost + 1] = ARGV[i + 1]
  end
end
return lost
