package org.saath.nlu;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the lexicon found in one message: the risk it implies on its own, the categories seen (negated ones
 * excluded), whether it holds a cue that the person writes about someone else ("my brother", "she says"; whether
 * that someone is at risk is decided with the message's final risk), and human-readable signals that explain it.
 * {@code cues} are the phrases that carry no risk themselves but tell how to read the rest: a topic mention, an
 * idiom, a negation, a third person (the risk model uses them as features). {@code follows}: the person says they
 * would do as someone did ("i want to do the same"), not negated; {@code tellsDeath}: the message tells of a death or a
 * suicide, whoever's. Together, in one message or across the conversation, they are a wish to follow the dead.
 * {@code learned}: the categories the risk model reads as features, those it was trained with: {@code categories}
 * less what only an Arabic wish read with "and" joined gave ("وبدي انتحر"), which the rules hear and the model's
 * training never read. {@code ownWords}: a phrase of danger in it is the writer's by its words (a wish with no one
 * else before it, an act or a means after "i"); an act told with no subject ("khoon ruk nahi raha", the bleeding
 * will not stop) is no one's by its words: the conversation says whose.
 */
public record DistressAssessment(RiskLevel risk, Set<DistressCategory> categories, Set<DistressCategory> learned,
                                 Set<DistressCategory> cues,
                                 boolean thirdPerson, boolean onlyNegated, boolean requestsHuman,
                                 List<String> signals, boolean follows, boolean tellsDeath, boolean ownWords) {

    public DistressAssessment {
        categories = inOrder(categories);
        learned = inOrder(learned);
        cues = inOrder(cues);
        signals = List.copyOf(signals);
    }

    /**
     * An unmodifiable copy that iterates in declaration order. {@code Set.copyOf} iterates in an order that changes
     * from one JVM to the next, which made the risk model's feature order, and so its training, differ between runs.
     */
    private static Set<DistressCategory> inOrder(Set<DistressCategory> categories) {
        return categories.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }

    public static DistressAssessment none() {
        return new DistressAssessment(RiskLevel.NONE, Set.of(), Set.of(), Set.of(), false, false, false, List.of(),
                false, false, false);
    }
}
