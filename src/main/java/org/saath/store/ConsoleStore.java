package org.saath.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * What the console shows beside an escalation and what a counsellor's decisions add to it: the conversation's risk
 * message by message (levels and times only, never words), who holds it, and how it ended.
 */
public final class ConsoleStore {

    /** One message's risk and the conversation's risk after it; {@code relayed} = written to the counsellor. */
    public record RiskPoint(Instant at, String risk, String conversationRisk, boolean relayed) {
    }

    private final Jdbc jdbc;

    public ConsoleStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** The conversation's risk over time, oldest first, from the stored turns. */
    public List<RiskPoint> riskTimeline(String conversationId) {
        return jdbc.query("reading the risk timeline", "SELECT created_at, risk, conversation_risk, rule_id FROM turns "
                + "WHERE conversation_id = ? ORDER BY created_at, id", rs -> new RiskPoint(
                        Instant.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                        "relayed-to-counsellor".equals(rs.getString(4))), conversationId);
    }

    /** The conversation's remembered peak risk now. */
    public Optional<String> conversationRisk(String conversationId) {
        return jdbc.query("reading a conversation's risk", "SELECT peak_risk FROM conversations WHERE id = ?",
                rs -> rs.getString(1), conversationId).stream().findFirst();
    }

    /** Who claimed the escalation last ({@code counsellor:<id>} or {@code partner:<id>}), if anyone did. */
    public Optional<String> holder(String escalationId) {
        return jdbc.query("reading who holds an escalation", "SELECT actor FROM escalation_events WHERE "
                + "escalation_id = ? AND to_state = 'claimed' ORDER BY at DESC, id LIMIT 1", rs -> rs.getString(1),
                escalationId).stream().findFirst();
    }

    /** Records how a counsellor ended the escalation (safe, referred, emergency_services, no_response, other). */
    public void recordOutcome(String escalationId, String outcome) {
        jdbc.update("recording an outcome", "UPDATE escalations SET outcome = ? WHERE id = ?", outcome, escalationId);
    }
}
