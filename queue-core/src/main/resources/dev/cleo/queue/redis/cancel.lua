-- cancel: cancels a waiting, delayed, failed (awaiting retry) or running task.
-- ARGV[1] queue key prefix, ARGV[2] now (ms), ARGV[3] id, ARGV[4] the history spec (see history: a
-- running task's attempt ends with outcome "k", an "E" line and its count; any other gets a "C"
-- line and its count)
-- A running task leaves "active" and its lease token is cleared, so its worker's later ack, heartbeat,
-- progress or hand-back matches nothing (fenced, as after ack.lua): the attempt never completes and
-- is never retried. Its group slot is freed as ack.lua frees it, so the group's next task may start.
-- The worker learns of it from its next heartbeat (extend.lua answers "cancelled") and interrupts
-- the handler.
-- Returns: { 1 } when cancelled, { 2 } when it was running and is now cancelled, { 0, state } when the
--   task is in a state that cannot be cancelled, { -1 } when there is no such task. Publishes the id on
--   the queue's "finished" channel when the task was stored with notify.
--- @include "keys"
--- @include "group-moves"
--- @include "group-line"
--- @include "group-holds"
--- @include "history"
--- @include "history-tally"
local prefix, now, id = ARGV[1], ARGV[2], ARGV[3]
history_open(ARGV[4])
local key = task_key(prefix, id)
local f = redis.call("HMGET", key, "state", "notify", "group", "holds", "name", "attempts", "worker", "started_at",
  "run_at", "created_at")
local state = f[1]
local code = 1
if not state then return { -1 } end
if state == "waiting" and f[3] then
  if redis.call("ZREM", prefix .. "g:" .. f[3], id) == 1 then redis.call("DECR", prefix .. "gwaiting") end
elseif state == "waiting" then
  redis.call("ZREM", prefix .. "ready", id)
elseif state == "delayed" or state == "failed" then
  redis.call("ZREM", prefix .. "delayed", id)
  if f[4] then
    -- A cancelled retry no longer holds its group.
    local group = task_group(prefix, key, f[3])
    release_hold(prefix, key, group)
    if redis.call("EXISTS", prefix .. "g:" .. group) == 1 and group_enter(prefix, group) then wake(prefix) end
  end
elseif state == "active" then
  redis.call("ZREM", prefix .. "active", id)
  if f[3] then
    -- A task of a group merged away since it started frees a slot of the group it went into.
    local group = task_group(prefix, key, f[3])
    if f[4] then release_hold(prefix, key, group) end
    if group_release(prefix, group) then wake(prefix) end
  end
  redis.call("HSET", key, "token", "")
  code = 2
else
  return { 0, state }
end
local fields = { "state", "cancelled", "finished_at", now }
local at = tonumber(now)
if history_on() and code == 2 then
  local started = tonumber(f[8]) or at
  local wait = math.max(0, started - (tonumber(f[9] or f[10]) or started))
  fields[5], fields[6] = "outcome", "k"
  history_event("E\31" .. id .. "\31" .. f[6] .. "\31k\31\31" .. (f[5] or "") .. "\31" .. (f[3] or "") .. "\31"
    .. (f[7] or "") .. "\31" .. started .. "\31" .. now .. "\31" .. wait .. "\31")
  history_tally(at, f[5] or "", f[7] or "", "k", "", at - started, wait)
elseif history_on() then
  history_event("C\31" .. id .. "\31" .. (f[5] or "") .. "\31" .. (f[3] or ""))
  history_tally_unstarted(at, f[5] or "", "C")
end
redis.call("HSET", key, unpack(fields))
redis.call("ZADD", prefix .. "done", now, id)
history_write(prefix)
if f[2] then redis.call("PUBLISH", prefix .. "finished", id) end
return { code }
