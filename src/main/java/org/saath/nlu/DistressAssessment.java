package org.saath.nlu;

import java.util.List;
import java.util.Set;

/**
 * What the lexicon found in one message: the risk it implies on its own, the categories seen (negated ones
 * excluded), whether it holds a cue that the person writes about someone else ("my brother", "she says"; whether
 * that someone is at risk is decided with the message's final risk), and human-readable signals that explain it.
 * {@code cues} are the phrases that carry no risk themselves but tell how to read the rest: a topic mention, an
 * idiom, a negation, a third person (the risk model uses them as features).
 */
public record DistressAssessment(RiskLevel risk, Set<DistressCategory> categories, Set<DistressCategory> cues,
                                 boolean thirdPerson, boolean onlyNegated, boolean requestsHuman,
                                 List<String> signals) {

    public DistressAssessment {
        categories = Set.copyOf(categories);
        cues = Set.copyOf(cues);
        signals = List.copyOf(signals);
    }

    public static DistressAssessment none() {
        return new DistressAssessment(RiskLevel.NONE, Set.of(), Set.of(), false, false, false, List.of());
    }
}
