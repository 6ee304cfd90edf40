package org.saath.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.saath.store.ConversationKey;
import org.saath.store.ConversationStore;
import org.saath.store.ConversationTx;
import org.saath.store.Conversations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes everything about a conversation whose last activity (a turn, a change to its escalations, a message for
 * the person) is older than the retention period ({@code privacy.retention}, 90 days by default): the conversation,
 * its turns, escalations and their transitions, safety plan, stored replies, messages kept for the person, outbox
 * rows and partners' idempotency records, each person in their own unit of work (so a message arriving meanwhile
 * keeps its conversation). An escalation still open then ends, recorded as ended by {@code saath} for retention,
 * and its partner is told. Then it sweeps what is kept by time: older turns and stored replies of live
 * conversations, finished outbox rows, deduplication keys of forgotten messages, idempotency records and escalation
 * endings. Anonymous counts, which hold no person, are not touched; labelled exports are files outside the store
 * (redacted, with no user reference).
 */
public final class RetentionJob implements Runnable {

    /** How the open escalation of a person whose data goes ends, and who is told (see {@code Leaving}). */
    @FunctionalInterface
    public interface Endings {
        Optional<ConversationTx.Ending> of(ConversationTx tx, Instant at);
    }

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final int BATCH = 200;

    private final ConversationStore store;
    private final Conversations conversations;
    private final Duration retention;
    private final Clock clock;
    private final Endings endings;

    public RetentionJob(ConversationStore store, Conversations conversations, Duration retention, Clock clock,
                        Endings endings) {
        this.store = store;
        this.conversations = conversations;
        this.retention = retention;
        this.clock = clock;
        this.endings = endings;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        Instant before = now.minus(retention);
        int people = 0;
        List<ConversationKey> batch;
        int forgotten;
        do {
            batch = store.inactiveSince(before, BATCH);
            forgotten = 0;
            for (ConversationKey key : batch) {
                forgotten += conversations.withConversation(key,
                        tx -> tx.forgetIfInactiveSince(before, endings.of(tx, now), now)) ? 1 : 0;
            }
            people += forgotten;
        } while (batch.size() == BATCH && forgotten > 0);
        int rows = store.deleteOlderThan(before);
        if (people > 0 || rows > 0) {
            LOG.info("retention: deleted {} conversations and {} other rows older than {}", people, rows, retention);
        }
    }
}
