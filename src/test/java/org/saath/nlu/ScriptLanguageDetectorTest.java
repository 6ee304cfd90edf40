package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptLanguageDetectorTest {

    private final TextNormaliser normaliser = new TextNormaliser();
    private final ScriptLanguageDetector detector = new ScriptLanguageDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "I have been feeling really anxious lately|en",
        "hi|en",
        "mujhe jeena nahi hai|roman_ur",
        "yaar boss ne bohat pressure dala hua hai|roman_ur",
        "salam|roman_ur",
        "main bohat pareshan hoon|roman_ur",
        "مجھے بہت ڈر لگ رہا ہے|ur",
        "میں بہت پریشان ہوں|ur",
        "أشعر بالقلق الشديد اليوم|ar",
        "انا تعبان كتير ومش عارف انام|ar",
        "бывает|other",
        "😭😭|other"
    })
    void detects_the_language(String text, String expected) {
        assertThat(detector.detect(text, normaliser.normalise(text)).code()).isEqualTo(expected);
    }
}
