-- One turn, one transaction (portable SQL; the outbox's sequence column differs per dialect, see db/sqlite and
-- db/postgresql V7).

-- At most one open escalation per conversation, enforced by the schema. Concurrent turns used to open duplicates:
-- keep the oldest open one of each conversation and close the others before the index is built.
UPDATE escalations SET state = 'resolved'
WHERE state IN ('requested', 'offered', 'claimed', 'active')
  AND EXISTS (SELECT 1 FROM escalations older
              WHERE older.conversation_id = escalations.conversation_id
                AND older.state IN ('requested', 'offered', 'claimed', 'active')
                AND (older.created_at < escalations.created_at
                     OR (older.created_at = escalations.created_at AND older.id < escalations.id)));
CREATE UNIQUE INDEX escalations_one_open ON escalations (conversation_id)
    WHERE state IN ('requested', 'offered', 'claimed', 'active');

-- Every transition bumps the version; a transition is a compare-and-set on it, so two nodes moving the same lapsed
-- offer cannot both succeed. Events are ordered by the version they produced.
ALTER TABLE escalations ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE escalation_events ADD COLUMN seq INTEGER;

-- Turns of a conversation are numbered under the conversation's lock (ties in created_at are common).
ALTER TABLE turns ADD COLUMN turn_no INTEGER;

-- How many conversations each partner has been offered or holds: taken with a conditional update
-- (held < capacity), so concurrent routing can never offer more than a partner's capacity.
CREATE TABLE partner_load (
    partner_id VARCHAR(64) PRIMARY KEY,
    held       INTEGER     NOT NULL
);
INSERT INTO partner_load (partner_id, held)
SELECT partner_id, COUNT(*) FROM escalations
WHERE partner_id IS NOT NULL AND state IN ('offered', 'claimed', 'active')
GROUP BY partner_id;

-- "delete my data" is deduplicated too, without keeping anything about the person: the key is an HMAC of
-- channel, user reference and message id under the deployment's secret.
CREATE TABLE forgotten_messages (
    message_key  VARCHAR(64) PRIMARY KEY,
    response     TEXT        NOT NULL,
    processed_at VARCHAR(40) NOT NULL
);

-- Console sign-ins (server-sent-event stream tokens), hashed, so that any node can check them.
CREATE TABLE stream_tokens (
    token_sha256 VARCHAR(64) PRIMARY KEY,
    partner_id   VARCHAR(64) NOT NULL,
    expires_at   VARCHAR(40) NOT NULL
);

-- Outbox claims: a node leases the rows it is delivering; another node takes them over once the lease ran out.
ALTER TABLE outbox ADD COLUMN lease_owner VARCHAR(64);
ALTER TABLE outbox ADD COLUMN lease_until VARCHAR(40);
