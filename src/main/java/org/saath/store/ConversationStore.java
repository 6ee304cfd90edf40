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
     * Deletes turns, messages kept for people, delivered or dead outbox rows, deduplication keys of forgotten
     * messages from before {@code before} (retention); returns how many rows went.
     */
    int deleteTurnsBefore(Instant before);
}
