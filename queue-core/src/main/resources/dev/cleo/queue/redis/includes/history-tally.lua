-- history-tally: the statistics rollups, counted by the scripts that end attempts (ack, cancel) or
-- tasks (claim: expired; enqueue: dropped), in the same call.
-- Rollups: a hash per tier and bucket, "hr:<m|h|d>:<start ms>", expiring with its tier's retention,
-- listed in "hbuckets"; fields "<q|t|w>\31<name>\31<metric>" (RedisKeys documents the metrics).
-- Provides: history_tally_open, history_tally, history_tally_unstarted, history_counts, history_keep, HISTORY_WIDTH
-- Needs: nothing

-- Counts of this call (see history_tally); nil while history is off.
local history_counts, history_keep = nil, nil
local HISTORY_WIDTH = { m = 60000, h = 3600000, d = 86400000 }
local HISTORY_LOG2 = math.log(2)

local function history_tally_open(minute, hour, day)
  history_counts, history_keep = {}, { m = minute, h = hour, d = day }
end

-- An ended attempt is counted under its minute, name, worker, outcome and next step, and its
-- duration and wait histogram slots (k = floor(4 log2(ms + 1))): nested tables keyed by what Redis
-- gave and by numbers, so a task costs a few lookups and no string; history-flush spreads each such
-- count over the queue's, the name's and the worker's fields.
local function history_tally(at, name, worker, outcome, next, duration, wait)
  if not history_counts then return end
  local minute = at - at % 60000
  local slot = math.floor(4 * math.log(duration + 1) / HISTORY_LOG2) * 1000
    + math.floor(4 * math.log(wait + 1) / HISTORY_LOG2)
  local t = history_counts[minute]
  if not t then t = {}; history_counts[minute] = t end
  local n = t[name]
  if not n then n = {}; t[name] = n end
  local w = n[worker]
  if not w then w = {}; n[worker] = w end
  local o = w[outcome .. next]
  if not o then o = {}; w[outcome .. next] = o end
  local c = o[slot]
  if c then
    c[1], c[2], c[3] = c[1] + 1, c[2] + duration, c[3] + wait
  else
    o[slot] = { 1, duration, wait }
  end
end

-- Counts a task that ended without an attempt: "x" expired, "C" cancelled, "D" dropped (under the
-- worker "" and slot -1, which history-flush counts for the queue and the name only).
local function history_tally_unstarted(at, name, metric)
  if not history_counts then return end
  local minute = at - at % 60000
  local t = history_counts[minute]
  if not t then t = {}; history_counts[minute] = t end
  local n = t[name]
  if not n then n = {}; t[name] = n end
  local w = n[""]
  if not w then w = {}; n[""] = w end
  local o = w[metric]
  if not o then o = {}; w[metric] = o end
  local c = o[-1]
  if c then c[1] = c[1] + 1 else o[-1] = { 1, 0, 0 } end
end
