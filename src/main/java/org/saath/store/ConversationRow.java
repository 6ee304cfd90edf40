package org.saath.store;

import java.time.Instant;

/**
 * A conversation as stored: one per channel and hashed user. Codes are the wire codes of the domain enums
 * (dialogue state, risk level, language), kept as strings so the store depends on no layer above it.
 * {@code preferredLanguage} is set when the person asked for a language; {@code planStep} is the safety-plan
 * question being answered (0: none).
 */
public record ConversationRow(String id, String channel, String userRef, String language, String state,
                              String peakRisk, Instant peakRiskAt, int turns, Instant createdAt,
                              String preferredLanguage, int planStep) {
}
