package org.saath.nlu;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the risk model reads a message: through the lexicon it was trained with, which can be older than the lexicon
 * the rules read (on 6 December they differ in 3,168 phrases). In a message where none of those phrases occurs,
 * both lexicons find the same phrases at the same places, in the same order, and so give the same categories and
 * cues, all that the model reads of an assessment ({@link RiskFeatures}): the current lexicon's, already made, is
 * reused, and only a message holding a phrase of the difference is read a second time. Phrases that only say whose a
 * phrase of danger is ({@link #WHOSE}: «هي», «کہتی ہے», "told me") are left out of the difference: they change who
 * the assessment says is at risk, never its categories or cues, and some are among the commonest words of a language
 * («هي» is Urdu's «ہے» once normalised), so every such message was read twice. The shortcut is taken only when the
 * phrases the two share stand in the same order in both (the order of the phrases found at one place follows the
 * files); otherwise every message is read twice. A message with a word the current lexicon reads in another spelling
 * ({@link Spellings}: "khtm" as "khatam") is read again too.
 */
final class PinnedLexicon {

    /** Cues that say whose a phrase of danger is, read only for that (see {@code DistressDetector.ownWords}). */
    static final Set<DistressCategory> WHOSE = EnumSet.of(DistressCategory.OTHER_SUBJECT, DistressCategory.REPORT,
            DistressCategory.WORRY);

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
     * {@code text} as the model's lexicon reads it: its categories and cues (who is at risk may be the current
     * lexicon's reading where a phrase of the difference says only that).
     *
     * @param currently the current lexicon's assessment of {@code text}
     */
    DistressAssessment assess(NormalisedText text, DistressAssessment currently) {
        if (current == trained || difference != null && !current.lexicon().respells(text.tokens())
                && !(text.hasDrawnOutLetters() && current.lexicon().respells(text.pairedTokens()))
                && difference.find(text).isEmpty()) {
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
        a.entries().stream().filter(e -> !inB.contains(e) && !WHOSE.contains(e.category())).forEach(differing::add);
        b.entries().stream().filter(e -> !inA.contains(e) && !WHOSE.contains(e.category())).forEach(differing::add);
        return new DistressLexicon(differing);
    }
}
