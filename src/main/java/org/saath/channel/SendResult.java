package org.saath.channel;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What a platform did with one message: the outbox retries, gives up, or tells the counsellor accordingly. */
public sealed interface SendResult {

    /**
     * The platform accepted the message (accepted, not yet delivered to the phone). {@code platformIds} are the ids
     * it gave the parts sent, where it reports later that one failed after all (WhatsApp's {@code failed} status).
     */
    record Sent(List<String> platformIds) implements SendResult {

        public Sent {
            platformIds = List.copyOf(platformIds);
        }

        /** This and {@code later} parts, sent one after the other. */
        Sent and(Sent later) {
            List<String> ids = new java.util.ArrayList<>(platformIds);
            ids.addAll(later.platformIds);
            return new Sent(ids);
        }
    }

    /**
     * A failure that may pass (the platform is down, rate-limited, or a token is being fixed): tried again with
     * backoff, and not before the wait the platform asked for ({@code after}: a 429's {@code Retry-After}, Telegram's
     * {@code retry_after}). {@code partsSent} says how many parts of a split message already went, so they are not
     * sent twice.
     */
    record Retry(String reason, int partsSent, Optional<Duration> after) implements SendResult {

        public Retry(String reason, int partsSent) {
            this(reason, partsSent, Optional.empty());
        }

        /** This failure after {@code part} parts went. */
        public Retry at(int part) {
            return new Retry(reason, part, after);
        }
    }

    /** The platform will never take this message (the person blocked the bot, the number is invalid). */
    record Refused(String reason) implements SendResult {
    }

    /** Outside the platform's messaging window (WhatsApp's 24 hours) and no template to send instead. */
    record OutsideWindow(String reason) implements SendResult {
    }

    static SendResult sent() {
        return new Sent(List.of());
    }

    /** Sent, under the id the platform gave it (none when the answer named none). */
    static SendResult sent(Optional<String> platformId) {
        return new Sent(platformId.stream().toList());
    }
}
