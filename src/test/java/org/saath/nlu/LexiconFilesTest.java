package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The committed lexicon files themselves, read the way the detector reads them. */
class LexiconFilesTest {

    /**
     * A phrase listed twice in one language with two readings is read twice: with two categories it counts as two
     * things said ("said my goodbyes" as a goodbye and as preparation was a wish with a preparation, {@code high} from
     * one phrase), with two severities the higher one silently wins. Phrases that normalise to the same words are the
     * same phrase; listed again with the same reading, they are read once (below).
     */
    @Test
    void no_phrase_has_two_readings_in_its_language() {
        DistressLexicon lexicon = DistressLexicon.load(Path.of("models/lang"), new TextNormaliser());
        Map<String, LexiconEntry> first = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (LexiconEntry entry : lexicon.entries()) {
            LexiconEntry earlier = first.putIfAbsent(entry.language().code() + " " + entry.tokens(), entry);
            if (earlier != null) {
                twice.add(entry.language().code() + ": '" + earlier.phrase() + "' (" + earlier.severity().code() + " "
                        + earlier.category().code() + ") and '" + entry.phrase() + "' (" + entry.severity().code() + " "
                        + entry.category().code() + ")");
            }
        }
        assertThat(twice).as("phrases listed twice").isEmpty();
    }

    /** "don't want to live" and "dont want to live" are both in the file and normalise to the same words. */
    @Test
    void a_phrase_written_two_ways_is_read_once() {
        DistressDetector detector = new DistressDetector(DistressLexicon.load(Path.of("models/lang"),
                new TextNormaliser()));
        DistressAssessment a = detector.assess(new TextNormaliser().normalise("i really dont want to live"));
        assertThat(a.signals()).filteredOn(s -> s.startsWith("ideation:")).hasSize(1);
    }
}
