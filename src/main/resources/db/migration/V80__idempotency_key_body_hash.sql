-- A key is bound to the request's body as well as its call: the SHA-256 (hex) of the body's bytes, so that a repeat
-- with another body (a counsellor's second, different message under the first one's key) is refused with 422
-- instead of being answered with the first one's outcome while it is never sent. NULL on rows kept from before this
-- step (kept a day at most): those are compared by their call only, as they were when they were made.
-- V80, apart from the V7x steps, so that another branch's next step cannot take the same number.
ALTER TABLE request_outcomes ADD COLUMN body_sha256 VARCHAR(64);
