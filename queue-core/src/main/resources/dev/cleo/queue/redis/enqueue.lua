-- enqueue: stores and indexes a batch of new tasks, honouring deduplication ids.
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] now (ms), then 13 values per task:
--   id, name, payload, priority, run_at (ms, 0 = now), max_attempts, backoff, timeout_ms,
--   expire_at (ms, 0 = never), dedupe_id ("" = none), dedupe_ttl_ms, group ("" = none),
--   notify ("1" = publish the task's end on the queue's finished channel, "" = not)
-- A grouped task waits in its group's set, not in "ready" (see lib.lua); a group merged away
-- stands for the group it went into, which the task's hash then names.
-- Returns: per task, the owning id and 1 when it was a duplicate (the first task's id), else 0.
local prefix, now = ARGV[1], tonumber(ARGV[2])
local count = (#ARGV - 2) / 13
local seq = redis.call("INCRBY", prefix .. "seq", count) - count
local out, ready, delayed, grouped = {}, {}, {}, {}
for i = 3, #ARGV, 13 do
  local id, dedupe = ARGV[i], ARGV[i + 9]
  local owner = false
  if dedupe ~= "" then
    local dedupe_key = prefix .. "dedupe:" .. dedupe
    owner = redis.call("GET", dedupe_key)
    if not owner then redis.call("SET", dedupe_key, id, "PX", ARGV[i + 10]) end
  end
  if owner then
    out[#out + 1] = owner
    out[#out + 1] = 1
  else
    local run_at, priority, group = tonumber(ARGV[i + 4]), ARGV[i + 3], group_of(prefix, ARGV[i + 11])
    local fields = { "name", ARGV[i + 1], "payload", ARGV[i + 2], "state", "waiting", "priority", priority,
      "max_attempts", ARGV[i + 5], "backoff", ARGV[i + 6], "created_at", now }
    if ARGV[i + 7] ~= "0" then fields[#fields + 1] = "timeout_ms"; fields[#fields + 1] = ARGV[i + 7] end
    if ARGV[i + 8] ~= "0" then fields[#fields + 1] = "expire_at"; fields[#fields + 1] = ARGV[i + 8] end
    if dedupe ~= "" then fields[#fields + 1] = "dedupe_id"; fields[#fields + 1] = dedupe end
    if group ~= "" then fields[#fields + 1] = "group"; fields[#fields + 1] = group end
    if ARGV[i + 12] ~= "" then fields[#fields + 1] = "notify"; fields[#fields + 1] = ARGV[i + 12] end
    if run_at > now then
      fields[6] = "delayed"
      fields[#fields + 1] = "run_at"; fields[#fields + 1] = run_at
      delayed[#delayed + 1] = run_at; delayed[#delayed + 1] = id
    else
      seq = seq + 1
      if group ~= "" then
        grouped[#grouped + 1] = { group, seq, id }
      else
        ready[#ready + 1] = ready_score(priority, seq); ready[#ready + 1] = id
      end
    end
    redis.call("HSET", task_key(prefix, id), unpack(fields))
    out[#out + 1] = id
    out[#out + 1] = 0
  end
end
if #ready > 0 then batched("ZADD", prefix .. "ready", ready, 2) end
if #delayed > 0 then batched("ZADD", prefix .. "delayed", delayed, 2) end
for _, g in ipairs(grouped) do
  redis.call("ZADD", prefix .. "g:" .. g[1], g[2], g[3])
  group_enter(prefix, g[1])
end
if #grouped > 0 then redis.call("INCRBY", prefix .. "gwaiting", #grouped) end
if #ready + #delayed + #grouped > 0 then wake(prefix) end
return out
