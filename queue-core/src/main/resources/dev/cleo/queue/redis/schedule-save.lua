-- schedule-save: creates or updates a schedule. An unchanged definition (same hash) changes nothing
-- but the declaration time, so a restart never shifts or repeats a tick; a changed one keeps its next
-- tick when its trigger is unchanged, else starts at the first tick the caller computed.
-- KEYS[1] the queue's schedules set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] name, ARGV[3] owner ("" = registered through the API),
-- ARGV[4] definition hash, ARGV[5] trigger, ARGV[6] first tick (ms) for a new trigger,
-- then field/value pairs of the definition (task, payload, priority, ...; see RedisKeys)
-- Returns { code, next }: code 0 unchanged, 1 created, 2 updated.
--- @include "schedule"
local prefix, name, owner, hash, trigger = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local key, now, set = sched_key(prefix, name), redis_now(), prefix .. "schedules"
local old = redis.call("HMGET", key, "hash", "trigger", "next", "paused")

local function declared()
  if owner ~= "" then redis.call("HSET", key, "owner", owner, "declared_at", now) end
end

if old[1] == hash then
  declared()
  return { 0, tonumber(old[3]) }
end
local fields = {}
for i = 7, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call("HSET", key, "hash", hash, "trigger", trigger, "updated_at", now, unpack(fields))
if not old[1] then
  redis.call("HSET", key, "created_at", now, "fired", 0, "skipped", 0)
end
if owner == "" then redis.call("HDEL", key, "owner", "declared_at") else declared() end
-- The stored next tick is still a tick of an unchanged trigger: keeping it keeps the cadence and
-- any misfire pending for it.
local next_tick = tonumber(ARGV[6])
if old[2] == trigger and old[3] then next_tick = tonumber(old[3]) end
redis.call("HSET", key, "next", next_tick)
redis.call("ZADD", set, (old[4] == "1") and "+inf" or next_tick, name)
wake_schedulers(prefix)
return { old[1] and 2 or 1, next_tick }
