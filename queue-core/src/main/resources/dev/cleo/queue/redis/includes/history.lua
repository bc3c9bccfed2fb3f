-- history: what the scripts that change tasks' states record while history is on: event lines,
-- written as ONE entry of the queue's stream "events" per script call, and each ended attempt's
-- record in its task hash (field "a<attempt>"), which goes when the task's hash goes.
-- The spec, one ARGV of each such script, is "" (history off: nothing is recorded) or
-- "<max events>:<max age ms>", the stream's bounds.
-- An entry has the fields "n", the queue's event sequence ("evseq": a follower that sees it jump
-- missed entries), "l", the lines written to the stream so far ("evlines"), and "e", its lines: "\n" between lines, "\31" between a line's fields, the
-- first field the line's type (RedisKeys and HistoryLine document each type's fields).
-- Provides: history_open, history_on, history_event, history_attempt, history_write, history_text
-- Needs: nothing

local history_lines, history_max, history_age = nil, 0, 0

-- Starts recording for this call when the spec says history is on.
local function history_open(spec)
  if spec == nil or spec == "" then return end
  local colon = string.find(spec, ":", 1, true)
  history_max, history_age = tonumber(string.sub(spec, 1, colon - 1)), tonumber(string.sub(spec, colon + 1))
  history_lines = {}
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

-- One event line; every value must be a string or a number.
local function history_event(...)
  if history_lines then history_lines[#history_lines + 1] = table.concat({ ... }, "\31") end
end

-- An ended attempt's record in its task hash, appended to the HSET field list `fields`:
-- outcome, then, started, ended, wait (ms), worker, error text ("" for none).
local function history_attempt(fields, attempt, outcome, next, started, ended, wait, worker, error)
  if not history_lines then return end
  fields[#fields + 1] = "a" .. attempt
  fields[#fields + 1] = table.concat({ outcome, next, started, ended, wait, worker, error or "" }, "\31")
end

-- Writes the call's lines as one stream entry. The stream is bounded by events (lines), not
-- entries, since an entry holds a whole batch: every entry carries "l", the queue's count of lines
-- written so far, and every 64 entries the stream is trimmed to about the newest max events (from
-- the share of lines its oldest entry says it holds) and to max age. Entries never outnumber lines,
-- so the entry bound at every XADD holds too.
local function history_write(prefix)
  if not history_lines or #history_lines == 0 then return end
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
  local oldest = redis.call("XRANGE", stream, "-", "+", "COUNT", 1)[1]
  local lines_then = oldest and tonumber(oldest[2][4]) or total
  local held = total - lines_then
  if held > history_max then
    redis.call("XTRIM", stream, "MAXLEN", "~", math.floor(redis.call("XLEN", stream) * history_max / held))
  end
end
