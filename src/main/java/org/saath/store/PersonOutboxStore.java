package org.saath.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

/**
 * How outbox rows to people on platform channels end: finished without keeping their text or sealed address, sent
 * in parts with the progress recorded, or refused by the platform with the partner and the console told.
 */
public final class PersonOutboxStore {

    private final DataSource dataSource;

    public PersonOutboxStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * As {@link HandoffStore#attempted(String, String, int, Instant, String)}, replacing the payload: a message to a
     * person keeps neither its text nor its sealed address once it is finished, and one sent in parts records its
     * progress.
     */
    public void attempted(String id, String state, int attempts, Instant nextAttemptAt, String error,
                          String payload) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, payload = ? "
                        + "WHERE id = ?")) {
            s.setString(1, state);
            s.setInt(2, attempts);
            s.setString(3, nextAttemptAt.toString());
            s.setString(4, error == null ? null : error.substring(0, Math.min(200, error.length())));
            s.setString(5, payload);
            s.setString(6, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("updating the outbox failed", e);
        }
    }

    /**
     * A message the platform would not take for the person (outside WhatsApp's 24-hour window), in one transaction:
     * the row ends {@code undelivered} with the reason, {@code notices} are queued (the partner is told), and the
     * reason is kept beside the person's messages, where the console shows it.
     */
    public void undelivered(OutboxRow row, int attempts, Instant at, String reason, String strippedPayload,
                            List<OutboxRow> notices, String channel, String userRef) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET state = 'undelivered', attempts = ?, "
                    + "next_attempt_at = ?, last_error = ?, payload = ? WHERE id = ? AND state = 'pending'")) {
                s.setInt(1, attempts);
                s.setString(2, at.toString());
                s.setString(3, reason.substring(0, Math.min(200, reason.length())));
                s.setString(4, strippedPayload);
                s.setString(5, row.id());
                if (s.executeUpdate() != 1) {
                    c.rollback();
                    return;
                }
            }
            for (OutboxRow notice : notices) {
                HandoffSql.insertOutboxOnce(c, notice);
            }
            HandoffStore.insertUserMessage(c, channel, userRef, "undelivered", reason, at, "saath");
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("recording an undelivered message failed", e);
        }
    }
}
