package org.saath.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@link ConversationStore} over the store's {@link Database}, with SQL that SQLite and PostgreSQL both accept. */
public final class JdbcConversationStore implements ConversationStore {

    private final Database db;

    public JdbcConversationStore(Database db) {
        this.db = db;
    }

    @Override
    public List<ExportRow> turnsSince(Instant since) {
        return db.read(sql -> sql.list("SELECT t.id, t.created_at, t.text_redacted, t.intent, t.confidence, t.risk, "
                + "t.language, t.signals, EXISTS (SELECT 1 FROM escalations e WHERE e.conversation_id = "
                + "t.conversation_id) FROM turns t WHERE t.created_at >= ? ORDER BY t.created_at, t.turn_no",
                rs -> new ExportRow(rs.getString(1), Times.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getDouble(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9)),
                since));
    }

    @Override
    public List<ConversationKey> inactiveSince(Instant before, int limit) {
        return db.read(sql -> sql.list("SELECT c.channel, c.user_ref FROM conversations c WHERE " + TurnSql.INACTIVE
                + " ORDER BY c.updated_at LIMIT ?", rs -> new ConversationKey(rs.getString(1), rs.getString(2)),
                before, before, before, limit));
    }

    /** An escalation that ended (nothing can move it again) and has not changed since the bound. */
    private static final String ENDED_BEFORE = "state IN ('resolved', 'expired', 'declined') AND updated_at < ?";

    @Override
    public int deleteOlderThan(Instant before) {
        int deleted = db.write(sql -> {
            int rows = 0;
            for (String statement : new String[] {"DELETE FROM turns WHERE created_at < ?",
                "DELETE FROM processed_messages WHERE processed_at < ?",
                "DELETE FROM user_messages WHERE created_at < ?",
                "DELETE FROM outbox WHERE state <> 'pending' AND created_at < ?",
                "DELETE FROM outbox_sent WHERE created_at < ?",
                "DELETE FROM forgotten_messages WHERE processed_at < ?",
                "DELETE FROM request_outcomes WHERE created_at < ?",
                "DELETE FROM escalation_endings WHERE at < ?",
                "DELETE FROM channel_addresses WHERE last_inbound_at < ?",
                // a conversation still in use keeps only its window too: its escalations that ended before it (their
                // transitions first), and safety-plan answers not touched since
                "DELETE FROM escalation_events WHERE escalation_id IN (SELECT id FROM escalations WHERE "
                        + ENDED_BEFORE + ")",
                "DELETE FROM escalations WHERE " + ENDED_BEFORE,
                "DELETE FROM safety_plans WHERE updated_at < ?"}) {
                rows += sql.update(statement, before);
            }
            return rows;
        });
        db.snapshots().dropAll();          // a snapshot may hold a message the window just deleted
        db.erasePages();
        return deleted;
    }

    /** Intent, risk and reply language of the last stored turn, and the number of turns (for golden replays). */
    public Optional<String[]> lastTurnSummary() {
        return db.read(sql -> sql.one("SELECT t.intent, t.risk, c.language, (SELECT COUNT(*) FROM turns) FROM turns t "
                + "JOIN conversations c ON c.id = t.conversation_id ORDER BY t.created_at DESC, t.turn_no DESC "
                + "LIMIT 1", rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}));
    }
}
