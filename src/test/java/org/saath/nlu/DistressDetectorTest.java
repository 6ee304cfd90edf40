package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The committed lexicon with the detector: idioms, negation, third person, imminence, coded words. */
class DistressDetectorTest {

    private static final TextNormaliser NORMALISER = new TextNormaliser();
    private static final DistressDetector DETECTOR =
            new DistressDetector(DistressLexicon.load(Path.of("models/lang"), NORMALISER));

    private static DistressAssessment assess(String text) {
        return DETECTOR.assess(NORMALISER.normalise(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i want to kill myself|high",
        "gonna kms|high",
        "kms|moderate",
        "thinking of unaliving myself|high",
        "k1ll mys3lf|high",
        "i want to die, i have the pills ready and i will do it tonight|imminent",
        "khudkushi karna chahta hoon|high",
        "بدي انتحر|high",
        "میں خودکشی کرنا چاہتا ہوں|high",
        "i wish i could sleep and never wake up|moderate"
    })
    void finds_risk_in_every_language(String text, String risk) {
        assertThat(assess(text).risk().code()).isEqualTo(risk);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "this traffic is killing me",
        "i'd die for a biryani right now",
        "how do i kill the process on port 8080",
        "garmi se mar gaye aaj",
        "my phone died again",
        "i need pills for my headache"
    })
    void idioms_and_everyday_talk_carry_no_risk(String text) {
        assertThat(assess(text).risk()).isIn(RiskLevel.NONE, RiskLevel.LOW);
    }

    @Test
    void negation_lowers_but_does_not_erase() {
        DistressAssessment negated = assess("i'm not suicidal");

        assertThat(negated.risk()).isEqualTo(RiskLevel.LOW);
        assertThat(negated.onlyNegated()).isTrue();
        assertThat(assess("i am suicidal").risk()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void a_no_in_an_earlier_clause_does_not_negate() {
        assertThat(assess("no. i want to die").risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(assess("no, i want to kill myself").risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(assess("i don't want to die, i'm scared").risk()).isEqualTo(RiskLevel.MODERATE);
    }

    @Test
    void urdu_negation_after_the_verb_lowers_too() {
        assertThat(assess("main khudkushi nahi karunga").risk()).isEqualTo(RiskLevel.LOW);
        assertThat(assess("main khudkushi karunga").risk()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void third_person_crisis_is_flagged_and_stays_a_crisis() {
        DistressAssessment a = assess("my brother says he will kill himself");

        assertThat(a.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(a.thirdPerson()).isTrue(); // the Analyser names it in signals once the message is moderate or more
    }

    @Test
    void a_request_for_a_person_is_seen_and_carries_no_risk() {
        DistressAssessment a = assess("can i talk to a human");

        assertThat(a.requestsHuman()).isTrue();
        assertThat(a.risk()).isEqualTo(RiskLevel.NONE);
    }

    /**
     * An act or self-harm told with a time long past is a past attempt (moderate alone, high with a wish today),
     * in every language; the same act an hour or two days ago is still an emergency.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i took an overdose years ago, i'm doing much better now|moderate",
        "when i was a teenager i cut myself a lot|moderate",
        "i took an overdose two years ago and i want to die again|high",
        "i swallowed all the pills two days ago and my stomach hurts|imminent",
        "i took all my pills an hour ago|imminent",
        "teen saal pehle maine saari goliyan kha li thin, ab theek hun|moderate",
        "bachpan mein kalaai kaat li thi|moderate",
        "teen saal pehle zeher pi liya tha aur ab phir marna chahti hun|high",
        "maine abhi saari goliyan kha li hain|imminent",
        "کئی سال پہلے میں نے ساری گولیاں کھا لیں، اب ٹھیک ہوں|moderate",
        "میں نے ابھی ساری گولیاں کھا لی ہیں|imminent",
        "قبل سنوات ابتلعت كل الحبوب، الحمد لله الآن بخير|moderate",
        "ابتلعت كل الحبوب قبل ساعة|imminent"
    })
    void an_act_told_as_long_ago_is_a_past_attempt(String text, String risk) {
        DistressAssessment a = assess(text);

        assertThat(a.risk().code()).as("%s: %s", text, a.signals()).isEqualTo(risk);
        if (risk.equals("moderate")) {
            assertThat(a.categories()).as(text).contains(DistressCategory.PAST_ATTEMPT)
                    .doesNotContain(DistressCategory.ACT);
            assertThat(a.cues()).contains(DistressCategory.LONG_AGO);
        }
    }
}
