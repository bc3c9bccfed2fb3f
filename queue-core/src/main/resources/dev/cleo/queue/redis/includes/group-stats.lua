-- group-stats: group statistics, recorded by the one script that records the end of attempts,
-- ack.lua (GroupStatsHash reads them).
-- Provides: group_recorder
-- Needs: nothing

-- Group statistics ("gstats:<group>", one hash per group; RedisKeys documents the fields), kept
-- in few commands since ack runs for every task. A slot's first completion ("c:<slot>", a slot
-- being 10 s: now div 10000) folds the slots that left the throughput window (all but the newest
-- seen, "c:last", and the 6 before it) into "completed", and refreshes the TTL.
local function group_stats_roll(key, slot, ttl_ms)
  local last = tonumber(redis.call("HGET", key, "c:last")) or slot
  local newest, old = math.max(last, slot), {}
  for s = last - 6, math.min(last, newest - 7) do old[#old + 1] = "c:" .. s end
  -- A clock behind the others' can start a slot that is already out of the window.
  if slot < newest - 6 then old[#old + 1] = "c:" .. slot end
  if #old > 0 then
    local folded = 0
    for _, n in ipairs(redis.call("HMGET", key, unpack(old))) do folded = folded + (tonumber(n) or 0) end
    redis.call("HDEL", key, unpack(old))
    if folded > 0 then redis.call("HINCRBY", key, "completed", folded) end
  end
  redis.call("HSET", key, "c:last", newest)
  redis.call("PEXPIRE", key, ttl_ms)
end

-- Returns a function that records an attempt's end (code 1 completed, 2 failed with a retry to
-- come, 3 dead) in its group's stats: its duration since the lease began, summed ("duration_ms")
-- and in a log-scale histogram ("h:<i>": i = 0 for 0 ms, else 1 + floor(4 * log2(ms)) capped at
-- 121, so 4 buckets per doubling) from which Java interpolates p95. A completion costs 3 commands
-- (the TTL is refreshed once per slot, ample for a TTL of an hour or more); a failure 4 or 5,
-- refreshing the TTL each time. Made once per ack call, so that field names, which cost a number
-- formatting each, are built once per batch rather than once per task.
local function group_recorder(prefix, now, ttl_ms)
  local slot = math.floor(now / 10000)
  local slot_field, bucket_fields, log2 = "c:" .. slot, {}, math.log(2)
  return function(group, code, started_at)
    local key = prefix .. "gstats:" .. group
    local ms = math.max(0, now - (tonumber(started_at) or now))
    local bucket = 0
    if ms >= 1 then bucket = math.min(121, math.floor(4 * math.log(ms) / log2 + 1e-9) + 1) end
    local bucket_field = bucket_fields[bucket]
    if not bucket_field then
      bucket_field = "h:" .. bucket
      bucket_fields[bucket] = bucket_field
    end
    redis.call("HINCRBY", key, bucket_field, 1)
    redis.call("HINCRBY", key, "duration_ms", ms)
    if code == 1 then
      if redis.call("HINCRBY", key, slot_field, 1) == 1 then group_stats_roll(key, slot, ttl_ms) end
    else
      redis.call("HINCRBY", key, "failed", 1)
      if code == 3 then redis.call("HINCRBY", key, "dead", 1) end
      redis.call("PEXPIRE", key, ttl_ms)
    end
  end
end
