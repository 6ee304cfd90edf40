package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saath.nlu.TextNormaliser;

/** Who the person may be and where they are, from every language's cues: the help the person gets hangs on them. */
class CuesTest {

    private static final Cues CUES = Cues.loadFromClasspath(new TextNormaliser());

    /** A child who gives their age, in every language and in Arabic digits, is a child; ten minutes is no age. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "my stepfather hits me every day, im 11 and i live in lahore|true",
        "ابوي يضربني كل يوم وعمري ١٣|true",
        "أنا عندي 12 سنة وبابا بيضربني بالحزام|true",
        "abbu mujhe roz maarte hain, main 13 saal ki hun|true",
        "ابو مجھے مارتے ہیں، میری عمر 12 ہے|true",
        "my husband hits me every day|false"
    })
    void a_child_who_gives_their_age_is_heard(String text, boolean child) {
        assertThat(CUES.find(text).audiences().contains("children")).as(text).isEqualTo(child);
    }

    /** A city joined to "in" («باربيل», in Erbil) names its region. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "زوجي يضربني وانا ساكنة باربيل|Kurdistan Region",
        "im 11 and i live in lahore|Punjab"
    })
    void a_city_names_its_region(String text, String region) {
        assertThat(CUES.find(text).regions()).as(text).contains(region);
    }

    /**
     * Sexual harassment at work or in the street is its own topic (gbv), in every language; abuse at home named in
     * the same message keeps the abuse route (the first topic in the file wins); stress at work alone names none.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "my boss keeps touching me at work and says i'll lose my job if i complain|gbv",
        "a guy at work keeps sexually harassing me and hr does nothing|gbv",
        "مديري في الشغل بيتحرش بيا وخايفة اتكلم|gbv",
        "mera boss office mein mujhe harass karta hai|gbv",
        "دفتر میں ہراساں کیا جاتا ہے|gbv",
        "my husband beats me and my boss keeps touching me|abuse_violence",
        "my boss keeps shouting at me and i can't sleep|none"
    })
    void harassment_at_work_names_its_topic(String text, String topic) {
        assertThat(CUES.find(text).topic().orElse("none")).as(text).isEqualTo(topic);
    }
}
