package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The words' other spellings ({@link Spellings}): the lexicon reads a phrase however a listed word of it was typed,
 * the risk model still reads the message as written, and a spellings file that could mislead stops the load.
 */
class SpellingsTest {

    private static final TextNormaliser NORMALISER = new TextNormaliser();
    private static final Spellings ROMAN_URDU = Spellings.of(Map.of("khtm", "khatam", "krna", "karna", "nhi", "nahi",
            "mjhe", "mujhe"));

    @TempDir
    Path dir;

    private static DistressLexicon lexicon(Spellings spellings, String... lines) {
        return new DistressLexicon(List.of(lines).stream().map(l -> DistressLexicon.parse(l, NORMALISER)).toList(),
                "", spellings);
    }

    private static List<String> found(DistressLexicon lexicon, String message) {
        return lexicon.find(NORMALISER.normalise(message)).stream().map(m -> m.entry().phrase()).toList();
    }

    /** Phrases in the word's spelling, in a listed spelling and as a prefix, against messages typed either way. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "khud ko khatam karna  | mai khud ko khtm krna chahta hu       | true",
        "khud ko khatam karna  | main khud ko khatam karna chahta hun  | true",
        "jeena nhi             | mjhe ab jeena nahi                    | true",
        "jeena nhi             | mjhe ab jeena nhi                     | true",
        "khatam* kar           | sab khtm kar dunga                    | true",
        "khud ko khatam karna  | khud ko khatma karna                  | false",
        "jeena nhi             | jeena nai                             | false"})
    void a_phrase_is_found_however_its_listed_words_are_typed(String phrase, String message, boolean found) {
        DistressLexicon spelt = lexicon(ROMAN_URDU, phrase + "\troman_ur\thigh\tideation");

        assertThat(found(spelt, message)).as(message).hasSize(found ? 1 : 0);
    }

    @Test
    void without_the_spellings_only_the_phrase_s_own_spelling_is_found() {
        DistressLexicon unspelt = lexicon(Spellings.NONE, "khud ko khatam karna\troman_ur\thigh\tideation");

        assertThat(found(unspelt, "mai khud ko khtm krna chahta hu")).isEmpty();
        assertThat(found(unspelt, "main khud ko khatam karna chahta hun")).hasSize(1);
    }

    @Test
    void a_phrase_that_reads_as_an_earlier_one_in_the_words_spelling_is_read_once() {
        DistressLexicon spelt = lexicon(ROMAN_URDU, "jeena nahi\troman_ur\thigh\tideation",
                "jeena nhi\troman_ur\thigh\tideation", "jeena nhi\troman_ur\tmoderate\tideation");

        assertThat(spelt.entries()).extracting(LexiconEntry::phrase).containsExactly("jeena nahi", "jeena nhi");
        assertThat(found(spelt, "ab jeena nhi")).containsExactly("jeena nahi", "jeena nhi");
    }

    /**
     * The rules read the current lexicon with its spellings; the risk model, trained on a lexicon without them, must
     * read every message as that lexicon does: a message with a respelled word is read again through it.
     */
    @Test
    void the_risk_model_reads_a_message_as_its_own_lexicon_does_whatever_the_spellings() throws IOException {
        Path raw = dir.resolve("raw");
        for (Language language : Language.supported()) {
            Path file = raw.resolve(language.code()).resolve("lexicon.tsv");
            Files.createDirectories(file.getParent());
            Files.copy(Path.of("models/lang", language.code(), "lexicon.tsv"), file);
        }
        DistressLexicon withSpellings = DistressLexicon.load(Path.of("models/lang"), NORMALISER);
        DistressLexicon without = DistressLexicon.load(raw, NORMALISER);
        assertThat(withSpellings.sha256()).as("the spellings are part of what a model is trained with")
                .isNotEqualTo(without.sha256());
        DistressDetector current = new DistressDetector(withSpellings);
        DistressDetector trained = new DistressDetector(without);
        PinnedLexicon pinned = new PinnedLexicon(current, trained);

        int readOtherwise = 0;
        for (String message : List.of("mai khud ko khtm krna chahta hu", "mjhe ab jeena nhi h",
                "mene nind ki golian kha li h", "main theek hu bas thak gaya hun", "final msg. love u all",
                "tonite is the night", "i want to end it tmrw", "ammi ne nai kameez di", "kal milte hain")) {
            NormalisedText text = NORMALISER.normalise(message);
            DistressAssessment rules = current.assess(text);
            DistressAssessment model = pinned.assess(text, rules);
            DistressAssessment asTrained = trained.assess(text);
            assertThat(model.categories()).as(message).isEqualTo(asTrained.categories());
            assertThat(model.cues()).as(message).isEqualTo(asTrained.cues());
            readOtherwise += rules.categories().equals(asTrained.categories()) ? 0 : 1;
        }
        assertThat(readOtherwise).as("messages the rules read otherwise than the model").isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "khtm\tkhatam\tmore                    | expected 2 tab-separated columns",
        "khtm ho\tkhatam                       | is not one word",
        "khatam\tkhatam                        | is the word itself",
        "khtm\tkhatam;khtm\tkhaatam            | is already read as 'khatam'",
        "khtm\tkhatm;khatm\tkhatam             | is itself a spelling of 'khatam'"})
    void a_spellings_file_that_could_mislead_stops_the_load_naming_the_line(String lines, String message)
            throws IOException {
        Path folder = dir.resolve("lang");
        for (Language language : Language.supported()) {
            Path file = folder.resolve(language.code()).resolve("lexicon.tsv");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "phrase\tlanguage\tseverity\tcategory\nkhud ko khatam\t" + language.code()
                    + "\thigh\tideation\n", StandardCharsets.UTF_8);
        }
        Files.writeString(folder.resolve("roman_ur/spellings.tsv"), "spelling\tword\n"
                + lines.replace(";", "\n").replace("\\t", "\t") + "\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DistressLexicon.load(folder, NORMALISER)).isInstanceOf(LexiconException.class)
                .hasMessageContaining(message);
    }

    /** Danger typed the way chats type it is heard by the shipped lexicon as it is in the spelling of its phrases. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mai khud ko khtm krna chahta hu     | main khud ko khatam karna chahta hun",
        "mje ab jina nahin                   | mujhe ab jeena nahi",
        "mene nind ki golian kha li h        | maine neend ki goliyan kha li hain",
        "this is my last msg                 | this is my last message"})
    void danger_typed_as_chats_type_it_is_heard_as_in_the_lexicon_s_spelling(String typed, String spelt) {
        DistressDetector shipped = new DistressDetector(DistressLexicon.load(Path.of("models/lang"), NORMALISER));

        DistressAssessment heard = shipped.assess(NORMALISER.normalise(typed));

        assertThat(heard.risk()).as(typed).isEqualTo(shipped.assess(NORMALISER.normalise(spelt)).risk());
        assertThat(heard.risk().atLeast(RiskLevel.HIGH)).as(typed).isTrue();
    }

    /** The spellings shipped: each is read, and none is a word a person writing English or Urdu means otherwise. */
    @Test
    void the_shipped_spellings_load_and_take_no_common_word() {
        DistressLexicon shipped = DistressLexicon.load(Path.of("models/lang"), NORMALISER);
        for (String word : List.of("nai", "kia", "me", "main", "mai", "sb", "sari", "chat", "hi", "ho", "hain", "the",
                "new", "you", "u", "ur", "hun", "nahi", "tomorrow", "message")) {
            assertThat(shipped.respells(List.of(word))).as(word).isFalse();
        }
        for (String typed : List.of("khtm", "nhi", "mjhe", "krna", "msg", "tmrw", "tonite")) {
            assertThat(shipped.respells(List.of(typed))).as(typed).isTrue();
        }
    }
}
