package org.saath.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * What an operator asks of the store: is it reachable, is its schema up to date, how is the outbox doing, how many
 * escalations are in each state. Read-only, a few small queries; for health checks and metrics.
 */
public final class StoreStatus {

    /** The escalation states, in lifecycle order. */
    public static final List<String> ESCALATION_STATES = List.of("requested", "offered", "claimed", "active",
            "resolved", "expired", "declined");

    /**
     * The outbox at a moment: deliveries not yet made, dead letters, how long the oldest pending one has existed,
     * and how long the oldest delivery that is due has waited for the dispatcher (zero when none is due).
     */
    public record Outbox(int pending, int dead, Duration oldestPendingAge, Duration oldestDueWait) {
    }

    private final DataSource dataSource;

    public StoreStatus(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether the store answers a trivial query; throws {@link StoreException} when it does not. */
    public void ping() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT 1");
             ResultSet rs = s.executeQuery()) {
            rs.next();
        } catch (SQLException e) {
            throw new StoreException("the store does not answer", e);
        }
    }

    /** Migrations in the jar that the store has not applied (none after a good start). */
    public int pendingMigrations() {
        try {
            return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().info()
                    .pending().length;
        } catch (RuntimeException e) {
            throw new StoreException("reading the schema history failed: " + e.getMessage(), e);
        }
    }

    public Outbox outbox(Instant now) {
        try (Connection c = dataSource.getConnection()) {
            int pending = count(c, "SELECT COUNT(*) FROM outbox WHERE state = 'pending'");
            int dead = count(c, "SELECT COUNT(*) FROM outbox WHERE state = 'dead'");
            Duration oldest = oldest(c, "SELECT MIN(created_at) FROM outbox WHERE state = 'pending' "
                    + "AND created_at <= ?", now);
            Duration due = oldest(c, "SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending' "
                    + "AND next_attempt_at <= ?", now);
            return new Outbox(pending, dead, oldest, due);
        } catch (SQLException e) {
            throw new StoreException("reading the outbox failed", e);
        }
    }

    /** How many escalations are in each state now (every state present, zero included). */
    public Map<String, Integer> escalationsByState() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ESCALATION_STATES.forEach(s -> counts.put(s, 0));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT state, COUNT(*) FROM escalations GROUP BY state"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new StoreException("counting escalations failed", e);
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The age at {@code now} of the earliest time {@code sql} selects (its one parameter is {@code now}). */
    private static Duration oldest(Connection c, String sql, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, now.toString());
            try (ResultSet rs = s.executeQuery()) {
                Optional<String> value = rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                return value.map(v -> Duration.between(Instant.parse(v), now)).orElse(Duration.ZERO);
            }
        }
    }
}
