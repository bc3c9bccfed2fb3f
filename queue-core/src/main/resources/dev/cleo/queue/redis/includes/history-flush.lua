-- history-flush: writes the counts history-tally added up in this call into the rollup buckets, one
-- HINCRBY per field, bucket and tier, and lists each bucket in "hbuckets" by when it expires.
-- Provides: history_flush_counts
-- Needs:
--- @include "history-tally"

local function history_flush_counts(prefix)
  if not history_counts or next(history_counts) == nil then return end
  for minute, dims in pairs(history_counts) do
    for tier, width in pairs(HISTORY_WIDTH) do
      local start = minute - minute % width
      local bucket = tier .. ":" .. start
      local key = prefix .. "hr:" .. bucket
      for dimension, names in pairs(dims) do
        for name, metrics in pairs(names) do
          local field = dimension .. "\31" .. name .. "\31"
          for metric, value in pairs(metrics) do redis.call("HINCRBY", key, field .. metric, value) end
        end
      end
      local expires = start + width + history_keep[tier]
      redis.call("PEXPIREAT", key, expires)
      -- Listed, so that removing the queue finds the buckets.
      redis.call("ZADD", prefix .. "hbuckets", expires, bucket)
    end
  end
  history_counts = {}
end

