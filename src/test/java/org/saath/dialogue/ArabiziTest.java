package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        "ana 2alba mksour|false"
    })
    void digits_for_arabic_sounds_mark_arabizi(String text, boolean arabizi) {
        assertThat(PersonReading.isArabizi(text)).as(text).isEqualTo(arabizi);
    }
}
