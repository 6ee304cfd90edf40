package org.saath.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Counsellors (people at a partner with their own sign-in; only a password hash is kept) and console tokens
 * (sign-in sessions and event-stream tokens of counsellors and of partners' systems; only their SHA-256 is kept, in
 * the one {@code console_tokens} table, so that a sign-in made on one node works on every node). A token of a
 * disabled counsellor is gone: disabling deletes them in the same transaction, and a lookup checks the counsellor too.
 */
public final class CounsellorStore {

    /** A counsellor as stored. {@code disabledAt} is null while they may sign in. */
    public record Counsellor(String id, String partnerId, String login, String displayName, String passwordHash,
                             Instant disabledAt, Instant createdAt) {

        public boolean active() {
            return disabledAt == null;
        }
    }

    /** Whose a console token is: a partner's system (no counsellor) or one counsellor of the partner. */
    public record TokenOwner(String partnerId, Optional<String> counsellorId, Optional<String> sessionSha256,
                             Instant expiresAt) {
    }

    private static final String COLUMNS = "id, partner_id, login, display_name, password_hash, disabled_at, "
            + "created_at";

    private final Database db;

    public CounsellorStore(Database db) {
        this.db = db;
    }

    /** Adds a counsellor; false when the login (or the id) is taken. */
    public boolean add(Counsellor c) {
        return db.write(sql -> sql.update("INSERT INTO counsellors (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", c.id(), c.partnerId(), c.login(), c.displayName(), c.passwordHash(),
                c.disabledAt(), c.createdAt())) == 1;
    }

    public Optional<Counsellor> byLogin(String login) {
        return db.read(sql -> sql.one("SELECT " + COLUMNS + " FROM counsellors WHERE login = ?",
                CounsellorStore::counsellor, login));
    }

    public Optional<Counsellor> byId(String id) {
        return db.read(sql -> sql.one("SELECT " + COLUMNS + " FROM counsellors WHERE id = ?",
                CounsellorStore::counsellor, id));
    }

    /** Every counsellor, or a partner's, by partner then login. */
    public List<Counsellor> list(Optional<String> partnerId) {
        return db.read(sql -> partnerId.isPresent()
                ? sql.list("SELECT " + COLUMNS + " FROM counsellors WHERE partner_id = ? ORDER BY login",
                        CounsellorStore::counsellor, partnerId.get())
                : sql.list("SELECT " + COLUMNS + " FROM counsellors ORDER BY partner_id, login",
                        CounsellorStore::counsellor));
    }

    /**
     * Disables a counsellor and ends every session of theirs (and the stream tokens handed out for them) in one
     * transaction; false when no active counsellor has this login.
     */
    public boolean disable(String login, Instant at) {
        return db.write(sql -> {
            Optional<String> id = sql.one("SELECT id FROM counsellors WHERE login = ? AND disabled_at IS NULL",
                    rs -> rs.getString(1), login);
            if (id.isEmpty() || sql.update("UPDATE counsellors SET disabled_at = ? WHERE id = ? "
                    + "AND disabled_at IS NULL", at, id.get()) != 1) {
                return false;
            }
            sql.update("DELETE FROM console_tokens WHERE session_sha256 IN (SELECT token_sha256 FROM console_tokens "
                    + "WHERE counsellor_id = ?)", id.get());
            sql.update("DELETE FROM console_tokens WHERE counsellor_id = ?", id.get());
            return true;
        });
    }

    /**
     * Keeps a token by its SHA-256 only; {@code sessionSha256} names the sign-in session a stream token was handed
     * out for, so that signing out ends both.
     */
    public void addToken(String tokenSha256, String kind, TokenOwner owner, Instant now) {
        db.write(sql -> sql.update("INSERT INTO console_tokens (token_sha256, kind, partner_id, counsellor_id, "
                + "session_sha256, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", tokenSha256, kind,
                owner.partnerId(), owner.counsellorId().orElse(null), owner.sessionSha256().orElse(null),
                owner.expiresAt(), now));
    }

    /** The owner of an unexpired token of this kind whose counsellor (if any) is still active. */
    public Optional<TokenOwner> token(String tokenSha256, String kind, Instant now) {
        return db.read(sql -> sql.one("SELECT t.partner_id, t.counsellor_id, t.session_sha256, t.expires_at "
                + "FROM console_tokens t LEFT JOIN counsellors c ON c.id = t.counsellor_id WHERE t.token_sha256 = ? "
                + "AND t.kind = ? AND t.expires_at > ? AND (t.counsellor_id IS NULL OR c.disabled_at IS NULL)",
                rs -> new TokenOwner(rs.getString(1), Optional.ofNullable(rs.getString(2)),
                        Optional.ofNullable(rs.getString(3)), Times.parse(rs.getString(4))), tokenSha256, kind, now));
    }

    /** Ends a session (sign out) and the stream tokens handed out for it. */
    public void deleteToken(String tokenSha256) {
        db.write(sql -> sql.update("DELETE FROM console_tokens WHERE token_sha256 = ? OR session_sha256 = ?",
                tokenSha256, tokenSha256));
    }

    /** Forgets expired tokens. */
    public int deleteExpired(Instant now) {
        return db.write(sql -> sql.update("DELETE FROM console_tokens WHERE expires_at <= ?", now));
    }

    private static Counsellor counsellor(ResultSet rs) throws SQLException {
        return new Counsellor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Times.parse(rs.getString(6)), Times.parse(rs.getString(7)));
    }
}
