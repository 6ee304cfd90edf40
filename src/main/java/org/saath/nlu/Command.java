package org.saath.nlu;

import java.util.Locale;
import java.util.Optional;

/**
 * Something a person says to steer the conversation rather than to describe how they feel. The declaration order is
 * the precedence when a message holds phrases of several commands: deleting data first, "show my safety plan" before
 * "safety plan", a specific language request before a general one ("urdu script" before "urdu"), and "I'm fine"
 * before the yes or no it may contain ("nahi main theek hoon" is an answer about how the person is, not a no).
 */
public enum Command {
    DELETE_DATA, SHOW_PLAN, SAFETY_PLAN, GROUNDING, SPEAK_EN, SPEAK_UR, SPEAK_ROMAN_UR, SPEAK_AR, END_CHAT,
    /** "privacy", "who can read this?": what Saath keeps, for how long, and who reads it. */
    PRIVACY,
    /** "more lines", "details": the rest of what the short first reply left out. */
    MORE,
    /** "I'm fine", "main theek hoon", «أنا بخير»: an answer about how the person is, read with what came before. */
    FINE,
    YES, NO, STOP,
    /**
     * Not said but sent: a voice note, a picture, a sticker or a document, which Saath cannot read. Set by the
     * dialogue from the channel's message when no phrase in a caption said anything stronger; no commands file
     * lists it.
     */
    MEDIA;

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
