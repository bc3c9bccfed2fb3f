-- group-merge: merges group `from` into group `into`, at most ARGV[4] waiting tasks per call; the
-- caller repeats until none is left, and may call again after an interruption to finish.
-- Each call first makes `from` a name of `into` ("gmerged", see group-moves: delayed and running tasks
-- that still name `from` find `into` when they next move, and so do tasks enqueued to `from`), hands
-- `into` the running count and the retry holds of `from` and drops `from`'s line place, pause and
-- priority, so nothing of `from` starts on its own from now on. Then `from`'s oldest waiting tasks
-- move to `into` with their scores, so the two orders interleave as the tasks arrived.
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] from, ARGV[3] into, ARGV[4] most waiting tasks moved per call
-- Returns: { moved, left } (left: waiting tasks of `from` still to move), or { -1, group } when `from`
--   was merged into another group, { -2 } when `into` was merged into `from`, { -3 } while `from` is
--   being split.
--- @include "keys"
--- @include "batched"
--- @include "group-moves"
--- @include "group-line"
local prefix, from, limit = ARGV[1], ARGV[2], tonumber(ARGV[4])
local into = group_of(prefix, ARGV[3])
local merged = redis.call("HGET", prefix .. "gmerged", from)
if merged and group_of(prefix, merged) ~= into then return { -1, group_of(prefix, merged) } end
if into == from then return { -2 } end
if redis.call("SISMEMBER", prefix .. "gsplitting", from) == 1 then return { -3 } end
redis.call("HSET", prefix .. "gmerged", from, into)

local gactive, gblocked = prefix .. "gactive", prefix .. "gblocked"
local active = redis.call("HGET", gactive, from)
if active then
  -- Acks of these tasks free slots of `into` (group-moves' task_group), so the count moves with them.
  redis.call("HINCRBY", gactive, into, active)
  redis.call("HDEL", gactive, from)
end
local held = redis.call("HGET", gblocked, from)
if held then
  -- The retries holding `from` hold `into` now: each releases `into` when it comes due (its
  -- hash's group resolves to `into`).
  redis.call("HDEL", gblocked, from)
  redis.call("HINCRBY", gblocked, into, held)
  holds_or_pauses = true
  redis.call("ZREM", prefix .. "groups", into)
end
redis.call("ZREM", prefix .. "groups", from)
redis.call("SREM", prefix .. "gpaused", from)
redis.call("HDEL", prefix .. "gconf", "priority:" .. from)

local source, target = prefix .. "g:" .. from, prefix .. "g:" .. into
local page = redis.call("ZRANGE", source, 0, limit - 1, "WITHSCORES")
local ids, scored = {}, {}
for i = 1, #page, 2 do
  ids[#ids + 1] = page[i]
  scored[#scored + 1] = page[i + 1]; scored[#scored + 1] = page[i]
  redis.call("HSET", task_key(prefix, page[i]), "group", into)
end
if #ids > 0 then
  batched("ZADD", target, scored, 2)
  batched("ZREM", source, ids, 1)
  group_reenter(prefix, into)
  wake(prefix)
end
return { #ids, redis.call("ZCARD", source) }
