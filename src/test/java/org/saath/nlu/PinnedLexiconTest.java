package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The risk model reads a message through the lexicon it was trained with; reusing the current lexicon's reading when
 * no phrase of the difference occurs must give exactly the categories and cues a second full reading gives (all the
 * model reads of it), for every message.
 */
class PinnedLexiconTest {

    private static final TextNormaliser NORMALISER = new TextNormaliser();
    private static DistressLexicon current;
    /** Every message of the risk corpus (our own sentences), with its context, and a few made for the difference. */
    private static final List<NormalisedText> TEXTS = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        current = DistressLexicon.load(Path.of("models/lang"), NORMALISER);
        for (Language language : Language.supported()) {
            List<String> lines = Files.readAllLines(Path.of("models/lang", language.code(), "risk.tsv"),
                    StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                TEXTS.add(NORMALISER.normalise(cols[1]));
                if (cols.length > 2 && !cols[2].isBlank()) {
                    TEXTS.add(NORMALISER.normalise(cols[2]));
                }
            }
        }
        for (String text : List.of("had a bad episode last night and took all my pills",
                "goliyan ikatthi kar li hain, aaj raat", "maine goliyan ikatthi ki hain",
                "i want to diiiie", "وبلعت كل الحبوب", "دل بہت بھاری ہے اور ابھی ساری گولیاں کھا لی ہیں",
                "صبا نے کمرہ بند کر لیا ہے، کہہ رہی تھی زہر پی لیا ہے", "اخوي هو شرب كلور")) {
            TEXTS.add(NORMALISER.normalise(text));
        }
    }

    @Test
    void aLexiconWithPhrasesAddedAndRemovedReadsEveryMessageAsASecondFullReadingWould() {
        List<LexiconEntry> entries = new ArrayList<>();
        for (int i = 0; i < current.entries().size(); i++) {
            if (i % 40 != 7) {                       // every 40th phrase removed since "training"
                entries.add(current.entries().get(i));
            }
        }
        entries.add(DistressLexicon.parse("episode\ten\tnone\ttopic", NORMALISER));
        entries.add(DistressLexicon.parse("goliyan ikatthi\troman_ur\thigh\tpreparation", NORMALISER));
        DistressDetector now = new DistressDetector(current);
        DistressDetector trained = new DistressDetector(new DistressLexicon(entries));
        PinnedLexicon pinned = new PinnedLexicon(now, trained);

        assertReadsAsTrained(now, trained, pinned, true);
    }

    @Test
    void lexiconsWhoseSharedPhrasesStandInAnotherOrderReadEveryMessageTwice() {
        List<LexiconEntry> entries = new ArrayList<>(current.entries());
        Collections.reverse(entries);
        entries.remove(0);
        DistressDetector now = new DistressDetector(current);
        DistressDetector trained = new DistressDetector(new DistressLexicon(entries));
        PinnedLexicon pinned = new PinnedLexicon(now, trained);

        assertReadsAsTrained(now, trained, pinned, false);
    }

    /**
     * The cues that only say whose a phrase is («هي», «کہتی ہے», "told me") are not read twice for: without them the
     * lexicon finds the same categories and cues in every message, so the current reading is reused for all.
     */
    @Test
    void phrasesThatOnlySayWhoseDoNotMakeAMessageReadTwice() {
        List<LexiconEntry> entries = current.entries().stream()
                .filter(e -> !PinnedLexicon.WHOSE.contains(e.category())).toList();
        assertThat(entries).hasSizeLessThan(current.entries().size());
        // the same phrases without the words' other spellings, which make a message read twice (SpellingsTest)
        DistressDetector now = new DistressDetector(new DistressLexicon(current.entries()));
        DistressDetector trained = new DistressDetector(new DistressLexicon(entries));
        PinnedLexicon pinned = new PinnedLexicon(now, trained);

        int whoseDiffers = 0;
        for (NormalisedText text : TEXTS) {
            DistressAssessment mine = now.assess(text);
            DistressAssessment expected = trained.assess(text);
            DistressAssessment got = pinned.assess(text, mine);
            assertThat(got).as(text.tokens().toString()).isSameAs(mine);
            assertThat(features(got)).as(text.tokens().toString()).isEqualTo(features(expected));
            whoseDiffers += mine.thirdPerson() == expected.thirdPerson() ? 0 : 1;
        }
        assertThat(whoseDiffers).as("messages whose reading of who is at risk the cues change").isPositive();
    }

    @Test
    void theSameDetectorIsReadOnce() {
        DistressDetector now = new DistressDetector(current);
        PinnedLexicon pinned = new PinnedLexicon(now, now);
        NormalisedText text = NORMALISER.normalise("i want to die");
        DistressAssessment assessment = now.assess(text);

        assertThat(pinned.assess(text, assessment)).isSameAs(assessment);
    }

    /** What the risk model reads of an assessment: its categories and its cues. */
    private static List<Set<DistressCategory>> features(DistressAssessment assessment) {
        return List.of(assessment.categories(), assessment.cues());
    }

    /**
     * Every text: the pinned reading's categories and cues equal the trained lexicon's own; with the {@code shortcut},
     * the two lexicons differ on many and most are the current reading reused, without it none is.
     */
    private static void assertReadsAsTrained(DistressDetector now, DistressDetector trained, PinnedLexicon pinned,
                                             boolean shortcut) {
        int differing = 0;
        int reused = 0;
        for (NormalisedText text : TEXTS) {
            DistressAssessment mine = now.assess(text);
            DistressAssessment expected = trained.assess(text);
            DistressAssessment got = pinned.assess(text, mine);
            assertThat(features(got)).as(text.tokens().toString()).isEqualTo(features(expected));
            differing += features(mine).equals(features(expected)) ? 0 : 1;
            reused += got == mine ? 1 : 0;
        }
        if (shortcut) {
            assertThat(differing).as("messages the two lexicons read differently").isGreaterThan(100);
            assertThat(reused).as("messages read once").isGreaterThan(TEXTS.size() / 2);
        } else {
            assertThat(reused).isZero();
        }
    }
}
