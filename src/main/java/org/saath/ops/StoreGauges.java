package org.saath.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.saath.store.StoreException;
import org.saath.store.StoreStatus;

/**
 * Gauges read from the store (so every node shows the same shared figures): the outbox backlog, the age of its
 * oldest pending delivery, how long the oldest due delivery has waited for the dispatcher, dead letters, escalations
 * by state now, and the model version answering. The store is read once per scrape ({@link #refresh}); the gauges
 * show that snapshot, and {@code saath_store_up} says whether the last read worked.
 */
public final class StoreGauges {

    private final MeterRegistry registry;
    private final StoreStatus status;
    private final Supplier<String> modelVersion;
    private final Clock clock;
    private volatile StoreStatus.Outbox outbox = new StoreStatus.Outbox(0, 0, 0, Duration.ZERO, Duration.ZERO);
    private final Map<String, Integer> escalations = new LinkedHashMap<>();
    private volatile boolean up = true;
    private Gauge model;

    public StoreGauges(MeterRegistry registry, StoreStatus status, Supplier<String> modelVersion, Clock clock) {
        this.registry = registry;
        this.status = status;
        this.modelVersion = modelVersion;
        this.clock = clock;
        gauge("saath.outbox.backlog", "deliveries not yet made", g -> g.outbox.pending());
        gauge("saath.outbox.dead", "deliveries given up after the last attempt", g -> g.outbox.dead());
        gauge("saath.outbox.undelivered", "messages to people given up: refused by their platform, outside its "
                + "window, or out of attempts", g -> g.outbox.undelivered());
        gauge("saath.outbox.oldest.pending.age.seconds", "age of the oldest delivery not yet made",
                g -> g.outbox.oldestPendingAge().toMillis() / 1000.0);
        gauge("saath.outbox.oldest.due.wait.seconds", "how long the oldest due delivery has waited for the dispatcher",
                g -> g.outbox.oldestDueWait().toMillis() / 1000.0);
        gauge("saath.store.up", "1 when the store answered the last scrape", g -> g.up ? 1 : 0);
        for (String state : StoreStatus.ESCALATION_STATES) {
            escalations.put(state, 0);
            Gauge.builder("saath.escalations", this, g -> g.escalationsIn(state))
                    .description("escalations now in a state").tag("state", state).strongReference(true)
                    .register(registry);
        }
    }

    /** Reads the store once and updates every gauge; a store that does not answer sets {@code saath_store_up 0}. */
    public synchronized void refresh() {
        try {
            outbox = status.outbox(clock.instant());
            Map<String, Integer> now = status.escalationsByState();
            synchronized (escalations) {
                escalations.putAll(now);
            }
            up = true;
        } catch (StoreException e) {
            up = false;
        }
        String version = modelVersion.get();
        if (model == null || !version.equals(model.getId().getTag("version"))) {
            if (model != null) {
                registry.remove(model);
            }
            model = Gauge.builder("saath.model.info", () -> 1).description("the intent model answering now")
                    .tag("version", version).strongReference(true).register(registry);
        }
    }

    private int escalationsIn(String state) {
        synchronized (escalations) {
            return escalations.getOrDefault(state, 0);
        }
    }

    private void gauge(String name, String description, java.util.function.ToDoubleFunction<StoreGauges> value) {
        Gauge.builder(name, this, value).description(description).strongReference(true).register(registry);
    }
}
