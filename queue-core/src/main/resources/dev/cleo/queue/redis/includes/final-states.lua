-- final-states: the states a task ends in; a task in one of them never runs again.
-- Provides: FINAL
-- Needs: nothing

local FINAL = { completed = true, dead = true, expired = true, cancelled = true, dropped = true }
