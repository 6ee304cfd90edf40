package org.saath.dialogue;

import java.util.List;

/**
 * Told once about every accepted turn, after it was recorded (a duplicate delivery is not a turn). Metrics and the
 * anonymous impact counts listen here; an observer must be quick and must not throw.
 */
@FunctionalInterface
public interface TurnObserver {

    /** Observes nothing. */
    TurnObserver NONE = outcome -> { };

    void observe(TurnOutcome outcome);

    /** Tells each of {@code observers}, in order. */
    static TurnObserver all(List<TurnObserver> observers) {
        List<TurnObserver> copy = List.copyOf(observers);
        return outcome -> copy.forEach(o -> o.observe(outcome));
    }
}
