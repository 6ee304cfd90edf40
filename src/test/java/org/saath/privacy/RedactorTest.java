package org.saath.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    private final Redactor redactor = new Redactor();

    @ParameterizedTest
    @ValueSource(strings = {"0300-1234567", "03001234567", "+92 300 1234567", "+923001234567", "0092 300 1234567",
        "(042) 3576 1234", "042-35761234", "+971 50 123 4567", "050 123 4567", "۰۳۰۰۱۲۳۴۵۶۷", "0300 123 4567"})
    void phone_numbers_in_pakistani_and_gulf_formats_are_removed(String number) {
        String out = redactor.redact("call me on " + number + " tonight");

        assertThat(out).isEqualTo("call me on [PHONE] tonight");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mail me at sara.k@example.com pls|mail me at [EMAIL] pls",
        "my cnic is 35202-1234567-1 ok|my cnic is [CNIC] ok",
        "cnic 3520212345671|cnic [CNIC]",
        "card 4111 1111 1111 1111 stolen|card [CARD] stolen",
        "reset link https://bank.example/reset?token=ab12cd34 pls|reset link [URL] pls",
        "i live at house no 12, street 5 near the market|i live at [ADDRESS] near the market",
        "gali no 4 sector G-9 mein|[ADDRESS] [ADDRESS] mein",
        "ہمارا مکان نمبر 22 ہے|ہمارا [ADDRESS] ہے"
    })
    void emails_cnic_and_card_numbers_are_removed(String in, String expected) {
        assertThat(redactor.redact(in)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"call 1098 for help", "i took 20 pills", "800mg", "it was 2019", "988"})
    void short_numbers_that_are_not_personal_stay(String text) {
        assertThat(redactor.redact(text)).isEqualTo(text);
    }
}
