-- Escalation counts keep only day, partner, state and who moved it: no view reads their country, language, topic or
-- risk, and next to the ending kept of an escalation whose person was deleted (escalation_endings: id, partner,
-- actor, time) a count of one gave those back. Existing rows are folded into the same cells with the four left empty.
CREATE TABLE impact_escalations_folded AS
    SELECT day, partner, state, actor, SUM(transitions) AS transitions
    FROM impact_escalations GROUP BY day, partner, state, actor;
DELETE FROM impact_escalations;
INSERT INTO impact_escalations (day, country, language, topic, risk, partner, state, actor, transitions)
    SELECT day, '', '', '', '', partner, state, actor, transitions FROM impact_escalations_folded;
DROP TABLE impact_escalations_folded;
