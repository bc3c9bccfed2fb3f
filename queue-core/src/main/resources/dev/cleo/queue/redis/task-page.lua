-- task-page: one page of a queue's delayed, active, finished or dead tasks, read only: the ids after
-- an anchor (the last task of the page before) in the set's order, see set-page.
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] the set: "delayed", "active", "done" or "dead", ARGV[3] "1" for
-- highest score first, ARGV[4] limit, ARGV[5] the anchor's score ("" for the first page), ARGV[6] its id
-- Returns: id, score; per task, at most ARGV[4]
--- @include "set-page"
return set_page(ARGV[1] .. ARGV[2], ARGV[5], ARGV[6], ARGV[3] == "1", tonumber(ARGV[4]))
