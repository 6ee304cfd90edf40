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
 * @param country   the ISO 3166 country it was opened for ({@code ZZ} when an old row has none)
 * @param language  the conversation's language when it opened
 * @param topic     what it is routed on
 * @param risk      the risk it opened with
 */
public record Transition(String from, String to, Optional<String> partnerId, String actor, Instant at,
                         Optional<Instant> offeredAt, String country, String language, String topic, String risk) {

    /** Told about every committed transition, after its commit; must be quick and never throw. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = t -> { };

        void transitioned(Transition transition);
    }
}
