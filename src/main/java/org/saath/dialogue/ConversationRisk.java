package org.saath.dialogue;

import java.time.Duration;
import java.time.Instant;

import org.saath.nlu.Analysis;
import org.saath.nlu.Command;
import org.saath.nlu.RiskLevel;

/**
 * The conversation's risk after a message: the higher of this message's risk and the peak seen in the last
 * {@code memory} (24 hours by default). A single "no" or "I'm fine" therefore never closes a risk check; the
 * peak fades only with time (and, later, when a counsellor resolves the conversation), except that help come after an
 * act ends the emergency: {@link #kept}.
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

    /**
     * The peak a turn leaves for the next: its conversation risk, but {@code high} at most once help has come ("the
     * ambulance is here", "im at the hospital now", «انا بالمستشفى الحين») in a message that tells no emergency of its
     * own. The act is in hands that can help; the person is still remembered at risk, and asked how they are, not told
     * to call. "they pumped my stomach" and "i feel so ashamed" had "call the emergency number now, unlock the door"
     * (the s55 QA pass and a dev probe).
     */
    static RiskLevel kept(RiskLevel conversation, Analysis message) {
        boolean helpCame = message.command().filter(c -> c == Command.HELP_HERE).isPresent()
                && !message.risk().atLeast(RiskLevel.IMMINENT);
        return helpCame && conversation.atLeast(RiskLevel.IMMINENT) ? RiskLevel.HIGH : conversation;
    }
}
