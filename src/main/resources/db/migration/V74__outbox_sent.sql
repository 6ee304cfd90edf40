-- The ids a platform gave Saath's messages to people when it took them, each as a keyed hash (a WhatsApp id holds
-- the person's number): a 'failed' status receipt that comes later finds its outbox row by it. Removed with the
-- conversation ("delete my data") and by retention.
CREATE TABLE outbox_sent (
    sent_ref        VARCHAR(64)  PRIMARY KEY,
    outbox_id       VARCHAR(64)  NOT NULL,
    conversation_id VARCHAR(64)  NOT NULL,
    created_at      VARCHAR(40)  NOT NULL
);
CREATE INDEX outbox_sent_conversation ON outbox_sent (conversation_id);
CREATE INDEX outbox_sent_created ON outbox_sent (created_at);
