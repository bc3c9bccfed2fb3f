-- group-settings: the queue's group settings ("gconf"; RedisKeys lists the fields, GroupSettingsHash
-- writes them through group-config.lua and reads them in Java; GroupSettingsFieldsTest checks that
-- the fields read here are the ones it declares).
-- Provides: group_settings
-- Needs: nothing

-- Read in one HMGET on first use in a script call and kept for the rest of it (a per-call cache:
-- each call runs this chunk afresh): group-config.lua, their one writer, writes before it reads
-- them. Per-group fields ("priority:<group>", ...) are read where they are needed.
local GROUP_SETTINGS = { "strategy", "order", "concurrency", "max-size", "overflow", "rate", "limits",
  "retry-holds" }
local group_settings_read
local function group_settings(prefix)
  if not group_settings_read then
    local values = redis.call("HMGET", prefix .. "gconf", unpack(GROUP_SETTINGS))
    group_settings_read = {}
    for i, field in ipairs(GROUP_SETTINGS) do group_settings_read[field] = values[i] end
  end
  return group_settings_read
end
