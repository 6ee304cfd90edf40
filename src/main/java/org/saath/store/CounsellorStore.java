package org.saath.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Counsellors (people at a partner with their own sign-in; only a password hash is kept) and console tokens
 * (sign-in sessions and event-stream tokens; only their SHA-256 is kept). A token of a disabled counsellor is
 * gone: disabling deletes them, and a lookup checks the counsellor too.
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

    private final Jdbc jdbc;

    public CounsellorStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Adds a counsellor; false when the login is taken. */
    public boolean add(Counsellor c) {
        return jdbc.insertUnique("adding a counsellor", "INSERT INTO counsellors (" + COLUMNS + ") VALUES (?, ?, ?, ?, "
                + "?, ?, ?)", c.id(), c.partnerId(), c.login(), c.displayName(), c.passwordHash(), text(c.disabledAt()),
                c.createdAt().toString());
    }

    public Optional<Counsellor> byLogin(String login) {
        return one("SELECT " + COLUMNS + " FROM counsellors WHERE login = ?", login);
    }

    public Optional<Counsellor> byId(String id) {
        return one("SELECT " + COLUMNS + " FROM counsellors WHERE id = ?", id);
    }

    /** Every counsellor, or a partner's, by partner then login. */
    public List<Counsellor> list(Optional<String> partnerId) {
        return partnerId.isPresent()
                ? jdbc.query("listing counsellors", "SELECT " + COLUMNS + " FROM counsellors WHERE partner_id = ? "
                        + "ORDER BY login", CounsellorStore::counsellor, partnerId.get())
                : jdbc.query("listing counsellors", "SELECT " + COLUMNS + " FROM counsellors ORDER BY partner_id, "
                        + "login", CounsellorStore::counsellor);
    }

    /** Disables a counsellor and ends every session of theirs; false when no such login is active. */
    public boolean disable(String login, Instant at) {
        Optional<Counsellor> c = byLogin(login).filter(Counsellor::active);
        if (c.isEmpty()) {
            return false;
        }
        jdbc.update("disabling a counsellor", "UPDATE counsellors SET disabled_at = ? WHERE id = ?", at.toString(),
                c.get().id());
        jdbc.update("revoking stream tokens", "DELETE FROM console_tokens WHERE session_sha256 IN (SELECT "
                + "token_sha256 FROM console_tokens WHERE counsellor_id = ?)", c.get().id());
        jdbc.update("revoking console tokens", "DELETE FROM console_tokens WHERE counsellor_id = ?", c.get().id());
        return true;
    }

    /**
     * Keeps a token by its SHA-256 only; {@code sessionSha256} names the sign-in session a stream token was handed
     * out for, so that signing out ends both.
     */
    public void addToken(String tokenSha256, String kind, TokenOwner owner, Instant now) {
        jdbc.update("keeping a console token", "INSERT INTO console_tokens (token_sha256, kind, partner_id, "
                + "counsellor_id, session_sha256, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", tokenSha256,
                kind, owner.partnerId(), owner.counsellorId().orElse(null), owner.sessionSha256().orElse(null),
                owner.expiresAt().toString(), now.toString());
    }

    /** The owner of an unexpired token of this kind whose counsellor (if any) is still active. */
    public Optional<TokenOwner> token(String tokenSha256, String kind, Instant now) {
        return jdbc.query("reading a console token", "SELECT t.partner_id, t.counsellor_id, t.session_sha256, "
                + "t.expires_at FROM console_tokens t LEFT JOIN counsellors c ON c.id = t.counsellor_id "
                + "WHERE t.token_sha256 = ? AND "
                + "t.kind = ? AND t.expires_at > ? AND (t.counsellor_id IS NULL OR c.disabled_at IS NULL)",
                rs -> new TokenOwner(rs.getString(1), Optional.ofNullable(rs.getString(2)),
                        Optional.ofNullable(rs.getString(3)), Instant.parse(rs.getString(4))), tokenSha256, kind,
                now.toString()).stream().findFirst();
    }

    /** Ends a session (sign out) and the stream tokens handed out for it. */
    public void deleteToken(String tokenSha256) {
        jdbc.update("deleting a console token", "DELETE FROM console_tokens WHERE token_sha256 = ? OR "
                + "session_sha256 = ?", tokenSha256, tokenSha256);
    }

    /** Forgets expired tokens. */
    public int deleteExpired(Instant now) {
        return jdbc.update("deleting expired console tokens", "DELETE FROM console_tokens WHERE expires_at <= ?",
                now.toString());
    }

    private Optional<Counsellor> one(String sql, String param) {
        return jdbc.query("reading a counsellor", sql, CounsellorStore::counsellor, param).stream().findFirst();
    }

    private static Counsellor counsellor(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Counsellor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6) == null ? null : Instant.parse(rs.getString(6)), Instant.parse(rs.getString(7)));
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
