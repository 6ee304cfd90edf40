-- The country the person's own words placed them in ("here:AE": "I live in Dubai", "helpline in Egypt?") or said
-- they are from ("from:EG"), so every later turn of the conversation offers that country's lines; null = never said.
-- Deleted with the conversation.
ALTER TABLE conversations ADD COLUMN said_country VARCHAR(16);
