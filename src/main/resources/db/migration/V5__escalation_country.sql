-- The person's country on the escalation, so that an offer moving to another partner is routed for them.
ALTER TABLE escalations ADD COLUMN country VARCHAR(2);
