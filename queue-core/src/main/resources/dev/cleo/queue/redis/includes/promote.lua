-- promote: due delayed tasks (delays, run-at, retries) become waiting, at the start of each claim.
-- Provides: promote_due
-- Needs:
--- @include "keys"
--- @include "batched"
--- @include "ready-order"
--- @include "group-moves"
--- @include "group-holds"
--- @include "make-ready"

-- Moves at most `limit` tasks due by `now` from the delayed set to the ready set or their groups,
-- in the order they came due. `delayed` and `ready` are the queue's two keys (the caller has them).
local function promote_due(prefix, now, limit, delayed, ready)
  local due = redis.call("ZRANGEBYSCORE", delayed, "-inf", now, "LIMIT", 0, limit)
  if #due == 0 then return end
  local seq = redis.call("INCRBY", prefix .. "seq", #due) - #due
  local scored = {}
  for _, id in ipairs(due) do
    local key = task_key(prefix, id)
    local f = redis.call("HMGET", key, "priority", "group", "holds")
    if f[1] then
      redis.call("HSET", key, "state", "waiting")
      seq = seq + 1
      if f[3] then
        -- A retry its group waits for: back in its place, and the group back in line once no
        -- other retry holds it.
        release_hold(prefix, key, task_group(prefix, key, f[2]))
        make_ready(prefix, id, f[1], 0)
      elseif f[2] then
        make_ready(prefix, id, f[1], seq)
      else
        scored[#scored + 1] = ready_score(f[1], seq); scored[#scored + 1] = id
      end
    end
  end
  batched("ZREM", delayed, due, 1)
  if #scored > 0 then batched("ZADD", ready, scored, 2) end
end
