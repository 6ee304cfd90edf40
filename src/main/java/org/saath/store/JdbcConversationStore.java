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
    public int deleteTurnsBefore(Instant before) {
        int deleted = db.write(sql -> {
            int rows = 0;
            for (String table : new String[] {"DELETE FROM turns WHERE created_at < ?",
                "DELETE FROM user_messages WHERE created_at < ?",
                "DELETE FROM outbox WHERE state <> 'pending' AND created_at < ?",
                "DELETE FROM forgotten_messages WHERE processed_at < ?"}) {
                rows += sql.update(table, before);
            }
            return rows;
        });
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
