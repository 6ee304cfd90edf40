package org.saath.nlu;

import java.util.List;
import java.util.Optional;

/**
 * Everything the NLU stage knows about one message. {@code intent} is {@code out_of_scope} with
 * {@code lowConfidence} set when the classifier was unsure; {@code risk} combines lexicon and classifier for this
 * message alone (the conversation's risk is kept by the dialogue); {@code command} is a steering phrase such as
 * "yes", "stop" or "delete my data".
 */
public record Analysis(Language language, Intent intent, double confidence, boolean lowConfidence, RiskLevel risk,
                       boolean thirdPerson, boolean requestsHuman, Optional<Command> command, List<String> signals,
                       String modelVersion) {

    public Analysis {
        signals = List.copyOf(signals);
    }
}
