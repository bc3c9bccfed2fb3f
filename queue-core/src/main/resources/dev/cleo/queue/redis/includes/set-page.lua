-- set-page: pages of a sorted set that go on after the last member shown, read only (task-page,
-- waiting-page). A page starts right after its anchor (score, member) in the set's order (score,
-- then member bytewise, as Redis orders them), whether the anchor is still there or has left:
-- members that kept their score are neither shown twice nor skipped.
-- Provides: set_page, bytes_before
-- Needs: nothing

-- Whether a sorts before b bytewise, as Redis compares members (Lua's < follows the locale).
local function bytes_before(a, b)
  for i = 1, math.min(#a, #b) do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a < #b
end

-- How many members sort before (score, member), and whether the member is there with that score.
-- An anchor that left is placed by a binary search among the members of its score: O(log n) reads.
local function set_position(key, score, member)
  local own = redis.call("ZSCORE", key, member)
  if own and tonumber(own) == tonumber(score) then return redis.call("ZRANK", key, member), true end
  local low = redis.call("ZCOUNT", key, "-inf", "(" .. score)
  local high = low + redis.call("ZCOUNT", key, score, score)
  while low < high do
    local middle = math.floor((low + high) / 2)
    if bytes_before(redis.call("ZRANGE", key, middle, middle)[1], member) then
      low = middle + 1
    else
      high = middle
    end
  end
  return low, false
end

-- Up to `limit` members after the anchor (score "" for the first page), lowest or highest first:
-- { member, score, member, score, ... }.
local function set_page(key, score, member, descending, limit)
  if limit <= 0 then return {} end
  if descending then
    local size = redis.call("ZCARD", key)
    local last = size - 1
    if score ~= "" then last = set_position(key, score, member) - 1 end
    if last < 0 then return {} end
    return redis.call("ZREVRANGE", key, size - 1 - last, size - 2 - last + limit, "WITHSCORES")
  end
  local first = 0
  if score ~= "" then
    local position, present = set_position(key, score, member)
    first = present and position + 1 or position
  end
  return redis.call("ZRANGE", key, first, first + limit - 1, "WITHSCORES")
end
