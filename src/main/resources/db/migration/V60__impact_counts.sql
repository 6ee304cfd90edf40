-- Anonymous daily counts for impact reports: closed values and counts only. No user reference, no conversation id,
-- no text, so they hold no person and stay after "delete my data" and retention. Days and hours are UTC.
-- Shared by SQLite and PostgreSQL; numbered after every step of the other work so that it runs last on any store.

-- Messages handled, by hour: what people wrote about (the intent), how much danger, in what language, from where.
CREATE TABLE impact_turns (
    day           VARCHAR(10) NOT NULL,
    hour          INTEGER     NOT NULL,
    channel       VARCHAR(32) NOT NULL,
    country       VARCHAR(2)  NOT NULL,
    language      VARCHAR(16) NOT NULL,
    topic         VARCHAR(32) NOT NULL,
    risk          VARCHAR(16) NOT NULL,
    turns         BIGINT      NOT NULL,
    conversations BIGINT      NOT NULL,
    CONSTRAINT impact_turns_pk PRIMARY KEY (day, hour, channel, country, language, topic, risk)
);

-- Escalations entering a state, and who moved them there (saath, partner or person); partner '' = none.
CREATE TABLE impact_escalations (
    day         VARCHAR(10) NOT NULL,
    country     VARCHAR(2)  NOT NULL,
    language    VARCHAR(16) NOT NULL,
    topic       VARCHAR(32) NOT NULL,
    risk        VARCHAR(16) NOT NULL,
    partner     VARCHAR(64) NOT NULL,
    state       VARCHAR(16) NOT NULL,
    actor       VARCHAR(16) NOT NULL,
    transitions BIGINT      NOT NULL,
    CONSTRAINT impact_escalations_pk PRIMARY KEY (day, country, language, topic, risk, partner, state, actor)
);

-- Time from an offer to a counsellor's claim, in buckets.
CREATE TABLE impact_waits (
    day     VARCHAR(10) NOT NULL,
    partner VARCHAR(64) NOT NULL,
    bucket  VARCHAR(16) NOT NULL,
    claims  BIGINT      NOT NULL,
    CONSTRAINT impact_waits_pk PRIMARY KEY (day, partner, bucket)
);
