package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The person's own verb and adjective forms mark their gender; words naming someone else mark that person's; nothing
 * is guessed from a topic or a name, and a message that marks both (or neither) leaves the reply neutral.
 */
class GenderCuesTest {

    private static final TextNormaliser NORMALISER = new TextNormaliser();
    private static final GenderCues CUES = GenderCues.loadFromClasspath(NORMALISER);

    @ParameterizedTest(name = "{0} -> self {1}, other {2}")
    @CsvSource(delimiter = '|', value = {
        // Roman Urdu and Urdu mark the speaker in the verb
        "main marna chahti hoon|FEMININE|UNMARKED",
        "main bohat thak gayi hoon yaar|FEMININE|UNMARKED",
        "main khud ko khatam kar lungi|FEMININE|UNMARKED",
        "main thak gaya hoon|MASCULINE|UNMARKED",
        "akeli hoon, koi nahi samajhta|FEMININE|UNMARKED",
        "میں اپنی جان لینا چاہتی ہوں|FEMININE|UNMARKED",
        "میں بہت تھک گیا ہوں|MASCULINE|UNMARKED",
        // Arabic marks the speaker in adjectives, only as the speaker's own («أمي تعبانة» is about the mother)
        "أنا خائفة وبدي أموت|FEMININE|UNMARKED",
        "جوزي بيضربني كل يوم ومش عارفة اروح فين|FEMININE|MASCULINE",
        "أنا تعبان جدا|MASCULINE|UNMARKED",
        "أمي تعبانة|UNMARKED|FEMININE",
        // someone else: the first word naming a person decides
        "my sister says she wants to die|UNMARKED|FEMININE",
        "my brother says he will kill himself|UNMARKED|MASCULINE",
        "meri behen keh rahi hai woh mar jayegi|UNMARKED|FEMININE",
        "أختي تقول إنها تريد أن تنتحر|UNMARKED|FEMININE",
        // Gulf and Iraqi forms (a probe of our own: «أخوي» was "this person")
        "أخوي يقول بينتحر الليلة وانا خايفة عليه|FEMININE|MASCULINE",
        "ولدي ما يطلع من غرفته ويقول ما يبي يعيش|UNMARKED|MASCULINE",
        // nothing to go on, or both: neutral
        "i want to die|UNMARKED|UNMARKED",
        "mujhe jeena nahi hai|UNMARKED|UNMARKED",
        "main chahti hoon lekin main thak gaya hoon|UNMARKED|UNMARKED"
    })
    void reads_the_gender_a_person_s_own_words_mark(String text, Gender self, Gender other) {
        GenderCues.Read read = CUES.read(NORMALISER.normalise(text));

        assertThat(read.self()).as("self").isEqualTo(self);
        assertThat(read.other()).as("other").isEqualTo(other);
    }
}
