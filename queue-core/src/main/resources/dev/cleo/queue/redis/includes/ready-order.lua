-- ready-order: the scores that order waiting tasks, in "ready" and within a group ("g:<group>").
-- Provides: ready_score, score_in_group
-- Needs: nothing

-- Ready order: higher priority first (priority 0..1000), then arrival (sequence < 2^40); exact in a double.
local function ready_score(priority, seq)
  return (1000 - tonumber(priority)) * 1099511627776 + seq
end

-- Order within a group ("gconf" field "order"): FIFO (default) by arrival, LIFO newest first,
-- PRIORITY by the task's priority, then arrival. The score a waiting task has in "g:<group>"
-- (group-line's arrival_in_group reads the arrival back from it):
local function score_in_group(order, priority, seq)
  if order == "LIFO" then return -seq end
  if order == "PRIORITY" then return ready_score(priority, seq) end
  return seq
end
