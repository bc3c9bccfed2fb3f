-- dead-delete: removes tasks from the dead-letter set together with their data.
-- ARGV[1] queue key prefix, then the ids
-- Returns: the number of tasks removed.
--- @include "task-delete"
local prefix = ARGV[1]
local removed = 0
for i = 2, #ARGV do
  if redis.call("ZREM", prefix .. "dead", ARGV[i]) == 1 then
    delete_tasks(prefix, { ARGV[i] })
    removed = removed + 1
  end
end
return removed
