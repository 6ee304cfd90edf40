-- PostgreSQL enforces VARCHAR lengths (SQLite does not): a declined offer is recorded as
-- lapsed:<partner id>:<who declined> (counsellor:<id> or partner:<partner id>), longer than 64 characters for long
-- partner ids.
ALTER TABLE escalation_events ALTER COLUMN actor TYPE VARCHAR(200);
