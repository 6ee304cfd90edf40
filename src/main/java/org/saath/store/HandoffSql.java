package org.saath.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Inserts shared by the turn's transaction and the handoff store: outbox rows and escalation events. */
final class HandoffSql {

    private HandoffSql() {
    }

    /** Queues {@code row} unless a row with its idempotency key is already there. */
    static void insertOutboxOnce(Connection c, OutboxRow row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM outbox WHERE idempotency_key = ?")) {
            s.setString(1, row.idempotencyKey());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        insertOutbox(c, row);
    }

    static void insertOutbox(Connection c, OutboxRow row) throws SQLException {
        int seq;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox")) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                seq = rs.getInt(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox (id, idempotency_key, conversation_id, "
                + "destination, target, payload, state, attempts, next_attempt_at, created_at, seq) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, row.id());
            s.setString(2, row.idempotencyKey());
            s.setString(3, row.conversationId());
            s.setString(4, row.destination());
            s.setString(5, row.target());
            s.setString(6, row.payload());
            s.setString(7, row.state());
            s.setInt(8, row.attempts());
            s.setString(9, row.nextAttemptAt().toString());
            s.setString(10, row.createdAt().toString());
            s.setInt(11, seq);
            s.executeUpdate();
        }
    }

    static void insertEvent(Connection c, String escalationId, String from, String to, String actor, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO escalation_events (id, escalation_id, from_state, "
                + "to_state, actor, at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, "ev-" + UUID.randomUUID());
            s.setString(2, escalationId);
            s.setString(3, from);
            s.setString(4, to);
            s.setString(5, actor);
            s.setString(6, at.toString());
            s.executeUpdate();
        }
    }
}
