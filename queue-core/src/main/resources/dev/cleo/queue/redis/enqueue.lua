-- enqueue: stores and indexes a batch of new tasks, honouring deduplication ids and group sizes.
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] now (ms), ARGV[3] "1" when the batch is all or nothing (one
-- caller's enqueueAll: a task refused by a full group refuses the batch), "" when each task stands
-- alone (tasks of several callers sent together), ARGV[4] "1" when the tasks carry trace headers
-- (then 14 values per task), "" when none does (13), ARGV[5] the history spec (see history: an "N"
-- event line per task stored, a "D" line per task a full group dropped), then per task:
--   id, name, payload, priority, run_at (ms, 0 = now), max_attempts, backoff, timeout_ms,
--   expire_at (ms, 0 = never), dedupe_id ("" = none), dedupe_ttl_ms, group ("" = none),
--   notify ("1" = publish the task's end on the queue's finished channel, "" = not),
--   and with ARGV[4] headers (a JSON object stored as the hash's "headers", "" = none)
-- A grouped task waits in its group's set (see group-line), scored by the group order; a group
-- merged away stands for the one it went into; its maximum size bounds it (see group-size).
-- Returns: per task two values: the owning id and 0 (stored) or 1 (a duplicate: the first task's
-- id, which exists); or the group's maximum size and 2 (refused: the group is full); or "" and 3 (not stored:
-- another task of an all-or-nothing batch was refused).
--- @include "keys"
--- @include "batched"
--- @include "ready-order"
--- @include "group-settings"
--- @include "group-moves"
--- @include "group-line"
--- @include "group-size"
--- @include "dedupe"
--- @include "history"
local prefix, now, all_or_nothing = ARGV[1], tonumber(ARGV[2]), ARGV[3] == "1"
local with_headers = ARGV[4] == "1"
history_open(ARGV[5])
local FIRST, PER = 6, with_headers and 14 or 13
local count = (#ARGV - FIRST + 1) / PER

-- All or nothing: find a refusal before anything is written.
if all_or_nothing and may_refuse(prefix) then
  local refused, seen = nil, {}
  for i = FIRST, #ARGV, PER do
    local dedupe, group = ARGV[i + 9], group_of(prefix, ARGV[i + 11])
    local duplicate = dedupe ~= "" and (seen[dedupe] or dedupe_owner(prefix, dedupe))
    if dedupe ~= "" then seen[dedupe] = true end
    if not duplicate and group ~= "" and tonumber(ARGV[i + 4]) <= now then
      if would_refuse(prefix, group) then
        refused = refused or i
      elseif max_size(prefix, group) > 0 then
        group_sizes[group] = group_size(prefix, group) + 1
      end
    end
  end
  if refused then
    local out = {}
    for i = FIRST, #ARGV, PER do
      if i == refused then
        out[#out + 1] = max_size(prefix, group_of(prefix, ARGV[i + 11])); out[#out + 1] = 2
      else
        out[#out + 1] = ""; out[#out + 1] = 3
      end
    end
    return out
  end
  group_sizes = {}
end

local seq = redis.call("INCRBY", prefix .. "seq", count) - count
local out, ready, delayed, grouped = {}, {}, {}, {}
for i = FIRST, #ARGV, PER do
  local id, dedupe, group = ARGV[i], ARGV[i + 9], group_of(prefix, ARGV[i + 11])
  local run_at, priority = tonumber(ARGV[i + 4]), ARGV[i + 3]
  local owner = false
  local dedupe_key = prefix .. "dedupe:" .. dedupe
  if dedupe ~= "" then owner = dedupe_owner(prefix, dedupe) end
  if owner then
    out[#out + 1] = owner
    out[#out + 1] = 1
  elseif group ~= "" and run_at <= now and would_refuse(prefix, group) then
    out[#out + 1] = max_size(prefix, group)
    out[#out + 1] = 2
  else
    if dedupe ~= "" then redis.call("SET", dedupe_key, id, "PX", ARGV[i + 10]) end
    local fields = { "name", ARGV[i + 1], "payload", ARGV[i + 2], "state", "waiting", "priority", priority,
      "max_attempts", ARGV[i + 5], "backoff", ARGV[i + 6], "created_at", now }
    if ARGV[i + 7] ~= "0" then fields[#fields + 1] = "timeout_ms"; fields[#fields + 1] = ARGV[i + 7] end
    if ARGV[i + 8] ~= "0" then fields[#fields + 1] = "expire_at"; fields[#fields + 1] = ARGV[i + 8] end
    if dedupe ~= "" then fields[#fields + 1] = "dedupe_id"; fields[#fields + 1] = dedupe end
    if group ~= "" then fields[#fields + 1] = "group"; fields[#fields + 1] = group end
    if ARGV[i + 12] ~= "" then fields[#fields + 1] = "notify"; fields[#fields + 1] = ARGV[i + 12] end
    if with_headers and ARGV[i + 13] ~= "" then
      fields[#fields + 1] = "headers"; fields[#fields + 1] = ARGV[i + 13]
    end
    if run_at > now then
      fields[6] = "delayed"
      fields[#fields + 1] = "run_at"; fields[#fields + 1] = run_at
      delayed[#delayed + 1] = run_at; delayed[#delayed + 1] = id
    else
      seq = seq + 1
      if group ~= "" then
        grouped[#grouped + 1] = { group, score_in_group(group_settings(prefix).order, priority, seq), id }
        if max_size(prefix, group) > 0 then group_sizes[group] = group_size(prefix, group) + 1 end
      else
        ready[#ready + 1] = ready_score(priority, seq); ready[#ready + 1] = id
      end
    end
    redis.call("HSET", task_key(prefix, id), unpack(fields))
    if history_on() then
      history_event("N\31" .. id .. "\31" .. ARGV[i + 1] .. "\31" .. group .. "\31" .. ((run_at > now) and run_at or ""))
    end
    out[#out + 1] = id
    out[#out + 1] = 0
  end
end
if #ready > 0 then batched("ZADD", prefix .. "ready", ready, 2) end
if #delayed > 0 then batched("ZADD", prefix .. "delayed", delayed, 2) end
if #grouped > 0 then redis.call("INCRBY", prefix .. "gwaiting", #grouped) end
for _, g in ipairs(grouped) do
  local set = prefix .. "g:" .. g[1]
  redis.call("ZADD", set, g[2], g[3])
  local limit = max_size(prefix, g[1])
  if limit > 0 and redis.call("ZCARD", set) > limit then drop_oldest(prefix, now, g[1]) end
  group_enter(prefix, g[1])
end
if #ready + #delayed + #grouped > 0 then wake(prefix) end
history_write(prefix)
return out
