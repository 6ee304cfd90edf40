-- The rule book's escalate-priority (normal | urgent) is kept with the escalation: a partner's queue puts the urgent
-- ones first among escalations of the same risk ("are you safe right now?" answered no at home, a crisis).
ALTER TABLE escalations ADD COLUMN priority VARCHAR(16) NOT NULL DEFAULT 'normal';
