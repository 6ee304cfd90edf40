package org.saath.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountryResolverTest {

    private final CountryResolver resolver = new CountryResolver("PK");

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
        assertThat(resolver.resolve(Optional.ofNullable(requested), Optional.ofNullable(phone))).isEqualTo(expected);
    }
}
