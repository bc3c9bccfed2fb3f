-- event-note: appends one group or queue event line to the queue's event stream, after the operation
-- it tells of (a group paused or resumed, merged, split or set; the queue paused or resumed; a pool
-- joined, left or stopped reporting).
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] the history spec (see history; "" writes nothing), ARGV[3] "1" to
-- write only to a queue that has had events (a pool leaving a removed queue must not bring it back),
-- then the line's fields: "G", operation, group, detail or "Q", operation, detail
-- Returns: 1 when written, 0 when not.
--- @include "history"
history_open(ARGV[2])
if not history_on() then return 0 end
if ARGV[3] == "1" and redis.call("EXISTS", ARGV[1] .. "evseq") == 0 then return 0 end
history_event(table.concat({ unpack(ARGV, 4) }, "\31"))
history_write(ARGV[1])
return 1
