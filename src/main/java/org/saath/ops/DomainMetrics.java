package org.saath.ops;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.saath.dialogue.TurnObserver;
import org.saath.dialogue.TurnOutcome;
import org.saath.outbox.OutboxDispatcher;
import org.saath.store.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what the service does, per node: turns by channel, language, intent and risk; replies; escalation
 * transitions by state and partner; the time from an offer to a counsellor's claim; outbox attempts by destination
 * and outcome. Every label value comes from a closed set (a code's enum, a configured partner id): never a user
 * reference, a message id or anything a person wrote. Each turn is also logged at DEBUG with the same closed values.
 */
public final class DomainMetrics implements TurnObserver, Transition.Listener,
        OutboxDispatcher.AttemptListener {

    /** Label value when an escalation has no partner. */
    static final String NO_PARTNER = "none";

    private static final Duration[] WAIT_BUCKETS = {Duration.ofSeconds(30), Duration.ofMinutes(1),
        Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15),
        Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4)};

    private static final Logger LOG = LoggerFactory.getLogger(DomainMetrics.class);

    private final MeterRegistry registry;

    public DomainMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void observe(TurnOutcome t) {
        LOG.debug("turn channel={} language={} intent={} risk={} conversation_risk={} kind={} escalation={}",
                t.channel(), t.language().code(), t.intent().label(), t.risk().code(), t.conversationRisk().code(),
                t.kind().code(), t.escalation().map(TurnOutcome.Opened::state).orElse("none"));
        Counter.builder("saath.turns").description("messages accepted and handled")
                .tags("channel", t.channel(), "language", t.language().code(), "intent", t.intent().label(),
                        "risk", t.risk().code(), "kind", t.kind().code())
                .register(registry).increment();
        Counter.builder("saath.replies").description("messages sent back to people in the turn that answered them")
                .tag("channel", t.channel()).register(registry).increment(t.replies());
        if (t.newConversation()) {
            Counter.builder("saath.conversations.started").tag("channel", t.channel()).register(registry)
                    .increment();
        }
        t.escalation().ifPresent(e -> transition(e.state(), e.partnerId().orElse(NO_PARTNER)));
    }

    @Override
    public void transitioned(Transition t) {
        String partner = t.partnerId().orElse(NO_PARTNER);
        transition(t.to(), partner);
        if (t.to().equals("claimed") && t.offeredAt().isPresent()) {
            Timer.builder("saath.escalation.offer.to.claim")
                    .description("time from an escalation's offer to a counsellor's claim")
                    .tag("partner", partner).serviceLevelObjectives(WAIT_BUCKETS)
                    .register(registry).record(Duration.between(t.offeredAt().get(), t.at()));
        }
    }

    @Override
    public void attempted(String destination, String outcome) {
        Counter.builder("saath.outbox.attempts").description("outbox delivery attempts")
                .tags("destination", destination, "outcome", outcome).register(registry).increment();
    }

    private void transition(String state, String partner) {
        Counter.builder("saath.escalation.transitions").description("escalations entering a state")
                .tags("state", state, "partner", partner).register(registry).increment();
    }
}
