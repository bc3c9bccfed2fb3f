-- history: what the scripts that change tasks' states record while history is on: event lines,
-- written as ONE entry of the queue's stream "events" per script call, and the statistics rollups,
-- counted in the same call (so every attempt is counted exactly once, fenced as its ack is).
-- The spec, one ARGV of each such script, is "" (history off: nothing is recorded) or
-- "<max events>:<max age ms>:<minute>:<hour>:<day retention ms>".
-- An entry has the fields "n", the queue's event sequence ("evseq": a follower that sees it jump
-- missed entries), "l", the lines written to the stream so far ("evlines"), and "e", its lines:
-- "\n" between lines, "\31" between a line's fields, the first field the line's type (RedisKeys
-- documents each type's fields).
-- Provides: history_open, history_on, history_event, history_write, history_text
-- Needs:
--- @include "history-flush"
--- @include "history-tally"

local history_lines, history_max, history_age = nil, 0, 0

-- Starts recording for this call when the spec says history is on.
local function history_open(spec)
  if spec == nil or spec == "" then return end
  local f = {}
  for part in string.gmatch(spec, "[^:]+") do f[#f + 1] = tonumber(part) end
  history_max, history_age = f[1], f[2]
  history_lines = {}
  history_tally_open(f[3], f[4], f[5])
end

local function history_on()
  return history_lines ~= nil
end

-- A free text made safe for a line: its first line, without field separators, at most 200 bytes.
local function history_text(text)
  if text == nil or text == "" then return "" end
  local first = string.match(text, "^[^\n]*")
  if #first > 200 then first = string.sub(first, 1, 200) end
  return (string.gsub(first, "[\31\r]", " "))
end

-- One event line, already joined with "\31" by the caller (one concatenation, no table).
local function history_event(line)
  if history_lines then history_lines[#history_lines + 1] = line end
end

-- Writes the call's lines as one stream entry and its counts into the rollups. The stream is
-- bounded by events (lines), not entries, since an entry holds a whole batch: every entry carries
-- "l", the queue's count of lines so far, and every 64 entries the stream is trimmed to about the
-- newest max events (from the share of lines its oldest entry says it holds) and to max age, and
-- expired buckets leave "hbuckets". Entries never outnumber lines, so the entry bound at every XADD
-- holds too.
local function history_write(prefix)
  if not history_lines then return end
  history_flush_counts(prefix)
  if #history_lines == 0 then return end
  local stream = prefix .. "events"
  local n = redis.call("INCR", prefix .. "evseq")
  local total = redis.call("INCRBY", prefix .. "evlines", #history_lines)
  local id = redis.call("XADD", stream, "MAXLEN", "~", history_max, "*", "n", n, "l", total, "e",
    table.concat(history_lines, "\n"))
  history_lines = {}
  if n % 64 ~= 0 then return end
  -- By the entry's own time, Redis's clock, which every entry id carries.
  local ms = tonumber(string.match(id, "^%d+"))
  redis.call("XTRIM", stream, "MINID", "~", math.max(0, ms - history_age))
  redis.call("ZREMRANGEBYSCORE", prefix .. "hbuckets", "-inf", ms)
  local oldest = redis.call("XRANGE", stream, "-", "+", "COUNT", 1)[1]
  local held = total - (oldest and tonumber(oldest[2][4]) or total)
  if held > history_max then
    redis.call("XTRIM", stream, "MAXLEN", "~", math.floor(redis.call("XLEN", stream) * history_max / held))
  end
end
