-- group-split: moves the given waiting tasks of a group to the groups the caller chose for them,
-- one page per call. A task no longer waiting in the group (claimed or cancelled since the caller
-- read it) is skipped; each moved one keeps its score, so every part keeps the group's order.
-- Until the last call the group stays out of line ("gsplitting", see group-moves): none of its tasks
-- starts while one of a part it is split into may still wait here, which would break that part's
-- order. Its running tasks stay counted in its slots. The caller pages oldest first, so a part
-- that runs while later pages are moved only ever runs tasks older than those still to come.
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] group, ARGV[3] "1" on the last call (ends the split), then
--   pairs of id, new group ("" = stays; a group merged away stands for the group it went into)
-- Returns: { moved, stayed } (stayed: given ids still waiting in the group), or { -1, group } when
--   the group was merged into that group.
--- @include "keys"
--- @include "group-moves"
--- @include "group-line"
local prefix, group, last = ARGV[1], ARGV[2], ARGV[3] == "1"
local into = group_of(prefix, group)
if into ~= group then return { -1, into } end
if not last then
  redis.call("SADD", prefix .. "gsplitting", group)
  redis.call("ZREM", prefix .. "groups", group)
end

local source = prefix .. "g:" .. group
local moved, stayed, parts = 0, 0, {}
for i = 4, #ARGV, 2 do
  local id, part = ARGV[i], group_of(prefix, ARGV[i + 1])
  local score = redis.call("ZSCORE", source, id)
  if score and part ~= "" and part ~= group then
    redis.call("ZREM", source, id)
    redis.call("ZADD", prefix .. "g:" .. part, score, id)
    redis.call("HSET", task_key(prefix, id), "group", part)
    parts[part] = true
    moved = moved + 1
  elseif score then
    stayed = stayed + 1
  end
end
for part in pairs(parts) do group_reenter(prefix, part) end
if last then
  redis.call("SREM", prefix .. "gsplitting", group)
  if redis.call("EXISTS", source) == 1 then group_reenter(prefix, group) end
end
if moved > 0 or last then wake(prefix) end
return { moved, stayed }
