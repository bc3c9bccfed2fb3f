-- enqueue: stores and indexes a batch of new tasks, honouring deduplication ids.
-- KEYS: none besides those derived from ARGV[1] (all in the queue's slot)
-- ARGV[1] queue key prefix, ARGV[2] now (ms), then 11 values per task:
--   id, name, payload, priority, run_at (ms, 0 = now), max_attempts, backoff, timeout_ms,
--   expire_at (ms, 0 = never), dedupe_id ("" = none), dedupe_ttl_ms
-- Returns: per task, the owning id and 1 when it was a duplicate (the first task's id), else 0.
local prefix, now = ARGV[1], tonumber(ARGV[2])
local out, added = {}, false
for i = 3, #ARGV, 11 do
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
    local run_at, priority = tonumber(ARGV[i + 4]), ARGV[i + 3]
    local state = "waiting"
    if run_at > now then state = "delayed" else run_at = now end
    local key = task_key(prefix, id)
    redis.call("HSET", key, "name", ARGV[i + 1], "payload", ARGV[i + 2], "state", state,
      "priority", priority, "attempts", 0, "max_attempts", ARGV[i + 5], "backoff", ARGV[i + 6],
      "timeout_ms", ARGV[i + 7], "created_at", now, "run_at", run_at)
    if ARGV[i + 8] ~= "0" then redis.call("HSET", key, "expire_at", ARGV[i + 8]) end
    if dedupe ~= "" then redis.call("HSET", key, "dedupe_id", dedupe) end
    if state == "delayed" then
      redis.call("ZADD", prefix .. "delayed", run_at, id)
    else
      make_ready(prefix, id, priority, next_seq(prefix))
    end
    added = true
    out[#out + 1] = id
    out[#out + 1] = 0
  end
end
if added then wake(prefix) end
return out
