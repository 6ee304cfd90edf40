package org.saath.privacy;

import java.time.Clock;
import java.time.Duration;

import org.saath.store.ConversationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes turns, messages kept for people and finished outbox rows older than the retention period ({@code privacy.retention}, 90 days by default). Labelled exports
 * are files outside the store and are not touched (they are redacted and carry no user reference).
 */
public final class RetentionJob implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final ConversationStore store;
    private final Duration retention;
    private final Clock clock;

    public RetentionJob(ConversationStore store, Duration retention, Clock clock) {
        this.store = store;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void run() {
        int deleted = store.deleteTurnsBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            LOG.info("retention: deleted {} turns older than {}", deleted, retention);
        }
    }
}
