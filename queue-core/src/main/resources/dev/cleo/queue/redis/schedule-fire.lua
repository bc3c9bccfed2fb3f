-- schedule-fire: fires one due tick of a schedule exactly once, or runs it now on request.
-- A tick fires only if the stored next tick is the one the caller read (compare-and-set: of two
-- instances that read it, the second finds it moved) and it is due by Redis's clock. The runs are
-- enqueued as enqueue.lua stores tasks (plus "schedule" and "tick"; run_at = tick), indexed by
-- make_ready, and the next tick is written, all in this one script.
-- KEYS[1] the queue's schedules set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] name, ARGV[3] mode "tick" or "now", ARGV[4] next tick as read,
-- ARGV[5] next tick after this one (ms; a fixed delay computes its own), ARGV[6] ticks the misfire
-- policy skipped, ARGV[7] fixed-delay recheck (ms), then pairs: tick (ms; "now" uses Redis's), task id
-- Returns { code, next, ids of the runs enqueued... }: code 1 fired (no ids when every tick was
-- skipped), 0 stale (fired by another instance, paused or changed), -1 no such schedule, -2 not due
-- by Redis's clock, 3 a fixed delay waits for its last run (third value: its id), 4 a fixed delay's
-- real due time is later.
--- @include "keys"
--- @include "make-ready"
--- @include "schedule"
--- @include "schedule-runs"
--- @include "final-states"
local prefix, name, mode = ARGV[1], ARGV[2], ARGV[3]
local key, now, set = sched_key(prefix, name), redis_now(), prefix .. "schedules"
local s = redis.call("HMGET", key, "next", "paused", "trigger", "overlap", "last_id", "task", "payload",
  "priority", "max_attempts", "backoff", "timeout_ms", "ttl_ms", "group", "notify")
if not s[6] then
  redis.call("ZREM", set, name)
  return { -1 }
end
local ticks, skipped, next_tick = {}, tonumber(ARGV[6]), tonumber(ARGV[5])
for i = 8, #ARGV, 2 do ticks[#ticks + 1] = { tonumber(ARGV[i]), ARGV[i + 1] } end
local delay = fixed_delay(s[3])

if mode == "now" then
  ticks[1][1], next_tick = now, nil
elseif s[2] == "1" or s[1] ~= ARGV[4] then
  -- the set agrees with the hash again, so a stale entry cannot keep the firers busy
  redis.call("ZADD", set, (s[2] == "1") and "+inf" or s[1], name)
  return { 0, tonumber(s[1]) }
elseif tonumber(s[1]) > now then
  redis.call("ZADD", set, s[1], name)
  return { -2, tonumber(s[1]) }
elseif delay then
  local state, finished = run_state(prefix, s[5])
  if state and not FINAL[state] then
    redis.call("ZADD", set, now + tonumber(ARGV[7]), name)
    return { 3, tonumber(s[1]), s[5] }
  end
  local due = tonumber(s[1])
  if finished then due = math.max(due, tonumber(finished) + delay) end
  if due > now then
    redis.call("HSET", key, "next", due)
    redis.call("ZADD", set, due, name)
    return { 4, due }
  end
  ticks[1][1], next_tick = due, now + delay
elseif s[4] == "SKIP_IF_RUNNING" and is_running(prefix, s[5]) then
  skipped, ticks = skipped + #ticks, {}
end

local out = { 1, next_tick or tonumber(s[1]) }
for _, tick in ipairs(ticks) do
  local id = tick[2]
  local fields = { "name", s[6], "payload", s[7], "state", "waiting", "priority", s[8], "max_attempts", s[9],
    "backoff", s[10], "created_at", now, "run_at", tick[1], "schedule", name, "tick", tick[1] }
  if s[11] ~= "0" then fields[#fields + 1] = "timeout_ms"; fields[#fields + 1] = s[11] end
  if s[12] ~= "0" then fields[#fields + 1] = "expire_at"; fields[#fields + 1] = now + tonumber(s[12]) end
  if s[13] ~= "" then fields[#fields + 1] = "group"; fields[#fields + 1] = s[13] end
  -- A fixed delay learns of its run's end from the finished channel.
  if s[14] ~= "" or delay then fields[#fields + 1] = "notify"; fields[#fields + 1] = "1" end
  redis.call("HSET", task_key(prefix, id), unpack(fields))
  make_ready(prefix, id, s[8], next_seq(prefix))
  out[#out + 1] = id
end
if #ticks > 0 then
  local last = ticks[#ticks]
  redis.call("HSET", key, "last_tick", last[1], "last_fired_at", now, "last_id", last[2])
  redis.call("HINCRBY", key, "fired", #ticks)
  wake(prefix)
end
if skipped > 0 then redis.call("HINCRBY", key, "skipped", skipped) end
if next_tick then
  redis.call("HSET", key, "next", next_tick)
  redis.call("ZADD", set, next_tick, name)
end
return out
