package org.saath.outbox;

import java.time.Duration;
import java.time.Instant;

import org.saath.dialogue.GoldenConversations;

/** A clock a test moves by hand, so that backoff is exercised without sleeping. */
public final class MutableClock extends GoldenConversations.ScriptClock {

    public MutableClock(Instant start) {
        super(start);
    }

    public void advance(Duration by) {
        moveTo(instant().plus(by));
    }
}
