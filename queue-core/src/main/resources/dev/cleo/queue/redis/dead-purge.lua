-- dead-purge: deletes the oldest dead tasks with their data, a bounded chunk per call, so emptying a
-- huge dead-letter set never blocks Redis for long; the caller repeats until a call removes fewer
-- than the limit.
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] limit
-- Returns: the number of tasks removed.
--- @include "batched"
--- @include "task-delete"
local prefix = ARGV[1]
local dead = prefix .. "dead"
local ids = redis.call("ZRANGE", dead, 0, tonumber(ARGV[2]) - 1)
if #ids > 0 then
  delete_tasks(prefix, ids)
  batched("ZREM", dead, ids, 1)
end
return #ids
