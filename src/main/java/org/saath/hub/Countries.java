package org.saath.hub;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.saath.helpline.CountryResolver;
import org.saath.helpline.Helpline;
import org.saath.helpline.HelplineDirectory;
import org.saath.nlu.Language;

/**
 * The countries a person can choose: every ISO 3166 code is valid (a country Saath knows no line for gets the honest
 * answer, the international directories and 112 from a mobile), and those the directory has numbers for come first.
 * Names come from the JDK's CLDR data in Urdu and Arabic, in English otherwise.
 */
public final class Countries {

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    private final HelplineDirectory directory;
    private final List<String> known;

    public Countries(HelplineDirectory directory) {
        this.directory = directory;
        Set<String> codes = new TreeSet<>();
        directory.all().stream().map(Helpline::country).filter(ISO::contains).forEach(codes::add);
        this.known = List.copyOf(codes);
    }

    /** Whether {@code code} is an ISO 3166 alpha-2 code (upper case). */
    public boolean valid(String code) {
        return code != null && ISO.contains(code);
    }

    /** The countries the directory has entries for (lines or emergency numbers), by name in {@code language}. */
    public List<String> known(Language language) {
        return known.stream().sorted(byName(language)).toList();
    }

    /** Every other ISO country, by name in {@code language}. */
    public List<String> others(Language language) {
        return ISO.stream().filter(c -> !known.contains(c)).sorted(byName(language)).toList();
    }

    /** Whether the directory has a line, other than emergency numbers, for {@code code}. */
    public boolean hasLines(String code) {
        return directory.hasLines(code);
    }

    /** The country's name in {@code language}. */
    public String name(String code, Language language) {
        return CountryResolver.name(code, language);
    }

    private Comparator<String> byName(Language language) {
        Collator collator = Collator.getInstance(CountryResolver.locale(language));
        return Comparator.comparing((String c) -> name(c, language), collator);
    }
}
