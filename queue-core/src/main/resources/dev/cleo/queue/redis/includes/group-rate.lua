-- group-rate: group rate limits ("gconf" field "rate", or "rate:<group>" when "limits" is set):
-- "<tasks>/<window ms>", fixed windows that start with the window's first task. A window is the
-- hash "gwindow:<group>"; a group out of rate waits in "glimited" by the end of its window.
-- Provides: rate_of, window_room, rate_rested
-- Needs:
--- @include "batched"
--- @include "group-settings"
--- @include "group-line"

-- A group's limit and window (ms); nil when the group has none.
local function rate_of(prefix, group)
  local settings = group_settings(prefix)
  local rate = settings.rate
  if settings.limits then rate = redis.call("HGET", prefix .. "gconf", "rate:" .. group) or rate end
  if not rate or rate == "0" then return nil end
  local slash = string.find(rate, "/", 1, true)
  return tonumber(string.sub(rate, 1, slash - 1)), tonumber(string.sub(rate, slash + 1))
end

-- Counts a start against the group's window; returns whether the window has room left after it,
-- or, with count false, whether it has room now (parking the group in "glimited" when not).
local function window_room(prefix, now, group, limit, window, count)
  local key = prefix .. "gwindow:" .. group
  local w = redis.call("HMGET", key, "start", "used")
  local start, used = tonumber(w[1] or 0), tonumber(w[2] or 0)
  if start + window <= now then start, used = now, 0 end
  if count then
    used = used + 1
    redis.call("HSET", key, "start", start, "used", used)
    -- The window is judged by the callers' clock (now); the TTL only clears the key later, with a
    -- minute's slack so a server clock a little ahead cannot end a window early.
    redis.call("PEXPIRE", key, start + window - now + 60000)
  end
  if used < limit then return true end
  redis.call("ZADD", prefix .. "glimited", start + window, group)
  return false
end

-- Groups that used up their rate window take turns again once it ends (`limited`: "glimited").
local function rate_rested(prefix, now, limited)
  local rested = redis.call("ZRANGEBYSCORE", limited, "-inf", now, "LIMIT", 0, 1000)
  if #rested > 0 then
    batched("ZREM", limited, rested, 1)
    for _, group in ipairs(rested) do
      if redis.call("EXISTS", prefix .. "g:" .. group) == 1 then group_enter(prefix, group) end
    end
  end
end
