package org.saath.helpline;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.saath.nlu.Language;

/**
 * Which country's helplines a person gets, from the best evidence of where they are now: where their own words say
 * they are ("I live in Dubai", "is there a helpline in Egypt?"), or, in a message about someone else's danger, where
 * that someone is ("my brother in Dubai says he will end it": {@link SaidCountry#forMessage} passes it only then);
 * else the country the request names; else the country of the phone number the channel gives (WhatsApp, SMS; read
 * with libphonenumber from its international prefix, or from its calling code alone where the number's range is
 * unknown: a Pakistani working in Dubai keeps a +92 number); else where their words say they are from; else the
 * deployment's default, for a message in a language people write there ({@link #CountryResolver(String, Predicate)}:
 * an Arabic message with nothing telling where its writer is had Pakistan's 15 and 1122; it is {@link #UNKNOWN}
 * instead). Where their words say they are not ("I'm not in Pakistan anymore") and the rest gives that
 * country, the country is {@link #UNKNOWN}: the honest answer and the local emergency number, not lines that would
 * not reach them. The number itself is never stored.
 */
public final class CountryResolver {

    /** No country known: "I don't know a line in your country", the international directories and 112. */
    public static final String UNKNOWN = "ZZ";

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultCountry;
    private final Predicate<Language> writtenInDefault;

    /** @param writtenInDefault whether people write a language in {@code defaultCountry} */
    public CountryResolver(String defaultCountry, Predicate<Language> writtenInDefault) {
        this.defaultCountry = defaultCountry;
        this.writtenInDefault = writtenInDefault;
    }

    /** The country of a message in {@code language}; see the class comment for the evidence's order. */
    public String resolve(Optional<String> requested, Optional<SaidCountry> said, Optional<String> phoneNumber,
                          Language language) {
        Optional<String> here = said.filter(s -> s.isHere() || s.how() == SaidCountry.How.THERE)
                .map(SaidCountry::country);
        Optional<String> from = said.filter(s -> s.how() == SaidCountry.How.FROM).map(SaidCountry::country);
        String country = here.or(() -> requested).or(() -> phoneNumber.flatMap(this::regionOf)).or(() -> from)
                .orElse(writtenInDefault.test(language) ? defaultCountry : UNKNOWN);
        boolean notThere = said.filter(s -> s.how() == SaidCountry.How.NOT_HERE && s.country().equals(country))
                .isPresent();
        return notThere ? UNKNOWN : country;
    }

    /**
     * Whether the country a message gets is the deployment's default alone: nothing the request, the words or the phone
     * number tell. The reply then says whose numbers they are and asks for the country ("I took 40 tylenol … I'm in
     * Ohio" had got Pakistan's 1122 with nothing said about it: the s52 QA pass).
     */
    public boolean byDefault(Optional<String> requested, Optional<SaidCountry> said, Optional<String> phoneNumber,
                             Language language) {
        return requested.isEmpty() && said.isEmpty() && phoneNumber.isEmpty() && writtenInDefault.test(language);
    }

    /** A country's name in {@code language}, from the JDK's CLDR data (Urdu, Arabic; English for the others). */
    public static String name(String code, Language language) {
        String name = new Locale("", code).getDisplayCountry(locale(language));
        return name.isBlank() ? code : name;
    }

    /** The locale countries are named and sorted in for {@code language}. */
    public static Locale locale(Language language) {
        return switch (language) {
            case UR -> Locale.forLanguageTag("ur");
            case AR -> Locale.forLanguageTag("ar");
            default -> Locale.ENGLISH;
        };
    }

    /**
     * The number's country; where libphonenumber places the number in no country (a range its metadata does not
     * hold, such as the UK's +44 7700 900xxx), the main country of its calling code: "+44…" is Britain whatever
     * its range, where the default country gave a British sender Pakistan's lines (the QA pass of 6 December).
     */
    private Optional<String> regionOf(String number) {
        String international = number.startsWith("+") ? number : "+" + number.replaceFirst("^00", "");
        try {
            Phonenumber.PhoneNumber parsed = phones.parse(international, "ZZ");
            String region = phones.getRegionCodeForNumber(parsed);
            if (!isCountry(region)) {
                region = phones.getRegionCodeForCountryCode(parsed.getCountryCode());
            }
            return isCountry(region) ? Optional.of(region) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** A two-letter country; not "ZZ" (unknown) nor "001" (a calling code of no country). */
    private static boolean isCountry(String region) {
        return region != null && region.length() == 2 && !region.equals("ZZ") && Character.isLetter(region.charAt(0));
    }
}
