package org.saath.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import javax.sql.DataSource;

import org.saath.privacy.SealedAddress;

/**
 * The sealed addresses of people on platform channels, one per channel and user reference, with when they last
 * wrote. Deleted with everything else by "delete my data" and by retention ({@link JdbcConversationStore}).
 */
public final class AddressStore {

    /** A kept address and the time of the person's latest message. */
    public record Kept(SealedAddress address, Instant lastInbound) {
    }

    private final DataSource dataSource;

    public AddressStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Keeps the address for replies. The last-inbound time only moves forward: a platform redelivering an old
     * message does not reopen a messaging window.
     */
    public void remember(String channel, String userRef, SealedAddress address, Instant wroteAt, Instant now) {
        String sql = "INSERT INTO channel_addresses (channel, user_ref, address, last_inbound_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel, user_ref) DO UPDATE SET address = excluded.address, "
                + "last_inbound_at = CASE WHEN excluded.last_inbound_at > channel_addresses.last_inbound_at "
                + "THEN excluded.last_inbound_at ELSE channel_addresses.last_inbound_at END, "
                + "updated_at = excluded.updated_at";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, channel);
            s.setString(2, userRef);
            s.setString(3, address.value());
            s.setString(4, wroteAt.truncatedTo(ChronoUnit.SECONDS).toString()); // whole seconds compare as text
            s.setString(5, now.toString());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("keeping a channel address failed", e);
        }
    }

    public Optional<Kept> find(String channel, String userRef) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT address, last_inbound_at FROM channel_addresses WHERE channel = ? AND user_ref = ?")) {
            s.setString(1, channel);
            s.setString(2, userRef);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Kept(new SealedAddress(rs.getString(1)),
                        Instant.parse(rs.getString(2)))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading a channel address failed", e);
        }
    }
}
