-- history-flush: writes the counts history-tally added up in this call into the rollup buckets, one
-- HINCRBY per field, bucket and tier, and lists each bucket in "hbuckets" by when it expires.
-- Provides: history_flush_counts
-- Needs:
--- @include "history-tally"

-- The fields one minute's counts add to, for the queue ("q\31\31"), the name and the worker.
local function history_fields(names)
  local fields = {}
  local function add(field, value) fields[field] = (fields[field] or 0) + value end
  for name, workers in pairs(names) do
    local t = "t\31" .. name .. "\31"
    for worker, outcomes in pairs(workers) do
      local w = "w\31" .. worker .. "\31"
      for on, slots in pairs(outcomes) do
        local outcome, after = string.sub(on, 1, 1), string.sub(on, 2)
        for slot, c in pairs(slots) do
          if slot < 0 then
            add("q\31\31" .. on, c[1]); add(t .. on, c[1])
          else
            local dh, wh = "dh:" .. math.floor(slot / 1000), "wh:" .. (slot % 1000)
            for _, d in ipairs({ "q\31\31", t, w }) do
              add(d .. "n", c[1]); add(d .. outcome, c[1]); add(d .. "ds", c[2]); add(d .. "ws", c[3])
              add(d .. dh, c[1])
              if after ~= "" then add(d .. after, c[1]) end
              if d ~= w then add(d .. wh, c[1]) end
            end
          end
        end
      end
    end
  end
  return fields
end

local function history_flush_counts(prefix)
  if not history_counts or next(history_counts) == nil then return end
  for minute, names in pairs(history_counts) do
    local fields = history_fields(names)
    for tier, width in pairs(HISTORY_WIDTH) do
      local start = minute - minute % width
      local bucket = tier .. ":" .. start
      local key = prefix .. "hr:" .. bucket
      for field, value in pairs(fields) do redis.call("HINCRBY", key, field, value) end
      local expires = start + width + history_keep[tier]
      redis.call("PEXPIREAT", key, expires)
      -- Listed, so that removing the queue finds the buckets.
      redis.call("ZADD", prefix .. "hbuckets", expires, bucket)
    end
  end
  history_counts = {}
end
