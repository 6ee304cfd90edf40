-- Whether the person agreed that a counsellor may read the conversation so far ('yes', 'no', or not asked).
ALTER TABLE conversations ADD COLUMN consent VARCHAR(8);
