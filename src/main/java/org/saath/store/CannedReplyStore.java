package org.saath.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/** A partner's canned replies, per language, in the order its counsellors arranged them. */
public final class CannedReplyStore {

    /** One canned reply. */
    public record CannedReply(String id, String partnerId, String language, int position, String text) {
    }

    private static final String COLUMNS = "id, partner_id, language, position, text";

    private final Jdbc jdbc;

    public CannedReplyStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** A partner's replies, by language then position. */
    public List<CannedReply> list(String partnerId) {
        return jdbc.query("reading canned replies", "SELECT " + COLUMNS + " FROM canned_replies WHERE partner_id = ? "
                + "ORDER BY language, position, id", CannedReplyStore::reply, partnerId);
    }

    public Optional<CannedReply> byId(String partnerId, String id) {
        return jdbc.query("reading a canned reply", "SELECT " + COLUMNS + " FROM canned_replies WHERE partner_id = ? "
                + "AND id = ?", CannedReplyStore::reply, partnerId, id).stream().findFirst();
    }

    public void add(CannedReply r, Instant at) {
        jdbc.update("adding a canned reply", "INSERT INTO canned_replies (" + COLUMNS + ", updated_at) VALUES (?, ?, "
                + "?, ?, ?, ?)", r.id(), r.partnerId(), r.language(), r.position(), r.text(), at.toString());
    }

    /** Changes a reply's text; false when the partner has no such reply. */
    public boolean update(String partnerId, String id, String text, Instant at) {
        return jdbc.update("changing a canned reply", "UPDATE canned_replies SET text = ?, updated_at = ? WHERE "
                + "partner_id = ? AND id = ?", text, at.toString(), partnerId, id) == 1;
    }

    public boolean delete(String partnerId, String id) {
        return jdbc.update("deleting a canned reply", "DELETE FROM canned_replies WHERE partner_id = ? AND id = ?",
                partnerId, id) == 1;
    }

    /** How many replies the partner has (none yet: the console seeds the openers). */
    public int count(String partnerId) {
        return jdbc.query("counting canned replies", "SELECT COUNT(*) FROM canned_replies WHERE partner_id = ?",
                rs -> rs.getInt(1), partnerId).get(0);
    }

    private static CannedReply reply(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CannedReply(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5));
    }
}
