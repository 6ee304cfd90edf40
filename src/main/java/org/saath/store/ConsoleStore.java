package org.saath.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the console shows beside an escalation: the conversation's risk message by message (levels and times only,
 * never words) and who holds it. How an escalation ended is written with the transition that ended it
 * ({@link ConversationTx#recordOutcome}).
 */
public final class ConsoleStore {

    /** One message's risk and the conversation's risk after it; {@code relayed} = written to the counsellor. */
    public record RiskPoint(Instant at, String risk, String conversationRisk, boolean relayed) {
    }

    private final Database db;

    public ConsoleStore(Database db) {
        this.db = db;
    }

    /** The conversation's risk over time, oldest first, from the stored turns. */
    public List<RiskPoint> riskTimeline(String conversationId) {
        return db.read(sql -> sql.list("SELECT created_at, risk, conversation_risk, rule_id FROM turns "
                + "WHERE conversation_id = ? ORDER BY created_at, turn_no", rs -> new RiskPoint(
                        Times.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                        "relayed-to-counsellor".equals(rs.getString(4))), conversationId));
    }

    /** The conversation's remembered peak risk now. */
    public Optional<String> conversationRisk(String conversationId) {
        return db.read(sql -> sql.one("SELECT peak_risk FROM conversations WHERE id = ?", rs -> rs.getString(1),
                conversationId));
    }

    /** Who claimed the escalation last ({@code counsellor:<id>} or {@code partner:<id>}), if anyone did. */
    public Optional<String> holder(String escalationId) {
        return db.read(sql -> sql.one("SELECT actor FROM escalation_events WHERE escalation_id = ? "
                + "AND to_state = 'claimed' ORDER BY at DESC, seq DESC LIMIT 1", rs -> rs.getString(1), escalationId));
    }
}
