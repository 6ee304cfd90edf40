package org.saath.ops;

import java.util.List;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.saath.dialogue.TurnObserver;
import org.saath.report.ImpactRecorder;
import org.saath.store.Database;
import org.saath.store.ImpactStore;
import org.saath.store.StoreStatus;
import org.saath.store.Transition;
import org.slf4j.LoggerFactory;

/**
 * What operators and partners see of the service, built once per store: the meter registry behind {@code /metrics},
 * the domain meters, the anonymous impact counts, and the store's status for health checks. The turn pipeline tells
 * it about every committed turn through {@link #turns()}, and the store's unit of work about every committed
 * escalation transition through {@link #transitions()}.
 */
public record Operations(PrometheusMeterRegistry registry, DomainMetrics metrics, ImpactRecorder impact,
                         StoreStatus status) {

    public static Operations create(Database database) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return new Operations(registry, new DomainMetrics(registry),
                new ImpactRecorder(new ImpactStore(database)), new StoreStatus(database));
    }

    /** Told about every accepted turn: the meters, then the impact counts. */
    public TurnObserver turns() {
        return TurnObserver.all(List.of(metrics, impact));
    }

    /**
     * Told about every committed escalation transition: the meters, then the impact counts. A failure is logged and
     * passed over, never thrown at whoever made the transition.
     */
    public Transition.Listener transitions() {
        return t -> {
            for (Transition.Listener listener : List.<Transition.Listener>of(metrics, impact)) {
                try {
                    listener.transitioned(t);
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(Operations.class).warn("a transition listener failed: {}", e.toString());
                }
            }
        };
    }
}
