-- What the conversation is about (a topic such as abuse_violence, kept for a while like the peak risk, so follow-ups
-- stay on its route) and which reply the bot sent last (template id and variant), so it never sends the same twice.
ALTER TABLE conversations ADD COLUMN topic VARCHAR(32);
ALTER TABLE conversations ADD COLUMN topic_at VARCHAR(40);
ALTER TABLE conversations ADD COLUMN last_reply VARCHAR(80);
