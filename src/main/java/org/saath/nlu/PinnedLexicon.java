package org.saath.nlu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the risk model reads a message: through the lexicon it was trained with, which can be older than the lexicon
 * the rules read. The two usually differ in a handful of phrases. In a message where none of those phrases occurs,
 * both lexicons find the same phrases at the same places, in the same order, and so give the same assessment: the
 * current lexicon's, already made, is reused, and only a message holding a phrase of the difference is read a
 * second time. The shortcut is taken only when the phrases the two share stand in the same order in both (the
 * order of the phrases found at one place follows the files); otherwise every message is read twice.
 */
final class PinnedLexicon {

    private final DistressDetector current;
    private final DistressDetector trained;
    /** The phrases of one lexicon that the other lacks; {@code null} when every message must be read again. */
    private final DistressLexicon difference;

    PinnedLexicon(DistressDetector current, DistressDetector trained) {
        this.current = current;
        this.trained = trained;
        this.difference = current == trained ? null : difference(current.lexicon(), trained.lexicon());
    }

    /**
     * {@code text} as the model's lexicon reads it.
     *
     * @param currently the current lexicon's assessment of {@code text}
     */
    DistressAssessment assess(NormalisedText text, DistressAssessment currently) {
        if (current == trained || difference != null && difference.find(text).isEmpty()) {
            return currently;
        }
        return trained.assess(text);
    }

    private static DistressLexicon difference(DistressLexicon a, DistressLexicon b) {
        Set<LexiconEntry> inA = new HashSet<>(a.entries());
        Set<LexiconEntry> inB = new HashSet<>(b.entries());
        List<LexiconEntry> sharedInA = a.entries().stream().filter(inB::contains).toList();
        List<LexiconEntry> sharedInB = b.entries().stream().filter(inA::contains).toList();
        if (!sharedInA.equals(sharedInB)) {
            return null;
        }
        List<LexiconEntry> differing = new ArrayList<>();
        a.entries().stream().filter(e -> !inB.contains(e)).forEach(differing::add);
        b.entries().stream().filter(e -> !inA.contains(e)).forEach(differing::add);
        return new DistressLexicon(differing);
    }
}
