package org.saath.dialogue;

import java.util.List;

import org.slf4j.LoggerFactory;

/**
 * Told once about every accepted turn, after it was recorded (a duplicate delivery is not a turn). Metrics and the
 * anonymous impact counts listen here; an observer must be quick.
 */
@FunctionalInterface
public interface TurnObserver {

    /** Observes nothing. */
    TurnObserver NONE = outcome -> { };

    void observe(TurnOutcome outcome);

    /**
     * Tells each of {@code observers}, in order. One that fails is logged and passed over: counting a turn must never
     * fail the turn, which is already recorded and answered.
     */
    static TurnObserver all(List<TurnObserver> observers) {
        List<TurnObserver> copy = List.copyOf(observers);
        return outcome -> copy.forEach(o -> {
            try {
                o.observe(outcome);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(TurnObserver.class).warn("a turn observer failed: {}", e.toString());
            }
        });
    }
}
