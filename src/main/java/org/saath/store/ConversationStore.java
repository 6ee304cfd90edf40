package org.saath.store;

import java.time.Instant;
import java.util.List;

/**
 * What the maintainers' tools and the retention job read and delete across conversations. A turn itself goes
 * through {@link Conversations}.
 */
public interface ConversationStore {

    /** Turns stored at or after {@code since}, for the labelling export (redacted text, no user reference). */
    List<ExportRow> turnsSince(Instant since);

    /**
     * People whose conversation saw nothing at or after {@code before} (see
     * {@link ConversationTx#forgetIfInactiveSince}), longest inactive first, at most {@code limit}.
     */
    List<ConversationKey> inactiveSince(Instant before, int limit);

    /**
     * Retention's sweep of what is kept by time rather than by conversation: turns, stored replies (processed
     * message ids with their responses), messages kept for people, delivered or dead outbox rows, deduplication
     * keys of forgotten messages, partners' idempotency records and escalation endings from before {@code before},
     * and the sealed channel addresses of people who have not written since then; then the freed pages are erased.
     * Returns how many rows went.
     */
    int deleteOlderThan(Instant before);
}
