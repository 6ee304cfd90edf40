-- One table for console tokens: counsellors' sessions and event-stream tokens (of counsellors and of partners'
-- systems) are all in console_tokens (V30), hashed. The stream-token table of V6 is no longer used; its rows were
-- short-lived sign-ins, so a console signed in before the upgrade signs in again.
DROP TABLE stream_tokens;
