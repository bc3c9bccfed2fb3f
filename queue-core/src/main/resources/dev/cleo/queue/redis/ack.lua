-- ack: records a batch of attempt outcomes, each only if its lease token still matches (fencing),
-- then applies retention to the completed and dead sets.
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] now (ms), ARGV[3] done max count, ARGV[4] done max age (ms),
-- ARGV[5] dead max count, ARGV[6] dead max age (ms), ARGV[7] the history spec (see history),
-- then 5 values per outcome:
--   id, token, kind ("c" completed, "f" failed and may retry, "t" timed out and "l" lease expired,
--   both as "f", "x" failed for good, "r" handed back: no handler on that worker), data, retry_at (ms)
--   data is the result JSON for "c" ("" = none) and the error text for the others.
-- Returns: per outcome 0 lease lost (ignored), 1 completed, 2 retry scheduled, 3 dead, 4 the task was
-- cancelled while it ran (ignored; cancel.lua fenced it off), 5 handed back: delayed until retry_at
-- for another worker, the attempt not counted (run_at kept, so Java's grace counts from the first due).
-- A grouped task's end frees its group's slot (group-line) and counts in its stats (group-stats).
-- With history on, an ended attempt gets an "E" event line and its counts (see history); a retried
-- one its record "a<attempt>" (outcome, next, started, ended, wait, worker, error), since the hash
-- moves on to the next attempt; a last one "outcome" beside the hash's own fields. A hand-back: "R".
-- Publishes the id on "finished" for each completed or dead task stored with notify.
--- @include "keys"
--- @include "batched"
--- @include "group-settings"
--- @include "group-moves"
--- @include "group-line"
--- @include "group-holds"
--- @include "group-stats"
--- @include "retention"
--- @include "history"
--- @include "history-tally"
local prefix, now = ARGV[1], tonumber(ARGV[2])
local record = group_recorder(prefix, now, math.max(tonumber(ARGV[4]), 3600000))
history_open(ARGV[7])

-- What an attempt's end records: how it ended, from the kind; what the task does next (by code).
local ENDED = { c = "c", f = "f", t = "t", l = "l", x = "f" }
local NEXT = { [1] = "", [2] = "r", [3] = "d" }
-- The task's fields an outcome needs (the last four for history only).
local HELD = { "token", "notify", "group", "started_at", "holds", "state", "attempts", "max_attempts", "worker",
  "run_at", "created_at", "name" }
local MAX_RESULT_IN_EVENT = 1000 -- a longer result stays in the task hash only

local out, settled, done, retry, dead, woken = {}, {}, {}, {}, {}, false
for i = 8, #ARGV, 5 do
  local id, token, kind, data = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  local key = task_key(prefix, id)
  local code = 0
  -- A token is set only while its lease is held: a match means the task is still this attempt's.
  local held = redis.call("HMGET", key, unpack(HELD, 1, history_on() and 12 or 8))
  if held[1] == token then
    local failure = kind == "f" or kind == "t" or kind == "l"
    -- A task of a group merged away since it started frees a slot of the group it went into.
    local group = task_group(prefix, key, held[3])
    settled[#settled + 1] = id
    -- An empty token can never match a lease again: the attempt is fenced off from now on.
    local fields
    if kind == "c" then
      fields = { "state", "completed", "finished_at", now, "token", "" }
      if data ~= "" then fields[7], fields[8] = "result", data end
      done[#done + 1] = now; done[#done + 1] = id
      code = 1
    elseif failure and tonumber(held[7]) < tonumber(held[8]) then
      -- Blocked before the slot frees, so the group does not move on past this task (unless
      -- the queue's "gconf" field "retry-holds" is "0": then the group goes on meanwhile).
      if group and group_settings(prefix)["retry-holds"] ~= "0" then
        hold_group(prefix, key, group)
      end
      fields = { "state", "failed", "error", data, "run_at", ARGV[i + 4], "token", "" }
      retry[#retry + 1] = ARGV[i + 4]; retry[#retry + 1] = id
      code = 2
    elseif kind == "r" then
      -- Holds its group as a retry does, so the group's order survives the hand-back.
      if group and group_settings(prefix)["retry-holds"] ~= "0" then
        hold_group(prefix, key, group)
      end
      redis.call("HDEL", key, "worker", "started_at")
      fields = { "state", "delayed", "attempts", math.max(0, tonumber(held[7]) - 1), "token", "" }
      retry[#retry + 1] = ARGV[i + 4]; retry[#retry + 1] = id
      code = 5
      if history_on() then history_event("R\31" .. id .. "\31" .. (held[12] or "") .. "\31" .. (held[9] or "")) end
    else
      fields = { "state", "dead", "error", data, "finished_at", now, "token", "" }
      dead[#dead + 1] = now; dead[#dead + 1] = id
      code = 3
    end
    if code ~= 5 and history_on() then
      local started = tonumber(held[4]) or now
      local wait = math.max(0, started - (tonumber(held[10] or held[11]) or started))
      local ended, after, name, worker = ENDED[kind] or "f", NEXT[code], held[12] or "", held[9] or ""
      local text = (kind == "c") and ((#data <= MAX_RESULT_IN_EVENT) and data or "") or history_text(data)
      local n = #fields
      if code == 2 then
        fields[n + 1] = "a" .. held[7]
        fields[n + 2] = ended .. "\31r\31" .. started .. "\31" .. now .. "\31" .. wait .. "\31" .. worker .. "\31" .. data
      else
        fields[n + 1], fields[n + 2] = "outcome", ended
      end
      history_event("E\31" .. id .. "\31" .. held[7] .. "\31" .. ended .. "\31" .. after .. "\31" .. name .. "\31"
        .. (group or "") .. "\31" .. worker .. "\31" .. started .. "\31" .. now .. "\31" .. wait .. "\31" .. text)
      history_tally(now, name, worker, ended, after, now - started, wait)
    end
    redis.call("HSET", key, unpack(fields))
    if group then
      if (code == 1 or code == 3) and held[5] then release_hold(prefix, key, group) end
      if group_release(prefix, group) then woken = true end
      if code ~= 5 then record(group, code, held[4]) end
    end
  elseif held[6] == "cancelled" then
    code = 4
  end
  out[#out + 1] = code
  if held[2] and (code == 1 or code == 3) then redis.call("PUBLISH", prefix .. "finished", id) end
end
if #settled > 0 then batched("ZREM", prefix .. "active", settled, 1) end
if #done > 0 then batched("ZADD", prefix .. "done", done, 2) end
if #dead > 0 then batched("ZADD", prefix .. "dead", dead, 2) end
if #retry > 0 then batched("ZADD", prefix .. "delayed", retry, 2) end
if #retry > 0 or woken then wake(prefix) end
history_write(prefix)
local budget = 100 + #out * 2
trim(prefix, prefix .. "done", now, tonumber(ARGV[3]), tonumber(ARGV[4]), budget)
trim(prefix, prefix .. "dead", now, tonumber(ARGV[5]), tonumber(ARGV[6]), budget)
return out
