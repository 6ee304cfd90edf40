package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.saath.nlu.Intent;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;

/** Counting a turn never fails it: an observer that throws is passed over and the next one is still told. */
class TurnObserverTest {

    @Test
    void a_failing_observer_is_passed_over_and_the_others_are_told() {
        List<TurnOutcome> seen = new ArrayList<>();
        TurnObserver all = TurnObserver.all(List.of(o -> {
            throw new IllegalStateException("meter registry closed");
        }, seen::add));
        TurnOutcome outcome = new TurnOutcome("generic", "PK", Language.EN, Intent.GREETING, RiskLevel.NONE,
                RiskLevel.NONE, TurnOutcome.Kind.ANSWERED, true, 2, Optional.empty(), Instant.EPOCH);

        assertThatCode(() -> all.observe(outcome)).doesNotThrowAnyException();
        assertThat(seen).containsExactly(outcome);
    }
}
