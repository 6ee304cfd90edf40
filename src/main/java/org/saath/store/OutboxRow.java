package org.saath.store;

import java.time.Instant;

/**
 * One outbound delivery: to a partner's webhook ({@code destination = partner}, {@code target} = partner id). The
 * idempotency key is unique and travels with every attempt, so the receiver can drop repeats.
 */
public record OutboxRow(String id, String idempotencyKey, String conversationId, String destination, String target,
                        String payload, String state, int attempts, Instant nextAttemptAt, Instant createdAt) {
}
