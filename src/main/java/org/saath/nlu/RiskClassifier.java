package org.saath.nlu;

import java.util.List;

/**
 * Scores how much danger one message shows, read together with the same person's previous messages (oldest
 * first), on the ordinal scale {@code none < low < moderate < high < imminent}. Implementations are thread-safe.
 */
public interface RiskClassifier {

    /**
     * @param message the message
     * @param context the person's previous messages in this conversation, oldest first (may be empty)
     */
    RiskEstimate estimate(Utterance message, List<Utterance> context);

    /**
     * The same, with the message's features that other models read too ({@code features.text()} is
     * {@code message.text()}).
     */
    default RiskEstimate estimate(Utterance message, MessageFeatures features, List<Utterance> context) {
        return estimate(message, context);
    }

    /** How the estimate becomes a level. */
    RiskThresholds thresholds();

    /** The version of the model answering, recorded with every stored turn. */
    String modelVersion();
}
