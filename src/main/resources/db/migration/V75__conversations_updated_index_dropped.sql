-- Each turn moved its conversation's entry in this index: one more B-tree page written per turn, at a random place
-- (where the person's previous turn had put it). Only retention read it, once an hour, in batches: it now scans the
-- conversations, as its sweeps of turns and stored replies by time already scan theirs.
DROP INDEX conversations_updated;
