-- A language the person asked for, the safety-plan step in progress, and the plan's answers (redacted).
ALTER TABLE conversations ADD COLUMN preferred_language VARCHAR(16);
ALTER TABLE conversations ADD COLUMN plan_step INTEGER NOT NULL DEFAULT 0;

CREATE TABLE safety_plans (
    conversation_id VARCHAR(64) NOT NULL REFERENCES conversations (id),
    step            INTEGER     NOT NULL,
    answer          TEXT        NOT NULL,
    updated_at      VARCHAR(40) NOT NULL,
    CONSTRAINT safety_plans_pk PRIMARY KEY (conversation_id, step)
);
