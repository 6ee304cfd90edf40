package org.saath.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saath.nlu.Language;
import org.saath.nlu.LanguageProfile;

class CountryResolverTest {

    /** A resolver whose default counts for a message in any language. */
    private final CountryResolver resolver = new CountryResolver("PK", language -> true);

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "AE|+923001234567|AE",       // the request wins
        "-|+971501234567|AE",        // else the phone's country code
        "-|971501234567|AE",         // WhatsApp ids carry no '+'
        "-|447400123456|GB",
        "-|+447700900123|GB",        // a range libphonenumber does not place: the calling code's country, not PK
        "-|+18005550199|US",         // +1 read from its calling code alone is the US
        "-|+80012345678|PK",         // +800, a calling code of no country: the default
        "-|-|PK",                    // else the default
        "-|not-a-number|PK"
    })
    void country_comes_from_the_request_then_the_phone_then_the_default(String requested, String phone,
                                                                        String expected) {
        assertThat(resolver.resolve(Optional.ofNullable(requested), Optional.empty(), Optional.ofNullable(phone),
                Language.EN)).isEqualTo(expected);
    }

    /**
     * The deployment's default counts for a message in a language people write there: an Arabic message with nothing
     * telling where its writer is had Pakistan's 15 and 1122 (the s51 QA pass); it gets the honest answer instead.
     * Anything else that tells where they are still counts.
     */
    @Test
    void the_default_counts_only_for_a_language_written_there() {
        CountryResolver byLanguage = new CountryResolver("PK", language -> language != Language.AR);
        assertThat(byLanguage.resolve(Optional.empty(), Optional.empty(), Optional.empty(), Language.AR))
                .isEqualTo(CountryResolver.UNKNOWN);
        assertThat(byLanguage.resolve(Optional.empty(), Optional.empty(), Optional.empty(), Language.ROMAN_UR))
                .isEqualTo("PK");
        assertThat(byLanguage.resolve(Optional.of("PK"), Optional.empty(), Optional.empty(), Language.AR))
                .isEqualTo("PK");
        assertThat(byLanguage.resolve(Optional.empty(), Optional.empty(), Optional.of("+966501234567"), Language.AR))
                .isEqualTo("SA");
        assertThat(byLanguage.resolve(Optional.empty(), SaidCountry.fromCode("here:JO"), Optional.empty(),
                Language.AR)).isEqualTo("JO");
    }

    /** Where each language of Saath is written, as its folder says: Arabic not in Pakistan, English anywhere. */
    @Test
    void each_language_folder_says_where_it_is_written() {
        java.util.Map<Language, LanguageProfile> profiles = LanguageProfile.loadFromClasspath().stream()
                .collect(java.util.stream.Collectors.toMap(LanguageProfile::language, p -> p));
        assertThat(profiles.get(Language.AR).writtenIn("PK")).isFalse();
        assertThat(profiles.get(Language.AR).writtenIn("EG")).isTrue();
        assertThat(profiles.get(Language.UR).writtenIn("PK")).isTrue();
        assertThat(profiles.get(Language.ROMAN_UR).writtenIn("PK")).isTrue();
        assertThat(profiles.get(Language.EN).writtenIn("PK")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "here:AE|PK|+923001234567|AE",   // "I live in Dubai" from a Pakistani number, on a channel that says PK
        "here:EG|-|-|EG",
        "from:EG|-|-|EG",                // "I'm from Egypt", and nothing else known: Egypt, not the default
        "from:EG|AE|-|AE",               // an Egyptian in the Emirates, as the channel says
        "from:PK|-|+971501234567|AE",    // a Pakistani with a UAE number
        "-|-|+971501234567|AE"
    })
    void where_the_person_says_they_are_beats_the_channel_and_where_they_are_from_beats_only_the_default(
            String said, String requested, String phone, String expected) {
        assertThat(resolver.resolve(Optional.ofNullable(requested), SaidCountry.fromCode(said),
                Optional.ofNullable(phone), Language.EN)).isEqualTo(expected);
    }

    /** "I'm not in Pakistan anymore": Pakistan's lines would not reach them, whichever way Pakistan came. */
    @Test
    void where_the_person_says_they_are_not_gives_way_to_no_country_known() {
        Optional<SaidCountry> notPakistan = Optional.of(new SaidCountry("PK", SaidCountry.How.NOT_HERE));
        assertThat(resolver.resolve(Optional.of("PK"), notPakistan, Optional.empty(), Language.EN))
                .isEqualTo(CountryResolver.UNKNOWN);
        assertThat(resolver.resolve(Optional.empty(), notPakistan, Optional.of("+923001234567"),
                Language.EN)).isEqualTo(CountryResolver.UNKNOWN);
        assertThat(resolver.resolve(Optional.empty(), notPakistan, Optional.empty(), Language.EN))
                .isEqualTo(CountryResolver.UNKNOWN);                                // the default is Pakistan
        assertThat(resolver.resolve(Optional.of("AE"), notPakistan, Optional.empty(), Language.EN)).isEqualTo("AE");
    }

    /** Passed only for a message about someone else's danger (SaidCountry.forMessage): where that someone is. */
    @Test
    void where_someone_else_is_beats_the_channel_for_a_message_about_their_danger() {
        Optional<SaidCountry> brotherInDubai = Optional.of(new SaidCountry("AE", SaidCountry.How.THERE));
        assertThat(resolver.resolve(Optional.of("PK"), brotherInDubai, Optional.of("+923001234567"),
                Language.EN)).isEqualTo("AE");
        assertThat(resolver.resolve(Optional.empty(), brotherInDubai, Optional.empty(), Language.EN))
                .isEqualTo("AE");
    }
}
