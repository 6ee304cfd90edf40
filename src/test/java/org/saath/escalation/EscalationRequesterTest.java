package org.saath.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.saath.limits.RateLimiter;
import org.saath.nlu.RiskLevel;

/**
 * The escalation limits: per sender, per client address where one is given, and asked once per message, so that a
 * unit of work that runs again (a deadlock, a person deleted meanwhile) spends no second place.
 */
class EscalationRequesterTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private final AtomicLong nanos = new AtomicLong();
    private final EscalationRequester requester = new EscalationRequester(UUID::randomUUID,
            new RateLimiter(2, Duration.ofDays(1), nanos::get), new RateLimiter(3, Duration.ofDays(1), nanos::get));

    private Optional<Escalation> request(EscalationRequester.Admission admission) {
        return requester.request(admission, true, Optional.empty(), "conv-1", RiskLevel.HIGH, false, "crisis", "en",
                "normal", NOW);
    }

    @Test
    void a_message_asked_again_takes_its_place_once() {
        EscalationRequester.Admission first = requester.admission("sender-1", Optional.empty());
        for (int run = 0; run < 3; run++) {             // the same message's unit of work, run three times
            assertThat(request(first)).isPresent();
        }

        assertThat(request(requester.admission("sender-1", Optional.empty()))).as("the second message").isPresent();
        assertThat(request(requester.admission("sender-1", Optional.empty()))).as("past the limit of 2").isEmpty();
    }

    @Test
    void one_address_is_limited_across_senders_and_a_message_without_one_is_not() {
        for (int i = 0; i < 3; i++) {
            assertThat(request(requester.admission("sender-" + i, Optional.of("203.0.113.7")))).isPresent();
        }

        assertThat(request(requester.admission("sender-9", Optional.of("203.0.113.7")))).isEmpty();
        assertThat(request(requester.admission("sender-9", Optional.of("198.51.100.4")))).isPresent();
        assertThat(request(requester.admission("sender-8", Optional.empty()))).isPresent();
    }

    @Test
    void nothing_is_counted_when_no_escalation_is_asked_for() {
        EscalationRequester.Admission quiet = requester.admission("sender-1", Optional.empty());
        for (int i = 0; i < 5; i++) {
            assertThat(requester.request(quiet, false, Optional.empty(), "conv-1", RiskLevel.LOW, false, "anxiety",
                    "en", "normal", NOW)).isEmpty();
        }

        assertThat(request(requester.admission("sender-1", Optional.empty()))).isPresent();
        assertThat(request(requester.admission("sender-1", Optional.empty()))).isPresent();
    }
}
