-- Handoff to partners: who holds an escalation, its transitions, a durable outbox, messages for the person.
ALTER TABLE escalations ADD COLUMN partner_id VARCHAR(64);
ALTER TABLE escalations ADD COLUMN offered_at VARCHAR(40);

CREATE TABLE escalation_events (
    id            VARCHAR(64) PRIMARY KEY,
    escalation_id VARCHAR(64) NOT NULL REFERENCES escalations (id),
    from_state    VARCHAR(16),
    to_state      VARCHAR(16) NOT NULL,
    actor         VARCHAR(64) NOT NULL,
    at            VARCHAR(40) NOT NULL
);
CREATE INDEX escalation_events_escalation ON escalation_events (escalation_id, at);

CREATE TABLE outbox (
    id              VARCHAR(64)  PRIMARY KEY,
    idempotency_key VARCHAR(128) NOT NULL UNIQUE,
    conversation_id VARCHAR(64)  NOT NULL,
    destination     VARCHAR(32)  NOT NULL,
    target          VARCHAR(64)  NOT NULL,
    payload         TEXT         NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at VARCHAR(40)  NOT NULL,
    created_at      VARCHAR(40)  NOT NULL,
    seq             INTEGER      NOT NULL,
    last_error      VARCHAR(200)
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_conversation ON outbox (conversation_id, seq);

CREATE TABLE user_messages (
    id              VARCHAR(64) PRIMARY KEY,
    channel         VARCHAR(32) NOT NULL,
    user_ref        VARCHAR(64) NOT NULL,
    seq             INTEGER     NOT NULL,
    sender          VARCHAR(16) NOT NULL,
    text            TEXT        NOT NULL,
    created_at      VARCHAR(40) NOT NULL
);
CREATE INDEX user_messages_user ON user_messages (channel, user_ref, seq);
