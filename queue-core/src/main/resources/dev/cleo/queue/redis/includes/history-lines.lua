-- history-lines: reads the event lines the history include writes.
-- Provides: history_fields, history_slot
-- Needs: nothing

-- A line's fields ("\31" between them).
local function history_fields(line)
  local out, from = {}, 1
  while true do
    local at = string.find(line, "\31", from, true)
    if not at then out[#out + 1] = string.sub(line, from); return out end
    out[#out + 1] = string.sub(line, from, at - 1)
    from = at + 1
  end
end

-- The histogram slot of a time in ms: four slots per doubling (as StatsAccumulator.slot).
local LOG2 = math.log(2)
local function history_slot(ms)
  return math.floor(4 * math.log(ms + 1) / LOG2)
end
