-- dedupe: deduplication keys ("dedupe:<id>", a string with a TTL naming the task that owns the id).
-- Provides: dedupe_owner, own_dedupe_key
-- Needs:
--- @include "keys"

-- The task that owns a deduplication id, while it exists: a key whose task is gone (removed by
-- retention or a cleanup before these deleted such keys with their tasks) blocks nothing, and the
-- new task takes the id over.
local function dedupe_owner(prefix, dedupe)
  local owner = redis.call("GET", prefix .. "dedupe:" .. dedupe)
  if owner and redis.call("EXISTS", task_key(prefix, owner)) == 1 then return owner end
  return false
end

-- The deduplication key of a task (its hash's "dedupe_id") if it still names the task, else nil: a
-- later task may own the id by now.
local function own_dedupe_key(prefix, id, dedupe)
  if not dedupe then return nil end
  local key = prefix .. "dedupe:" .. dedupe
  if redis.call("GET", key) == id then return key end
  return nil
end
