-- queue-drain: what queue-remove.lua removes with, a budget of items per call: tasks with their log
-- lists and deduplication keys (a task stored with notify and not finished is announced on
-- "finished"), and pages of names.
-- Provides: queue_drainer
-- Needs:
--- @include "keys"
--- @include "batched"
--- @include "dedupe"
--- @include "final-states"

-- A drainer over the queue with this key prefix and budget: d.drain(set) removes the tasks of a
-- sorted set (true when it is empty now), d.each_name(read, each) calls each(name) for pages of
-- names read(n) gives, until none is left (true) or the budget is spent (false; each(name) answers
-- false when the budget ran out before it was done with the name); d.removed counts tasks removed.
local function queue_drainer(prefix, budget)
  local d = { removed = 0 }
  local taken = 0
  function d.forget_group_keys(group)
    redis.call("DEL", prefix .. "gwindow:" .. group, prefix .. "gstats:" .. group)
  end
  local function remove_task(id)
    local key = task_key(prefix, id)
    local f = redis.call("HMGET", key, "dedupe_id", "group", "notify", "state")
    local dedupe = own_dedupe_key(prefix, id, f[1])
    if dedupe then redis.call("DEL", dedupe) end
    if f[2] then d.forget_group_keys(f[2]) end
    d.removed = d.removed + redis.call("DEL", key)
    redis.call("DEL", prefix .. "logs:" .. id)
    if f[3] and f[4] and not FINAL[f[4]] then redis.call("PUBLISH", prefix .. "finished", id) end
  end
  function d.drain(set)
    local left = budget - taken
    if left <= 0 then return false end
    local ids = redis.call("ZRANGE", set, 0, left - 1)
    for _, id in ipairs(ids) do remove_task(id) end
    taken = taken + #ids
    if #ids > 0 then batched("ZREM", set, ids, 1) end
    return #ids < left
  end
  function d.each_name(read, each)
    while budget > taken do
      local names = read(budget - taken)
      if #names == 0 then return true end
      for _, name in ipairs(names) do
        taken = taken + 1
        if not each(name) then return false end
      end
    end
    return false
  end
  return d
end
