package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
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

    /**
     * "…" in a phrase stands for up to four other words, and a phrase may meet the start of another ("husband …
     * beats her" within "her husband … beats her"): five words between are too many.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "her husband beats her|abuse_violence",
        "her husband really often and badly beats her|abuse_violence",
        "her husband really often and very badly beats her|none",
        "husband husband beats her|abuse_violence",
        "my husband said nothing. my neighbour beats her dog|abuse_violence",
        "my husband said nothing at all, and then the neighbour beats her dog|none"
    })
    void a_gap_in_a_phrase_is_at_most_four_words(String text, String topic) {
        assertThat(CUES.find(text).topic().orElse("none")).as(text).isEqualTo(topic);
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
     * the same message keeps the abuse route (the first topic in the file wins); stress at work alone names none. A
     * forced marriage is abuse; online blackmail with pictures is its own topic (cyberbullying), after abuse at home.
     * A death told is its own topic: by suicide (suicide_loss, before any other loss) or not
     * (bereavement, a pet's too); words that only look like it name none (an exam passed, years gone by, a wish to
     * die of one's own, an attempt survived).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "my boss keeps touching me at work and says i'll lose my job if i complain|gbv",
        "a guy at work keeps sexually harassing me and hr does nothing|gbv",
        "مديري في الشغل بيتحرش بيا وخايفة اتكلم|gbv",
        "mera boss office mein mujhe harass karta hai|gbv",
        "دفتر میں ہراساں کیا جاتا ہے|gbv",
        "my husband beats me and my boss keeps touching me|abuse_violence",
        "my parents are taking me to Pakistan in the summer to get married|abuse_violence",
        "ghar wale zabardasti shaadi karwa rahe hain|abuse_violence",
        "اهلي بدهم يجوزوني غصب عني|abuse_violence",
        "a guy has my pics and says he will send them to my family unless i pay|cyberbullying",
        "koi larka meri tasveerein viral karne ki dhamki de raha hai|cyberbullying",
        "وحد عندو تصاويري و كيهددني يصيفطهم لعائلتي|cyberbullying",
        "وہ مجھے بلیک میل کر رہا ہے|cyberbullying",
        "my husband beats me and says he will share my pictures|abuse_violence",
        "i lost all my photos when my phone broke|none",
        "abhi 38 kg hoon aur mujhe aur kam karna hai, 3 din se sirf pani|eating",
        "اخذ ملينات كل يوم عشان ما يزيد وزني|eating",
        "i binge and then make myself throw up|eating",
        "i'm starving lol what should i eat|none",
        "my sister got married last summer and i miss her|none",
        "my boss keeps shouting at me and i can't sleep|none",
        "my son died by suicide last year|suicide_loss",
        "my friend in the camp hanged himself last month|suicide_loss",
        "meri behen ne pichle saal khudkushi kar li thi|suicide_loss",
        "میرے بھائی نے پچھلے سال خودکشی کر لی|suicide_loss",
        "اخوي انتحر السنة اللي فاتت|suicide_loss",
        "I'm 82 and my wife passed in the spring|bereavement",
        "my dog died today, I know it sounds stupid|bereavement",
        "meri ammi ka inteqal pichle mahine hua|bereavement",
        "أمي توفيت الشهر الماضي الله يرحمها|bereavement",
        "my son passed his exams but I feel empty|none",
        "2 saal guzar gaye aise hi|none",
        "ابي انتحر الليلة|none",
        "I want to die and plan my funeral|none",
        "main ne khudkushi ki koshish ki thi|none",
        // who a person is or loves, and a psychiatrist or therapy asked for (a dev probe, 7 December)
        "i'm gay and my family found out|identity",
        "main gay hun aur ghar walon ko pata chal gaya|identity",
        "گھر والوں کو پتا چل گیا کہ میں ہم جنس پرست ہوں|identity",
        "اهلي عرفوا اني مثلي|identity",
        "i need to see a psychiatrist, can you help me find one|professional_care",
        "mujhe koi acha psychiatrist chahiye lahore mein|professional_care",
        "مجھے ماہر نفسیات چاہیے|professional_care",
        "محتاجة دكتور نفسي كويس ومش غالي|professional_care",
        "my psychiatrist is on leave this week|none",
        // frightening thoughts of harming the baby, before the birth that any of them names (the s55 QA pass)
        "since the baby was born i cry all day and i have scary thoughts about the baby|baby_harm_thoughts",
        "i keep getting thoughts of hurting my baby, i would never do it|baby_harm_thoughts",
        "mujhe dar hai aaj raat baby ko kuch kar dungi|baby_harm_thoughts",
        "بچے کو نقصان پہنچانے کے خیال آتے ہیں|baby_harm_thoughts",
        "من يوم ولدت وأنا تعبانة، وبتجيني أفكار أأذي البيبي|baby_harm_thoughts",
        "since the baby was born i cry all day|postpartum",
        "the baby is teething and keeps us up all night|none",
        // a home lost (the s55 gap: the abuse reply)
        "landlord threw us out of the house today|housing", "maalik makaan ne nikal diya|housing",
        "مالک مکان نے نکال دیا|housing", "صاحب البيت طردنا|housing", "my husband threw me out of the house|none",
        // bullying told (the s55 QA pass)
        "they call me fat and ugly every day|bullying",
        "school mein sab mera mazak udate hain|bullying",
        "کلاس میں سب میرا مذاق اڑاتے ہیں|bullying",
        "انا بنت عمري ١٣ سنة والبنات بالمدرسة يتنمرون علي كل يوم|bullying"
    })
    void words_name_what_the_message_is_about(String text, String topic) {
        assertThat(CUES.find(text).topic().orElse("none")).as(text).isEqualTo(topic);
    }

    /**
     * What the body needs first, told in the words: a wound that bleeds, a height, a place of danger; an overdose or a
     * wish names none (its reply says to see a doctor for anything taken), nor does a chat "on chat".
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i cut my wrist and its bleeding a lot, it wont stop|bleeding",
        "khoon ruk nahi raha maine nas kaat li|bleeding",
        "الدم ما وقف|bleeding",
        "im standing on the roof of my building|height",
        "انا واقف على الجسر|height",
        "main chhat par khari hoon|height",
        "i'm on the train tracks|place",
        "i took 40 panadol|none",
        "i want to die|none",
        "baat chat pe karo|none"
    })
    void words_tell_the_first_aid_a_body_needs(String text, String kind) {
        assertThat(CUES.find(text).firstAid().orElse("none")).as(text).isEqualTo(kind);
    }

    /**
     * The first aid an earlier message told holds for one that tells none ("nahi utrunga", I won't come down, after the
     * roof wall: the s54 QA pass), the latest first; the message's own wins.
     */
    @Test
    void the_first_aid_of_the_messages_before_holds_where_this_one_tells_none() {
        Cues.Found roof = CUES.findWho(new TextNormaliser().normalise("mein chhat ki deewar pe baitha hun"));
        Cues.Found bleeding = CUES.findWho(new TextNormaliser().normalise("khoon ruk nahi raha"));

        assertThat(CUES.find("nahi utrunga").withWhoFrom(List.of(roof)).firstAid()).contains("height");
        assertThat(CUES.find("nahi utrunga").withWhoFrom(List.of(roof, bleeding)).firstAid()).contains("bleeding");
        assertThat(CUES.find("i'm on the train tracks").withWhoFrom(List.of(roof)).firstAid()).contains("place");
        assertThat(CUES.find("nahi utrunga").withWhoFrom(List.of()).firstAid()).isEmpty();
    }
}
