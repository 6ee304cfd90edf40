package org.saath.nlu;

import java.util.Locale;

/** The languages Saath tells apart. {@link #code()} is the wire form used in the CLI and HTTP contracts. */
public enum Language {
    EN("en"),
    UR("ur"),
    ROMAN_UR("roman_ur"),
    AR("ar"),
    OTHER("other");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The contract's code: {@code en|ur|roman_ur|ar|other}. */
    public String code() {
        return code;
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
