package org.saath.store;

import java.time.Instant;

/**
 * A conversation as stored: one per channel and hashed user. Codes are the wire codes of the domain enums
 * (dialogue state, risk level, language), kept as strings so the store depends on no layer above it.
 */
public record ConversationRow(String id, String channel, String userRef, String language, String state,
                              String peakRisk, Instant peakRiskAt, int turns, Instant createdAt) {
}
