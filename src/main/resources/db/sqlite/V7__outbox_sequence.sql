-- SQLite: the outbox's seq becomes the table's INTEGER PRIMARY KEY, assigned by SQLite on insert (no MAX(seq) + 1).
CREATE TABLE outbox_next (
    seq             INTEGER      PRIMARY KEY,
    id              VARCHAR(64)  NOT NULL UNIQUE,
    idempotency_key VARCHAR(128) NOT NULL UNIQUE,
    conversation_id VARCHAR(64)  NOT NULL,
    destination     VARCHAR(32)  NOT NULL,
    target          VARCHAR(64)  NOT NULL,
    payload         TEXT         NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at VARCHAR(40)  NOT NULL,
    created_at      VARCHAR(40)  NOT NULL,
    last_error      VARCHAR(200),
    lease_owner     VARCHAR(64),
    lease_until     VARCHAR(40)
);
INSERT INTO outbox_next (seq, id, idempotency_key, conversation_id, destination, target, payload, state, attempts,
                         next_attempt_at, created_at, last_error, lease_owner, lease_until)
SELECT seq, id, idempotency_key, conversation_id, destination, target, payload, state, attempts, next_attempt_at,
       created_at, last_error, lease_owner, lease_until FROM outbox ORDER BY seq;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_conversation ON outbox (conversation_id, seq);

-- Rows written before V6 keep their insertion order.
UPDATE turns SET turn_no = rowid WHERE turn_no IS NULL;
UPDATE escalation_events SET seq = rowid WHERE seq IS NULL;
