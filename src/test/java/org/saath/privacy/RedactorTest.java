package org.saath.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
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
        "ہمارا مکان نمبر 22 ہے|ہمارا [ADDRESS] ہے",
        // an Arabic address and a link typed without its scheme (a privacy probe of our own, 5 December)
        "ساكنة في شارع 12 بيت 9 قرب الجامع|ساكنة في [ADDRESS] قرب الجامع",
        "عمارة ٥ شقة ١٢ الطابق الثاني|[ADDRESS] الطابق الثاني",
        "بيت رقم 7|[ADDRESS]",
        "my insta is instagram.com/zarqacanary dm me|my insta is [URL] dm me",
        "t.me/zarqacanary|[URL]",
        "(wa.me/923001234567)|([URL]",
        // a name where the person gives it
        "hi my name is Zarqa Canaryvali and i need help|hi my name is [NAME] and i need help",
        "my name's sara, i'm 19|my name's [NAME], i'm 19",
        "mera naam zarqa hai aur main pareshan hoon|mera naam [NAME] hai aur main pareshan hoon",
        "میرا نام زرقا ہے، میں بہت اداس ہوں|میرا نام [NAME] ہے، میں بہت اداس ہوں",
        "مرحبا اسمي زرقاء كناري وعمري ١٩|مرحبا اسمي [NAME] وعمري 19",
        "my name is not important|my name is not important",
        "mera naam Umar hai|mera naam [NAME] hai",
        // whatever the case, and with the hamza: the introduction is found before the pattern is run
        "HELLO MY NAME IS ALI KHAN|HELLO MY NAME IS [NAME]",
        "Mera NAAM Umar hai|Mera NAAM [NAME] hai",
        "إسمي سارة|إسمي [NAME]"
    })
    void emails_cnic_and_card_numbers_are_removed(String in, String expected) {
        assertThat(redactor.redact(in)).isEqualTo(expected);
    }

    /** The look before the name pattern lets every introduction the pattern knows through, in any case. */
    @Test
    void every_introduction_passes_the_look_before_the_pattern() {
        for (String intro : NameScan.INTRODUCTIONS) {
            assertThat(NameScan.mayIntroduce("hi, " + intro + " Zarqa")).as(intro).isTrue();
            assertThat(NameScan.mayIntroduce(intro.toUpperCase(Locale.ROOT))).as(intro).isTrue();
        }
        assertThat(NameScan.mayIntroduce("i feel so alone tonight")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"call 1098 for help", "i took 20 pills", "800mg", "it was 2019", "988",
        // a fraction, "and/or" and 24/7 are not links; an Arabic house word without a number is no address
        "open 24/7", "and/or maybe", "i scored 3.5/4", "رجعت على البيت", "في شارع الجامعة"})
    void short_numbers_that_are_not_personal_stay(String text) {
        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    /** A phone number typed in Eastern Arabic, Persian, Devanagari or fullwidth digits used to be stored as is. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "arabic-indic|0660", "eastern arabic-indic (persian, urdu)|06F0", "devanagari|0966", "fullwidth|FF10",
        "bengali|09E6", "mathematical bold|1D7CE"})
    void a_phone_number_in_any_script_s_digits_is_removed(String script, String zero) {
        int base = Integer.parseInt(zero, 16);

        assertThat(redactor.redact("mera number " + inScript("0300-765 4321", base) + " hai")).as(script)
                .isEqualTo("mera number [PHONE] hai");
        assertThat(redactor.redact("cnic " + inScript("35202-1234567-1", base))).as(script).isEqualTo("cnic [CNIC]");
    }

    @Test
    void direction_marks_and_zero_width_spaces_inside_a_number_do_not_hide_it() {
        assertThat(redactor.redact("رابطہ \u200F0300\u200E 123\u200B4567\u2069 کریں"))
                .isEqualTo("رابطہ \u200F[PHONE]\u2069 کریں");
    }

    @Test
    void a_fullwidth_email_is_removed() {
        assertThat(redactor.redact("ｓａｒａ＠ｅｘａｍｐｌｅ．ｃｏｍ pls")).isEqualTo("[EMAIL] pls");
    }

    /** About 1,800 digits in a row overflowed the stack of the old digit-run pattern: an empty 500 for the sender. */
    @Test
    void a_run_of_twenty_thousand_digits_is_one_phone_placeholder() {
        assertThat(redactor.redact("x " + "1".repeat(20_000) + " y")).isEqualTo("x [PHONE] y");
        assertThat(redactor.redact("1 ".repeat(10_000))).doesNotContainPattern("[0-9]");
    }

    private static String inScript(String ascii, int base) {
        StringBuilder out = new StringBuilder();
        ascii.codePoints().forEach(c -> out.appendCodePoint(c >= '0' && c <= '9' ? base + c - '0' : c));
        return out.toString();
    }

    /** A dotted run with no domain ending before its slash is no link (the pattern starts only after a space). */
    @Test
    void a_long_dotted_run_without_a_domain_is_kept() {
        String run = "a.".repeat(8_000) + "/x";

        assertThat(redactor.redact(run).equals(run)).isTrue();
        assertThat(redactor.redact("see " + "ab.".repeat(3) + "com/x")).isEqualTo("see [URL]");
    }
}
