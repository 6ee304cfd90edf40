package org.saath.ops;

import java.util.List;

import javax.sql.DataSource;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.saath.dialogue.TurnObserver;
import org.saath.report.ImpactRecorder;
import org.saath.store.HandoffStore;
import org.saath.store.ImpactStore;
import org.saath.store.StoreStatus;
import org.slf4j.LoggerFactory;

/**
 * What operators and partners see of the service, built once per store: the meter registry behind {@code /metrics},
 * the domain meters, the anonymous impact counts, and the store's status for health checks. The turn pipeline and
 * the escalation store tell it what happens through {@link #turns()} and {@link #transitions()}.
 */
public record Operations(PrometheusMeterRegistry registry, DomainMetrics metrics, ImpactRecorder impact,
                         StoreStatus status) {

    public static Operations create(DataSource dataSource) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return new Operations(registry, new DomainMetrics(registry),
                new ImpactRecorder(new ImpactStore(dataSource)), new StoreStatus(dataSource));
    }

    /** Told about every accepted turn: the meters, then the impact counts. */
    public TurnObserver turns() {
        return TurnObserver.all(List.of(metrics, impact));
    }

    /**
     * Told about every committed escalation transition: the meters, then the impact counts. A failure is logged and
     * passed over, never thrown at whoever made the transition.
     */
    public HandoffStore.TransitionListener transitions() {
        return t -> {
            for (HandoffStore.TransitionListener listener : List.<HandoffStore.TransitionListener>of(metrics, impact)) {
                try {
                    listener.transitioned(t);
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(Operations.class).warn("a transition listener failed: {}", e.toString());
                }
            }
        };
    }
}
