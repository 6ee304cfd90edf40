-- Which partner an escalation was with after each transition, so that a partner whose access ended (the
-- escalation was resolved, transferred, declined or expired) is told so with a 403, and never reads on.
ALTER TABLE escalation_events ADD COLUMN partner_id VARCHAR(64);

-- What is kept of an open escalation when everything about its person is deleted ("delete my data", saath forget,
-- retention): that it ended, who ended it and why, and the partner it was with, so that the partner's console and
-- API can say the person has left. Nothing about the person: no conversation, risk, topic, language or country.
CREATE TABLE escalation_endings (
    escalation_id VARCHAR(64) PRIMARY KEY,
    partner_id    VARCHAR(64),
    from_state    VARCHAR(16) NOT NULL,
    to_state      VARCHAR(16) NOT NULL,
    actor         VARCHAR(16) NOT NULL,
    reason        VARCHAR(32) NOT NULL,
    at            VARCHAR(40) NOT NULL
);
CREATE INDEX escalation_endings_partner ON escalation_endings (partner_id, at);

-- Retention finds conversations by their last activity.
CREATE INDEX conversations_updated ON conversations (updated_at);
