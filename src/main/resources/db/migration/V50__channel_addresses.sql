-- Where to reply on a platform channel (WhatsApp, Telegram, Twilio): the address encrypted with AES-GCM (never in
-- clear), per channel and user reference, with the time the person last wrote (WhatsApp's 24-hour window).
-- Removed by "delete my data" and by retention.
CREATE TABLE channel_addresses (
    channel         VARCHAR(32)  NOT NULL,
    user_ref        VARCHAR(64)  NOT NULL,
    address         TEXT         NOT NULL,
    last_inbound_at VARCHAR(40)  NOT NULL,
    updated_at      VARCHAR(40)  NOT NULL,
    CONSTRAINT channel_addresses_pk PRIMARY KEY (channel, user_ref)
);
CREATE INDEX channel_addresses_inbound ON channel_addresses (last_inbound_at);
