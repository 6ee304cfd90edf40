package org.saath.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * SQLite only: what a person's last turn left in the store, kept in memory so that their next turn need not read it
 * back (the turn's first read cost the group committer a third of its time, and every turn a second hand-over to it).
 * The store stays the truth: an entry is the state one turn of this process wrote and committed, under the
 * conversation's lock, and any other unit of work on the conversation (an escalation moved, a reply noted, the person
 * forgotten), any failure and the retention job drop it. What a snapshot cannot know, whether the new message was
 * answered before, the turn's write checks in the same transaction ({@link JdbcConversations}).
 *
 * <p>SQLite is one node, as the store's reads outside the write transaction already assume; on PostgreSQL, where
 * several nodes share the store, there are no snapshots. An entry holds the person's last two messages as stored
 * (redacted); it goes after {@value #MINUTES} minutes without a turn, and the oldest go first past
 * {@value #ENTRIES} people.
 */
final class TurnSnapshots {

    static final int ENTRIES = 20_000;
    static final int MINUTES = 5;

    /** A conversation as its last turn left it: the row, its open escalation, its last messages (oldest first). */
    record Snapshot(ConversationRow conversation, Optional<EscalationRow> open, List<String> recentTexts) {
        Snapshot {
            recentTexts = List.copyOf(recentTexts);
        }
    }

    /** No snapshots (PostgreSQL). */
    static final TurnSnapshots NONE = new TurnSnapshots(null);

    private final Cache<ConversationKey, Snapshot> kept;

    private TurnSnapshots(Cache<ConversationKey, Snapshot> kept) {
        this.kept = kept;
    }

    static TurnSnapshots inMemory() {
        return new TurnSnapshots(Caffeine.newBuilder().maximumSize(ENTRIES)
                .expireAfterWrite(Duration.ofMinutes(MINUTES))
                .executor(Runnable::run)       // its upkeep on the thread that wrote: no wake-up of another per turn
                .build());
    }

    Optional<Snapshot> get(ConversationKey key) {
        return kept == null ? Optional.empty() : Optional.ofNullable(kept.getIfPresent(key));
    }

    void keep(ConversationKey key, Snapshot snapshot) {
        if (kept != null) {
            kept.put(key, snapshot);
        }
    }

    void drop(ConversationKey key) {
        if (kept != null) {
            kept.invalidate(key);
        }
    }

    void dropAll() {
        if (kept != null) {
            kept.invalidateAll();
        }
    }
}
