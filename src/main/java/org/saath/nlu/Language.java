package org.saath.nlu;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Saath tells apart. {@link #code()} is the wire form used in the CLI and HTTP contracts, and the name
 * of the language's folder: {@code models/lang/<code>/} (intent sentences, distress lexicon) and
 * {@code src/main/resources/lang/<code>/} (reply templates, commands). Adding a language is one folder of each and
 * one line here.
 */
public enum Language {
    EN("en"),
    UR("ur"),
    ROMAN_UR("roman_ur"),
    AR("ar"),
    OTHER("other");

    private static final List<Language> SUPPORTED = Arrays.stream(values()).filter(l -> l != OTHER).toList();

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The contract's code: {@code en|ur|roman_ur|ar|other}. */
    public String code() {
        return code;
    }

    /** The languages Saath answers in, each with its own folder; {@code other} is only a detection result. */
    public static List<Language> supported() {
        return SUPPORTED;
    }

    /** The supported language whose code is {@code code}, if any. */
    public static Optional<Language> supported(String code) {
        return SUPPORTED.stream().filter(l -> l.code.equals(code)).findFirst();
    }

    /** Parses a contract code; throws {@link IllegalArgumentException} naming the bad value. */
    public static Language fromCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code.toLowerCase(Locale.ROOT))) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language '" + code + "' (expected en, ur, roman_ur, ar or other)");
    }
}
