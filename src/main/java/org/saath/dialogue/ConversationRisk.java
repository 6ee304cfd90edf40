package org.saath.dialogue;

import java.time.Duration;
import java.time.Instant;

import org.saath.nlu.RiskLevel;

/**
 * The conversation's risk after a message: the higher of this message's risk and the peak seen in the last
 * {@code memory} (24 hours by default). A single "no" or "I'm fine" therefore never closes a risk check; the
 * peak fades only with time (and, later, when a counsellor resolves the conversation).
 */
public final class ConversationRisk {

    private final Duration memory;

    public ConversationRisk(Duration memory) {
        this.memory = memory;
    }

    /** The risk to act on, given the stored peak (may be null) and when it was reached. */
    public RiskLevel after(RiskLevel message, RiskLevel peak, Instant peakAt, Instant now) {
        if (peak == null || peakAt == null || peakAt.plus(memory).isBefore(now)) {
            return message;
        }
        return RiskLevel.max(message, peak);
    }
}
