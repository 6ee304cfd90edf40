package org.saath.store;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an operator asks of the store: is it reachable, is its schema up to date, how is the outbox doing, how many
 * escalations are in each state. Read-only, a few small queries on the store's own pool, the same on SQLite and
 * PostgreSQL; for health checks and metrics.
 */
public final class StoreStatus {

    /** The escalation states, in lifecycle order. */
    public static final List<String> ESCALATION_STATES = List.of("requested", "offered", "claimed", "active",
            "resolved", "expired", "declined");

    /**
     * The outbox at a moment: deliveries not yet made, dead letters, messages to people given up (refused by their
     * platform, outside its window, or out of attempts), how long the oldest pending one has existed, and how long
     * the oldest delivery that is due, and first in its receiver's queue, has waited for the dispatcher (zero when
     * none is due).
     */
    public record Outbox(int pending, int dead, int undelivered, Duration oldestPendingAge, Duration oldestDueWait) {
    }

    /**
     * A pending row {@code o} with no earlier pending row for the same conversation and receiver: the one the
     * dispatcher may claim ({@link HandoffStore#claim}).
     */
    static final String FIRST_IN_ITS_QUEUE = "NOT EXISTS (SELECT 1 FROM outbox p WHERE p.conversation_id = "
            + "o.conversation_id AND p.destination = o.destination AND p.target = o.target AND p.state = 'pending' "
            + "AND p.seq < o.seq)";

    private final Database db;

    public StoreStatus(Database db) {
        this.db = db;
    }

    /** Whether the store answers a trivial query; throws {@link StoreException} when it does not. */
    public void ping() {
        db.read(sql -> sql.one("SELECT 1", rs -> rs.getInt(1)));
    }

    /** Migrations in the jar that the store has not applied (none after a good start); see {@link Database}. */
    public int pendingMigrations() {
        return db.pendingMigrations();
    }

    public Outbox outbox(Instant now) {
        return db.read(sql -> {
            int pending = count(sql, "SELECT COUNT(*) FROM outbox WHERE state = 'pending'");
            int dead = count(sql, "SELECT COUNT(*) FROM outbox WHERE state = 'dead'");
            int undelivered = count(sql, "SELECT COUNT(*) FROM outbox WHERE state = 'undelivered'");
            Duration oldest = oldest(sql, "SELECT MIN(created_at) FROM outbox WHERE state = 'pending' "
                    + "AND created_at <= ?", now);
            // a delivery queued behind an earlier one to the same receiver waits for that one, not for the
            // dispatcher: the second part of a reply whose first part is retrying while the platform is down
            // (a QA pass of 6 December: a Telegram outage made every node not ready after five minutes)
            Duration due = oldest(sql, "SELECT MIN(o.next_attempt_at) FROM outbox o WHERE o.state = 'pending' "
                    + "AND o.next_attempt_at <= ? AND " + FIRST_IN_ITS_QUEUE, now);
            return new Outbox(pending, dead, undelivered, oldest, due);
        });
    }

    /** How many escalations are in each state now (every state present, zero included). */
    public Map<String, Integer> escalationsByState() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ESCALATION_STATES.forEach(s -> counts.put(s, 0));
        db.read(sql -> sql.list("SELECT state, COUNT(*) FROM escalations GROUP BY state",
                rs -> counts.put(rs.getString(1), rs.getInt(2))));
        return counts;
    }

    private static int count(Sql sql, String query) throws java.sql.SQLException {
        return sql.one(query, rs -> rs.getInt(1)).orElse(0);
    }

    /** The age at {@code now} of the earliest time {@code query} selects (its one parameter is {@code now}). */
    private static Duration oldest(Sql sql, String query, Instant now) throws java.sql.SQLException {
        Optional<Instant> earliest = sql.one(query, rs -> Times.parse(rs.getString(1)), now);
        return earliest.map(at -> Duration.between(at, now)).orElse(Duration.ZERO);
    }
}
