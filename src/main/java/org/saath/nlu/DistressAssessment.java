package org.saath.nlu;

import java.util.List;
import java.util.Set;

/**
 * What the lexicon found in one message: the risk it implies on its own, the categories seen (negated ones
 * excluded), whether the person writes about someone else, and human-readable signals that explain it.
 */
public record DistressAssessment(RiskLevel risk, Set<DistressCategory> categories, boolean thirdPerson,
                                 boolean onlyNegated, boolean requestsHuman, List<String> signals) {

    public DistressAssessment {
        categories = Set.copyOf(categories);
        signals = List.copyOf(signals);
    }

    public static DistressAssessment none() {
        return new DistressAssessment(RiskLevel.NONE, Set.of(), false, false, false, List.of());
    }
}
