-- The grammatical gender the person's own words marked ("chahti hoon", «خائفة»), and that of the person they last
-- wrote about ("my sister… she"), so replies in Urdu and Arabic keep agreeing with them; null = never marked (replies
-- stay gender-neutral). Deleted with the conversation.
ALTER TABLE conversations ADD COLUMN person_gender VARCHAR(16);
ALTER TABLE conversations ADD COLUMN other_gender VARCHAR(16);
