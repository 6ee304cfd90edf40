-- The console's people and what they did. Portable SQL (SQLite and PostgreSQL).
-- Counsellors sign in with their own login; only a BCrypt hash of the password is kept. Console tokens (sessions
-- and event-stream tokens) are kept only as SHA-256 hashes, so a copy of the store cannot be used to sign in.
CREATE TABLE counsellors (
    id            VARCHAR(64)  PRIMARY KEY,
    partner_id    VARCHAR(64)  NOT NULL,
    login         VARCHAR(64)  NOT NULL UNIQUE,
    display_name  VARCHAR(100) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    disabled_at   VARCHAR(40),
    created_at    VARCHAR(40)  NOT NULL
);

CREATE TABLE console_tokens (
    token_sha256  VARCHAR(64) PRIMARY KEY,
    kind          VARCHAR(16) NOT NULL,
    partner_id    VARCHAR(64) NOT NULL,
    counsellor_id VARCHAR(64) REFERENCES counsellors (id),
    session_sha256 VARCHAR(64),
    expires_at    VARCHAR(40) NOT NULL,
    created_at    VARCHAR(40) NOT NULL
);
CREATE INDEX console_tokens_counsellor ON console_tokens (counsellor_id);

-- The first outcome of each request sent with an Idempotency-Key (claim, message, resolve, transfer, decline), so
-- that a retried request returns it instead of acting twice. status is NULL while the first one is in progress.
CREATE TABLE request_outcomes (
    partner_id      VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    request         VARCHAR(200) NOT NULL,
    status          INTEGER,
    body            TEXT,
    created_at      VARCHAR(40)  NOT NULL,
    CONSTRAINT request_outcomes_pk PRIMARY KEY (partner_id, idempotency_key)
);
CREATE INDEX request_outcomes_created ON request_outcomes (created_at);

-- Short replies a partner's counsellors can insert, per language, editable by the partner.
CREATE TABLE canned_replies (
    id          VARCHAR(64) PRIMARY KEY,
    partner_id  VARCHAR(64) NOT NULL,
    language    VARCHAR(16) NOT NULL,
    position    INTEGER     NOT NULL,
    text        TEXT        NOT NULL,
    updated_at  VARCHAR(40) NOT NULL
);
CREATE INDEX canned_replies_partner ON canned_replies (partner_id, language, position);

-- How a counsellor ended an escalation, and who wrote each message kept for a person.
ALTER TABLE escalations ADD COLUMN outcome VARCHAR(32);
ALTER TABLE user_messages ADD COLUMN actor VARCHAR(100);
