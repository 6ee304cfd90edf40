package org.saath.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.saath.privacy.SealedAddress;

/**
 * The sealed addresses of people on platform channels, one per channel and user reference, with when they last
 * wrote. Deleted with everything else by "delete my data" ({@link ConversationTx#forget}) and by retention
 * ({@link JdbcConversationStore}). The SQL runs on SQLite and PostgreSQL alike.
 */
public final class AddressStore {

    /** A kept address and the time of the person's latest message. */
    public record Kept(SealedAddress address, Instant lastInbound) {
    }

    private final Database db;

    public AddressStore(Database db) {
        this.db = db;
    }

    /**
     * Keeps the address for replies. The last-inbound time only moves forward: a platform redelivering an old
     * message does not reopen a messaging window. Times are stored in {@link Times}' fixed width, so text order is
     * time order.
     */
    public void remember(String channel, String userRef, SealedAddress address, Instant wroteAt, Instant now) {
        db.write(sql -> {
            remember(sql, new ConversationKey(channel, userRef), address, wroteAt, now);
            return null;
        });
    }

    /** As above, on the caller's connection (a turn's unit of work, see {@link ConversationTx#keepAddress}). */
    static void remember(Sql sql, ConversationKey person, SealedAddress address, Instant wroteAt, Instant now)
            throws SQLException {
        sql.update("INSERT INTO channel_addresses (channel, user_ref, address, last_inbound_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel, user_ref) DO UPDATE SET address = excluded.address, "
                + "last_inbound_at = CASE WHEN excluded.last_inbound_at > channel_addresses.last_inbound_at "
                + "THEN excluded.last_inbound_at ELSE channel_addresses.last_inbound_at END, "
                + "updated_at = excluded.updated_at", person.channel(), person.userRef(), address.value(), wroteAt,
                now);
    }

    public Optional<Kept> find(String channel, String userRef) {
        return db.read(sql -> find(sql, new ConversationKey(channel, userRef)));
    }

    /** As above, on the caller's connection (see {@link ConversationTx#address}). */
    static Optional<Kept> find(Sql sql, ConversationKey person) throws SQLException {
        return sql.one("SELECT address, last_inbound_at FROM channel_addresses WHERE channel = ? AND user_ref = ?",
                rs -> new Kept(new SealedAddress(rs.getString(1)), Times.parse(rs.getString(2))), person.channel(),
                person.userRef());
    }
}
