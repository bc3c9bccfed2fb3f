-- task-delete: deletes finished or dead tasks with everything that belongs to them.
-- Provides: delete_tasks
-- Needs:
--- @include "keys"
--- @include "dedupe"

-- Deletes tasks' hashes and log lists, and the deduplication keys that still name them (so a new
-- task may take the id at once), in chunks of one DEL each.
local function delete_tasks(prefix, ids)
  local keys = {}
  for _, id in ipairs(ids) do
    local key = task_key(prefix, id)
    keys[#keys + 1] = own_dedupe_key(prefix, id, redis.call("HGET", key, "dedupe_id"))
    keys[#keys + 1] = key
    keys[#keys + 1] = prefix .. "logs:" .. id
  end
  for i = 1, #keys, 1000 do
    redis.call("DEL", unpack(keys, i, math.min(i + 999, #keys)))
  end
end
