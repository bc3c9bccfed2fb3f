-- report: progress and log lines from a running attempt, kept only while its lease is held, so a
-- worker that lost its task can neither write into a newer attempt nor resurrect a trimmed one.
-- ARGV[1] queue key prefix, ARGV[2] id, ARGV[3] token, ARGV[4] progress ("" = unchanged),
-- ARGV[5] log line ("" = none), ARGV[6] max log lines kept, ARGV[7] the history spec (see history:
-- a "P" event line for a progress), ARGV[8] the progress's stage ("" = none)
-- Returns: 1 when written, 0 when the lease is gone.
--- @include "keys"
--- @include "history"
local prefix, id = ARGV[1], ARGV[2]
local key = task_key(prefix, id)
if redis.call("HGET", key, "token") ~= ARGV[3] then return 0 end
if ARGV[4] ~= "" then
  if ARGV[8] ~= "" then
    redis.call("HSET", key, "progress", ARGV[4], "stage", ARGV[8])
  else
    redis.call("HSET", key, "progress", ARGV[4])
  end
  history_open(ARGV[7])
  if history_on() then
    local f = redis.call("HMGET", key, "attempts", "name")
    history_event("P\31" .. id .. "\31" .. (f[1] or "") .. "\31" .. ARGV[4] .. "\31" .. history_text(ARGV[8]) .. "\31"
      .. (f[2] or ""))
    history_write(prefix)
  end
end
if ARGV[5] ~= "" then
  local logs = prefix .. "logs:" .. id
  redis.call("RPUSH", logs, ARGV[5])
  redis.call("LTRIM", logs, -tonumber(ARGV[6]), -1)
end
return 1
