package org.saath.store;

import java.time.Instant;

/**
 * A conversation as stored: one per channel and hashed user. Codes are the wire codes of the domain enums
 * (dialogue state, risk level, language), kept as strings so the store depends on no layer above it.
 * {@code preferredLanguage} is set when the person asked for a language; {@code planStep} is the safety-plan
 * question being answered (0: none); {@code consent} is {@code yes} or {@code no} once the person answered whether a
 * counsellor may read the conversation so far ({@code null} before).
 */
public record ConversationRow(String id, String channel, String userRef, String language, String state,
                              String peakRisk, Instant peakRiskAt, int turns, Instant createdAt,
                              String preferredLanguage, int planStep, String consent) {

    /** A conversation in which consent to share the transcript was not asked yet. */
    public ConversationRow(String id, String channel, String userRef, String language, String state, String peakRisk,
                           Instant peakRiskAt, int turns, Instant createdAt, String preferredLanguage, int planStep) {
        this(id, channel, userRef, language, state, peakRisk, peakRiskAt, turns, createdAt, preferredLanguage, planStep,
                null);
    }
}
