package org.saath.nlu;

import java.util.Locale;
import java.util.Optional;

/** Something a person says to steer the conversation rather than to describe how they feel. */
public enum Command {
    YES, NO, STOP, END_CHAT, DELETE_DATA, SAFETY_PLAN, SHOW_PLAN, GROUNDING, SPEAK_EN, SPEAK_UR, SPEAK_ROMAN_UR, SPEAK_AR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Command fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    /** The language a {@code speak_…} command asks for. */
    public Optional<Language> language() {
        return switch (this) {
            case SPEAK_EN -> Optional.of(Language.EN);
            case SPEAK_UR -> Optional.of(Language.UR);
            case SPEAK_ROMAN_UR -> Optional.of(Language.ROMAN_UR);
            case SPEAK_AR -> Optional.of(Language.AR);
            default -> Optional.empty();
        };
    }
}
