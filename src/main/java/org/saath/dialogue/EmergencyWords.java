package org.saath.dialogue;

import java.util.Optional;

import org.saath.helpline.Referral;
import org.saath.nlu.Language;

/**
 * Puts a country's emergency numbers into the texts of one message ({@value Templates#EMERGENCY}): in full the first
 * time ("15 (police) or 1122 (ambulance)"), "the emergency number above / below" where they are listed, and briefly
 * once they have been said. One instance per message: it remembers what it said.
 */
final class EmergencyWords {

    private final Templates templates;
    private final ReplyRenderer renderer;
    private final Referral referral;
    private final boolean listed;
    private final Language language;
    private boolean said;

    EmergencyWords(Templates templates, ReplyRenderer renderer, Referral referral, boolean listed, Language language) {
        this.templates = templates;
        this.renderer = renderer;
        this.referral = referral;
        this.listed = listed;
        this.language = language;
    }

    Language language() {
        return language;
    }

    /**
     * {@code text} with the emergency numbers in, and how to reach them without speaking where the country has a way
     * ({@value Templates#SILENT}; left out elsewhere); {@code linesBefore}: the listed numbers stand above it.
     */
    String fill(String text, boolean linesBefore) {
        text = silent(text);
        if (!text.contains(Templates.EMERGENCY)) {
            return text;
        }
        String phrase;
        if (listed) {
            phrase = templates.word(linesBefore ? "emergency-above" : "emergency-below", language);
        } else if (said) {
            phrase = templates.word(referral.emergencyKnown() ? "emergency-again" : "emergency-unknown-no-mobile",
                    language);
        } else {
            phrase = renderer.emergencyPhrase(referral.emergency(), referral.emergencyKnown(), language);
        }
        said = true;
        return text.replace(Templates.EMERGENCY, phrase);
    }

    private String silent(String text) {
        if (!text.contains(Templates.SILENT)) {
            return text;
        }
        String words = referral.emergencyKnown() ? referral.emergency().stream()
                .map(o -> o.helpline().silent(language.code())).flatMap(Optional::stream).findFirst().orElse("") : "";
        return Templates.put(text, Templates.SILENT, words);
    }
}
