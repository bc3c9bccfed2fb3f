-- cleanup: removes finished tasks ahead of retention, a bounded chunk of the done set per call.
-- The done set holds completed, cancelled and expired ids by finish time; the task hash's state
-- says which. Kept ids stay in place, so the caller passes how many it has skipped as the offset.
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] finished at or before (ms), ARGV[3] offset, ARGV[4] limit,
-- then the states to remove (completed, cancelled, expired)
-- Returns: { removed, kept, scanned }; the caller adds kept to its offset and is done when scanned < limit.
--- @include "keys"
--- @include "batched"
--- @include "task-delete"
local prefix = ARGV[1]
local done = prefix .. "done"
local wanted = {}
for i = 5, #ARGV do wanted[ARGV[i]] = true end
local ids = redis.call("ZRANGEBYSCORE", done, "-inf", ARGV[2], "LIMIT", tonumber(ARGV[3]), tonumber(ARGV[4]))
local removed, orphans = {}, {}
for _, id in ipairs(ids) do
  local state = redis.call("HGET", task_key(prefix, id), "state")
  if not state then
    orphans[#orphans + 1] = id
  elseif wanted[state] then
    removed[#removed + 1] = id
  end
end
if #removed > 0 then
  delete_tasks(prefix, removed)
  batched("ZREM", done, removed, 1)
end
-- An id whose hash is gone is no task any more: drop it, but do not count it.
if #orphans > 0 then batched("ZREM", done, orphans, 1) end
return { #removed, #ids - #orphans - #removed, #ids }
