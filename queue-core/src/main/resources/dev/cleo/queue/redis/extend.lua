-- extend: heartbeat for a batch of leases; pushes each deadline forward if its token still matches.
-- ARGV[1] queue key prefix, ARGV[2] new lease deadline (ms), then pairs of id, token
-- Returns: per lease that was lost (another attempt holds the task, or it is no longer active) its token
--   and why the handler should stop: "cancelled" when the task was cancelled, "gone" when it no longer
--   exists (its queue was removed), "" otherwise (the lease expired: the task runs again elsewhere).
--   Tokens, not ids, because one worker may hold a stale and a fresh lease on the same task.
--- @include "keys"
local prefix, deadline = ARGV[1], ARGV[2]
local lost = {}
for i = 3, #ARGV, 2 do
  local id = ARGV[i]
  local f = redis.call("HMGET", task_key(prefix, id), "token", "state")
  if f[1] == ARGV[i + 1] and f[2] == "active" then
    redis.call("ZADD", prefix .. "active", "XX", deadline, id)
  else
    lost[#lost + 1] = ARGV[i + 1]
    lost[#lost + 1] = (not f[2] and "gone") or (f[2] == "cancelled" and "cancelled") or ""
  end
end
return lost
