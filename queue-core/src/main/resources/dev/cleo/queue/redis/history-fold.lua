-- history-fold: folds the queue's event stream, from where the last fold stopped, into the
-- statistics rollups: one hash per tier and bucket, "hr:m:<minute start>", "hr:h:<hour start>" and
-- "hr:d:<day start>" (UTC, epoch ms), each expiring when its tier's retention has passed it.
-- The fold's cursor ("hfold", the last stream id folded) moves in the same call as the counts,
-- so every ended attempt is counted exactly once whichever instance folds, however often.
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] the most stream entries to fold in this call,
-- ARGV[3] minute, ARGV[4] hour, ARGV[5] day retention (ms)
-- A bucket's fields are "<dimension>\31<name>\31<metric>", the dimension "q" (the queue; name ""),
-- "t" (a task name) or "w" (a worker); the metrics: "n" attempts ended, "c" completed, "f" failed,
-- "t" timed out, "l" lease expired, "k" cancelled while running, "r" retried, "d" dead, "ds" and
-- "ws" the sums of durations and queue waits (ms), "dh:<k>" and "wh:<k>" their histograms (k =
-- floor(4 * log2(ms + 1))), and for "q" and "t" "x" expired, "C" cancelled before a start and "D"
-- dropped. Workers get no wait histogram: the wait is the queue's. "hbuckets" lists the buckets by
-- expiry time.
-- Returns: { entries folded, the new cursor, entries the stream ever trimmed before they were folded
--   ("hlost": 0 unless the stream outran the folds; then counts are missing) }
--- @include "history-lines"
local prefix, budget = ARGV[1], tonumber(ARGV[2])
local retention = { m = tonumber(ARGV[3]), h = tonumber(ARGV[4]), d = tonumber(ARGV[5]) }
local width = { m = 60000, h = 3600000, d = 86400000 }
local stream, cursor_key = prefix .. "events", prefix .. "hfold"
local cursor = redis.call("GET", cursor_key) or "0-0"

local entries = redis.call("XRANGE", stream, "(" .. cursor, "+", "COUNT", budget)
if #entries == 0 then return { 0, cursor, tonumber(redis.call("GET", prefix .. "hlost") or "0") } end

-- Entries trimmed away unfolded: the stream's sequence ("n") jumped past the last one folded.
local lost = 0
local last_n = tonumber(redis.call("GET", prefix .. "hfoldn") or "0")

-- Summed per minute first (a fold covers many attempts of few minutes), then written to each tier.
local sums = {}
local function counter(at, dimension, name)
  local minute = at - at % 60000
  local m = sums[minute]
  if not m then m = {}; sums[minute] = m end
  local key = dimension .. "\31" .. name
  local c = m[key]
  if not c then c = {}; m[key] = c end
  return c
end
local function add(c, metric, value)
  c[metric] = (c[metric] or 0) + value
end

local function attempt(f)
  -- E id attempt outcome next name group worker started ended wait text
  local outcome, next, name, worker = f[4], f[5], f[6], f[8]
  local ended = tonumber(f[10])
  local duration, wait = math.max(0, ended - tonumber(f[9])), tonumber(f[11])
  local dh, wh = "dh:" .. history_slot(duration), "wh:" .. history_slot(wait)
  for d = 1, 3 do
    local c
    if d == 1 then c = counter(ended, "q", "") elseif d == 2 then c = counter(ended, "t", name)
    else c = counter(ended, "w", worker) end
    add(c, "n", 1)
    add(c, outcome, 1)
    if next ~= "" then add(c, next, 1) end
    add(c, "ds", duration)
    add(c, dh, 1)
    add(c, "ws", wait)
    if d ~= 3 then add(c, wh, 1) end
  end
end

for _, entry in ipairs(entries) do
  local id, values = entry[1], entry[2]
  local n, text = nil, nil
  for j = 1, #values, 2 do
    if values[j] == "n" then n = tonumber(values[j + 1]) elseif values[j] == "e" then text = values[j + 1] end
  end
  if n and n > last_n + 1 then lost = lost + (n - last_n - 1) end
  if n then last_n = n end
  local at = tonumber(string.match(id, "^%d+"))
  for line in string.gmatch(text or "", "[^\n]+") do
    local kind = string.sub(line, 1, 1)
    if kind == "E" then
      attempt(history_fields(line))
    elseif kind == "X" or kind == "C" or kind == "D" then
      -- X|C|D id name group
      local f = history_fields(line)
      local metric = (kind == "X") and "x" or kind
      add(counter(at, "q", ""), metric, 1)
      add(counter(at, "t", f[3]), metric, 1)
    end
  end
end

local touched = {}
for minute, dims in pairs(sums) do
  for tier, w in pairs(width) do
    local start = minute - minute % w
    local key = prefix .. "hr:" .. tier .. ":" .. start
    for dim, metrics in pairs(dims) do
      for metric, value in pairs(metrics) do redis.call("HINCRBY", key, dim .. "\31" .. metric, value) end
    end
    if not touched[key] then
      touched[key] = true
      local expires = start + w + retention[tier]
      redis.call("PEXPIREAT", key, expires)
      -- Listed, so that removing the queue finds them.
      redis.call("ZADD", prefix .. "hbuckets", expires, tier .. ":" .. start)
    end
  end
end
local new_cursor = entries[#entries][1]
redis.call("ZREMRANGEBYSCORE", prefix .. "hbuckets", "-inf", tonumber(string.match(new_cursor, "^%d+")))
redis.call("SET", cursor_key, new_cursor)
redis.call("SET", prefix .. "hfoldn", last_n)
local total_lost = (lost > 0) and redis.call("INCRBY", prefix .. "hlost", lost)
  or tonumber(redis.call("GET", prefix .. "hlost") or "0")
return { #entries, new_cursor, total_lost }
