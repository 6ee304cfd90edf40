-- A turn reads its person's last three messages (the risk model's context) by turn number. The index by
-- (conversation, time) made that read every turn of the conversation and sort them, one more row a turn as the
-- conversation grew; by (conversation, turn number) it reads the last three and stops. The queries that order a
-- conversation's turns by time read few rows and find them through this index too.
DROP INDEX turns_conversation;
CREATE INDEX turns_conversation_turn ON turns (conversation_id, turn_no);
