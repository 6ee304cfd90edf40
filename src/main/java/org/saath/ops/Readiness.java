package org.saath.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.saath.nlu.Analyser;
import org.saath.store.StoreException;
import org.saath.store.StoreStatus;

/**
 * Whether this node should get traffic: the store answers, its schema has every migration in the jar, a model is
 * loaded, and the outbox is not stuck (no due delivery has waited longer than {@code stuckAfter} for the
 * dispatcher; a partner that is down does not count, its deliveries wait for their next attempt and are not due).
 * The migration check reads the schema history at most once a minute.
 */
public final class Readiness {

    private static final Duration MIGRATIONS_CHECKED_EVERY = Duration.ofMinutes(1);

    /** The answer: ready or not, and each check with what it saw. */
    public record Result(boolean ready, Map<String, Map<String, Object>> checks) {
    }

    private final StoreStatus store;
    private final Supplier<Analyser> model;
    private final Duration stuckAfter;
    private final Clock clock;
    private Instant migrationsCheckedAt;
    private int pendingMigrations;

    public Readiness(StoreStatus store, Supplier<Analyser> model, Duration stuckAfter, Clock clock) {
        this.store = store;
        this.model = model;
        this.stuckAfter = stuckAfter;
        this.clock = clock;
    }

    public Result check() {
        Map<String, Map<String, Object>> checks = new LinkedHashMap<>();
        Instant now = clock.instant();
        try {
            store.ping();
            checks.put("store", Map.of("ok", true));
            int pending = pendingMigrations(now);
            checks.put("migrations", Map.of("ok", pending == 0, "pending", pending));
            StoreStatus.Outbox outbox = store.outbox(now);
            checks.put("outbox", Map.of("ok", outbox.oldestDueWait().compareTo(stuckAfter) <= 0,
                    "backlog", outbox.pending(), "dead", outbox.dead(),
                    "oldest_due_wait_seconds", outbox.oldestDueWait().toSeconds(),
                    "stuck_after_seconds", stuckAfter.toSeconds()));
        } catch (StoreException e) {
            checks.put("store", Map.of("ok", false, "error", "the store does not answer"));
        }
        Analyser analyser = model.get();
        checks.put("model", analyser == null ? Map.of("ok", false)
                : Map.of("ok", true, "version", analyser.modelVersion()));
        boolean ready = checks.size() == 4 && checks.values().stream().allMatch(c -> Boolean.TRUE.equals(c.get("ok")));
        return new Result(ready, checks);
    }

    private synchronized int pendingMigrations(Instant now) {
        if (migrationsCheckedAt == null || pendingMigrations > 0
                || !now.isBefore(migrationsCheckedAt.plus(MIGRATIONS_CHECKED_EVERY))) {
            pendingMigrations = store.pendingMigrations();
            migrationsCheckedAt = now;
        }
        return pendingMigrations;
    }
}
