package org.saath.store;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A partner's canned replies, per language, in the order its counsellors arranged them. */
public final class CannedReplyStore {

    /** One canned reply. */
    public record CannedReply(String id, String partnerId, String language, int position, String text) {
    }

    private static final String COLUMNS = "id, partner_id, language, position, text";

    private final Database db;

    public CannedReplyStore(Database db) {
        this.db = db;
    }

    /** A partner's replies, by language then position. */
    public List<CannedReply> list(String partnerId) {
        return db.read(sql -> sql.list("SELECT " + COLUMNS + " FROM canned_replies WHERE partner_id = ? "
                + "ORDER BY language, position, id", CannedReplyStore::reply, partnerId));
    }

    public Optional<CannedReply> byId(String partnerId, String id) {
        return db.read(sql -> sql.one("SELECT " + COLUMNS + " FROM canned_replies WHERE partner_id = ? AND id = ?",
                CannedReplyStore::reply, partnerId, id));
    }

    public void add(CannedReply r, Instant at) {
        db.write(sql -> insert(sql, r, at));
    }

    /**
     * Gives a partner that has no canned replies yet these ones, in one transaction; does nothing when it has some.
     * Two first requests at once (on one node or two) seed once: SQLite has one writer, and on PostgreSQL the
     * transaction first takes an advisory lock for the partner's replies.
     */
    public void seedIfNone(String partnerId, List<CannedReply> replies, Instant at) {
        db.write(sql -> {
            if (sql.dialect() == Database.Dialect.POSTGRESQL) {
                sql.execute("SELECT pg_advisory_xact_lock(?)", UUID.nameUUIDFromBytes(("canned-replies\0" + partnerId)
                        .getBytes(StandardCharsets.UTF_8)).getMostSignificantBits());
            }
            if (sql.one("SELECT 1 FROM canned_replies WHERE partner_id = ? LIMIT 1", rs -> 1, partnerId).isEmpty()) {
                for (CannedReply r : replies) {
                    insert(sql, r, at);
                }
            }
            return null;
        });
    }

    private static int insert(Sql sql, CannedReply r, Instant at) throws SQLException {
        return sql.update("INSERT INTO canned_replies (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                r.id(), r.partnerId(), r.language(), r.position(), r.text(), at);
    }

    /** Changes a reply's text; false when the partner has no such reply. */
    public boolean update(String partnerId, String id, String text, Instant at) {
        return db.write(sql -> sql.update("UPDATE canned_replies SET text = ?, updated_at = ? WHERE partner_id = ? "
                + "AND id = ?", text, at, partnerId, id)) == 1;
    }

    public boolean delete(String partnerId, String id) {
        return db.write(sql -> sql.update("DELETE FROM canned_replies WHERE partner_id = ? AND id = ?", partnerId,
                id)) == 1;
    }

    /** How many replies the partner has (none yet: the console seeds the openers). */
    public int count(String partnerId) {
        return db.read(sql -> sql.one("SELECT COUNT(*) FROM canned_replies WHERE partner_id = ?", rs -> rs.getInt(1),
                partnerId)).orElse(0);
    }

    private static CannedReply reply(ResultSet rs) throws SQLException {
        return new CannedReply(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5));
    }
}
