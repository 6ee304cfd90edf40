package org.saath.nlu;

import java.util.Locale;

/**
 * The grammatical gender a person's own words mark ("chahti hoon", «خائفة»), or that of someone they write about
 * ("my sister… she"). {@link #UNMARKED} when the words do not say: replies are then gender-neutral.
 */
public enum Gender {
    UNMARKED, FEMININE, MASCULINE;

    /** The stored code: {@code feminine}, {@code masculine}, or null when unmarked. */
    public String code() {
        return this == UNMARKED ? null : name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored code; null or blank is {@link #UNMARKED}. */
    public static Gender fromCode(String code) {
        return code == null || code.isBlank() ? UNMARKED : valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    /** This gender, else {@code earlier} when this message marks none. */
    public Gender or(Gender earlier) {
        return this == UNMARKED ? earlier : this;
    }
}
