-- Conversations, turns, processed message ids and escalations. Portable SQL (SQLite and PostgreSQL).
-- Times are ISO-8601 UTC strings; user ids appear only as keyed hashes (user_ref); text only redacted.

CREATE TABLE conversations (
    id            VARCHAR(64)  PRIMARY KEY,
    channel       VARCHAR(32)  NOT NULL,
    user_ref      VARCHAR(64)  NOT NULL,
    language      VARCHAR(16)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    peak_risk     VARCHAR(16)  NOT NULL,
    peak_risk_at  VARCHAR(40),
    turns         INTEGER      NOT NULL,
    created_at    VARCHAR(40)  NOT NULL,
    updated_at    VARCHAR(40)  NOT NULL,
    CONSTRAINT conversations_user UNIQUE (channel, user_ref)
);

CREATE TABLE processed_messages (
    channel         VARCHAR(32)  NOT NULL,
    user_ref        VARCHAR(64)  NOT NULL,
    message_id      VARCHAR(200) NOT NULL,
    conversation_id VARCHAR(64)  NOT NULL REFERENCES conversations (id),
    response        TEXT         NOT NULL,
    processed_at    VARCHAR(40)  NOT NULL,
    CONSTRAINT processed_messages_pk PRIMARY KEY (channel, user_ref, message_id)
);

CREATE TABLE turns (
    id                VARCHAR(64)  PRIMARY KEY,
    conversation_id   VARCHAR(64)  NOT NULL REFERENCES conversations (id),
    message_id        VARCHAR(200) NOT NULL,
    created_at        VARCHAR(40)  NOT NULL,
    text_redacted     TEXT         NOT NULL,
    language          VARCHAR(16)  NOT NULL,
    intent            VARCHAR(32)  NOT NULL,
    confidence        DOUBLE PRECISION NOT NULL,
    risk              VARCHAR(16)  NOT NULL,
    conversation_risk VARCHAR(16)  NOT NULL,
    signals           TEXT         NOT NULL,
    rule_id           VARCHAR(64)  NOT NULL,
    helplines         TEXT         NOT NULL,
    reply_text        TEXT         NOT NULL,
    model_version     VARCHAR(64)  NOT NULL
);
CREATE INDEX turns_conversation ON turns (conversation_id, created_at);

CREATE TABLE escalations (
    id              VARCHAR(64)  PRIMARY KEY,
    conversation_id VARCHAR(64)  NOT NULL REFERENCES conversations (id),
    state           VARCHAR(16)  NOT NULL,
    reason          VARCHAR(16)  NOT NULL,
    risk            VARCHAR(16)  NOT NULL,
    topic           VARCHAR(32)  NOT NULL,
    language        VARCHAR(16)  NOT NULL,
    created_at      VARCHAR(40)  NOT NULL,
    updated_at      VARCHAR(40)  NOT NULL
);
CREATE INDEX escalations_conversation ON escalations (conversation_id, state);
