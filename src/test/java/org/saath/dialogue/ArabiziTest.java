package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saath.TestComponents;
import org.saath.nlu.DistressDetector;

/**
 * Arabic in Latin letters with digits for Arabic sounds is answered in Arabic (a Moroccan in crisis was answered in
 * Roman Urdu); times, ordinals and Roman Urdu or English without those digits are not Arabizi.
 */
class ArabiziTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "salam, ana m9ale9 bzaf|true",
        "ba3d el natayej baba 7ak bel 3asa|true",
        "3ende 7bob bel beit|true",
        "nheb nmout, mal9itech 7al|true",
        "meeting at 9am on the 3rd, 5k run after|false",
        "main bohat pareshan hoon yaar|false",
        "i feel so low these days|false",
        "mera number 0300 1234567 hai|false",
        "ana 2alba mksour|false",
        // a digit at a word's end names a thing (the s51 QA pass: answered in Arabic)
        "gave my ps5 and my watch to my cousin today|false",
        "my mp3 player and my iphone7 broke|false",
        "ana ta3bana w ma 7ada fahemni|true",
        // a short word ending in a sound digit after a vowel (the s52 QA pass: an Algerian on a bridge, in English)
        "rani fo9 el pont ta3 constantine|true",
        "my grade9 results|false"
    })
    void digits_for_arabic_sounds_mark_arabizi(String text, boolean arabizi) {
        assertThat(PersonReading.isArabizi(text)).as(text).isEqualTo(arabizi);
    }

    /**
     * Arabizi without those digits ("baddi mout", Levantine; "nheb nmout", Maghrebi) was answered in English: words
     * the lexicon knows as Arabic in Latin letters mark it too. Roman Urdu and English wishes to die do not.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "baddi mout, ma fi shi yestahel|true",
        "nheb nmout w khalas|true",
        "dayir amoot had lmerra|true",
        "mujhe marna hai|false",
        "i want to die|false",
        "main bohat pareshan hoon yaar|false"
    })
    void words_the_lexicon_knows_as_arabizi_mark_it_without_digits(String text, boolean arabizi) {
        assertThat(TestComponents.analyser().analyse(text, List.of()).signals().contains(DistressDetector.ARABIZI))
                .as(text).isEqualTo(arabizi);
    }
}
