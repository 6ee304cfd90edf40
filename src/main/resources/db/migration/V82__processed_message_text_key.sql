-- A keyed hash of the text a message id was first answered for: the same id sent again with another text (a client
-- that reuses its ids) is refused with 409 on the generic channel and the web chat, instead of silently getting the
-- first answer while the new message is dropped. Null for records written before it: they are not checked.
ALTER TABLE processed_messages ADD COLUMN text_key VARCHAR(64);
