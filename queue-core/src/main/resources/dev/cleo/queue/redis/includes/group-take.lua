-- group-take: claim's turns for the groups: which group runs next, within its limits.
-- Provides: group_taker
-- Needs:
--- @include "group-settings"
--- @include "group-line"
--- @include "group-rate"

-- Returns a function (made once per claim call that finds groups in line) that takes the head
-- task of the next group whose turn it is and that has a free slot and rate left, leasing it
-- with take(id, gscore), claim's, which answers whether it leased the task (`groups`: the queue's
-- "groups" key, which claim has built already). A group at its limit
-- leaves the line until ack frees a slot, one out of rate waits in "glimited" until its window
-- ends. The function returns false when no group can run.
local function group_taker(prefix, now, groups, take)
  local gactive = prefix .. "gactive"
  return function()
    -- read on the first grouped take, so ungrouped claims never pay for it
    local settings = group_settings(prefix)
    local group_limit = tonumber(settings.concurrency or "1")
    while true do
      local turn = redis.call("ZPOPMIN", groups)
      if #turn == 0 then return false end
      local group = turn[1]
      local active = tonumber(redis.call("HGET", gactive, group) or "0")
      local limit, window = nil, nil
      if settings.rate or settings.limits then limit, window = rate_of(prefix, group) end
      if active < group_limit and (not limit or window_room(prefix, now, group, limit, window, false)) then
        local set = prefix .. "g:" .. group
        local head = redis.call("ZPOPMIN", set)
        if #head > 0 then
          redis.call("DECR", prefix .. "gwaiting")
          local room = true
          if take(head[1], head[2]) then
            active = redis.call("HINCRBY", gactive, group, 1)
            if limit then room = window_room(prefix, now, group, limit, window, true) end
          end
          if room and active < group_limit and redis.call("EXISTS", set) == 1 then group_enter(prefix, group) end
          return true
        end
      end
    end
  end
end
