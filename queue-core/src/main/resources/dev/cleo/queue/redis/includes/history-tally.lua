-- history-tally: the statistics rollups, counted by the scripts that end attempts (ack, cancel) or
-- tasks (claim: expired; enqueue: dropped), in the same call.
-- Rollups: a hash per tier and bucket, "hr:<m|h|d>:<start ms>", expiring with its tier's retention,
-- listed in "hbuckets"; fields "<q|t|w>\31<name>\31<metric>" (RedisKeys documents the metrics).
-- Provides: history_tally_open, history_tally, history_tally_unstarted, history_counts, history_keep, HISTORY_WIDTH
-- Needs: nothing

-- Counts of this call, by minute, dimension, name and metric; nil while history is off.
local history_counts, history_keep = nil, nil
local HISTORY_WIDTH = { m = 60000, h = 3600000, d = 86400000 }
local HISTORY_LOG2 = math.log(2)

local function history_tally_open(minute, hour, day)
  history_counts, history_keep = {}, { m = minute, h = hour, d = day }
end

-- The counters of one dimension ("q", "t" or "w") and name in the minute of `at`: tables keyed by
-- the strings Redis gave (interned already), so counting builds no string per task.
local function history_counter(at, dimension, name)
  local minute = at - at % 60000
  local m = history_counts[minute]
  if not m then m = { q = {}, t = {}, w = {} }; history_counts[minute] = m end
  local c = m[dimension][name]
  if not c then c = {}; m[dimension][name] = c end
  return c
end

-- "dh:<k>" and "wh:<k>" (k = floor(4 log2(ms + 1))), made once per slot and call.
local HISTORY_SLOTS = { dh = {}, wh = {} }
local function history_slot(kind, ms)
  local k = math.floor(4 * math.log(ms + 1) / HISTORY_LOG2)
  local names = HISTORY_SLOTS[kind]
  local name = names[k]
  if not name then name = kind .. ":" .. k; names[k] = name end
  return name
end

local function history_count(c, outcome, next, duration, wait, dh, wh)
  c.n = (c.n or 0) + 1
  c[outcome] = (c[outcome] or 0) + 1
  if next ~= "" then c[next] = (c[next] or 0) + 1 end
  c.ds = (c.ds or 0) + duration
  c[dh] = (c[dh] or 0) + 1
  c.ws = (c.ws or 0) + wait
  if wh then c[wh] = (c[wh] or 0) + 1 end
end

-- Counts an ended attempt: how it ended ("c", "f", "t", "l", "k"), what came next ("r", "d", ""),
-- its duration and queue wait (ms), by queue, task name and worker (no wait histogram).
local function history_tally(at, name, worker, outcome, next, duration, wait)
  if not history_counts then return end
  local dh, wh = history_slot("dh", duration), history_slot("wh", wait)
  history_count(history_counter(at, "q", ""), outcome, next, duration, wait, dh, wh)
  history_count(history_counter(at, "t", name), outcome, next, duration, wait, dh, wh)
  history_count(history_counter(at, "w", worker), outcome, next, duration, wait, dh, nil)
end

-- Counts a task that ended without an attempt: "x" expired, "C" cancelled, "D" dropped.
local function history_tally_unstarted(at, name, metric)
  if not history_counts then return end
  local q, t = history_counter(at, "q", ""), history_counter(at, "t", name)
  q[metric] = (q[metric] or 0) + 1
  t[metric] = (t[metric] or 0) + 1
end
