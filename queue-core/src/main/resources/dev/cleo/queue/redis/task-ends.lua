-- task-ends: reads where tasks are in their life, for the futures waiting on their end.
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, then the ids
-- Returns: per id { state, result, error }, each "" when absent (state "" = no such task).
--- @include "keys"
local prefix = ARGV[1]
local out = {}
for i = 2, #ARGV do
  local f = redis.call("HMGET", task_key(prefix, ARGV[i]), "state", "result", "error")
  out[#out + 1] = f[1] or ""
  out[#out + 1] = f[2] or ""
  out[#out + 1] = f[3] or ""
end
return out
