-- PostgreSQL enforces VARCHAR lengths (SQLite does not): room for every dialogue state code ("offered_counsellor"
-- is 18 characters) and for delivery keys that carry a message id of up to 200 characters.
ALTER TABLE conversations ALTER COLUMN state TYPE VARCHAR(32);
ALTER TABLE outbox ALTER COLUMN idempotency_key TYPE VARCHAR(400);
