package org.saath.helpline;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Which country's helplines a person gets: the country the request names, else the country of the phone number
 * the channel gives (WhatsApp, SMS; read with libphonenumber from its international prefix), else the
 * deployment's default. The number itself is never stored.
 */
public final class CountryResolver {

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultCountry;

    public CountryResolver(String defaultCountry) {
        this.defaultCountry = defaultCountry;
    }

    public String resolve(Optional<String> requested, Optional<String> phoneNumber) {
        return requested.or(() -> phoneNumber.flatMap(this::regionOf)).orElse(defaultCountry);
    }

    private Optional<String> regionOf(String number) {
        String international = number.startsWith("+") ? number : "+" + number.replaceFirst("^00", "");
        try {
            String region = phones.getRegionCodeForNumber(phones.parse(international, "ZZ"));
            return region == null || region.equals("ZZ") ? Optional.empty() : Optional.of(region);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
