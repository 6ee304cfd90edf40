package org.saath.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A committed move of an escalation, in closed values only: no escalation, conversation or person id. What metrics
 * and the anonymous impact counts learn of it (see {@link ConversationTx#transition}).
 *
 * @param from      the state it left
 * @param to        the state it entered
 * @param partnerId the partner that holds it now (empty when none)
 * @param actor     who moved it: {@code saath}, {@code person}, {@code lapsed:<partner>…}, {@code partner:<id>},
 *                  {@code counsellor:<id>}
 * @param at        when
 * @param offeredAt when it was last offered, before this move (empty when never)
 */
public record Transition(String from, String to, Optional<String> partnerId, String actor, Instant at,
                         Optional<Instant> offeredAt) {

    /** Told about every committed transition, after its commit; must be quick and never throw. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = t -> { };

        void transitioned(Transition transition);
    }
}
