-- group-moves: the names of merged and split groups (group-merge.lua, group-split.lua).
-- Provides: group_of, group_moving, task_group
-- Needs: nothing

-- "gmerged" maps each group merged away to the group it went into, for good, so a task that still
-- names it (delayed, running, or enqueued later) finds its group; "gsplitting" holds the groups
-- being split, out of line until the split ends. Both keys are absent until a merge or split
-- happened: one EXISTS per script call tells, and only then is each grouped task's name looked up.
-- (group-merge and group-split may cache "none" before they add the first entry; they then only
-- ask about groups other than the one they add.)
local groups_moved -- nil until read in this call
local function moves_exist(prefix)
  if groups_moved == nil then
    groups_moved = redis.call("EXISTS", prefix .. "gmerged", prefix .. "gsplitting") > 0
  end
  return groups_moved
end

-- The group a name stands for now: itself, or where it was merged (through each later merge).
local function group_of(prefix, group)
  while group and group ~= "" and moves_exist(prefix) do
    local into = redis.call("HGET", prefix .. "gmerged", group)
    if not into then break end
    group = into
  end
  return group
end

-- Whether a group was merged away or is being split: either keeps it out of line.
local function group_moving(prefix, group)
  return moves_exist(prefix) and (redis.call("HEXISTS", prefix .. "gmerged", group) == 1
    or redis.call("SISMEMBER", prefix .. "gsplitting", group) == 1)
end

-- A task's group from its hash field `named`; rewrites the field when its group was merged away.
local function task_group(prefix, key, named)
  local group = group_of(prefix, named)
  if group ~= named then redis.call("HSET", key, "group", group) end
  return group
end
