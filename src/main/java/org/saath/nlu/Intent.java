package org.saath.nlu;

import java.util.Locale;
import java.util.Optional;

/** The twelve intent labels of DESIGN.md's contract. */
public enum Intent {
    GREETING, SEEK_HELP, ANXIETY, DEPRESSION, CRISIS, CYBERBULLYING, ABUSE_VIOLENCE, SUBSTANCE, RESOURCE_REQUEST,
    WORK_STRESS, GRATITUDE_GOODBYE, OUT_OF_SCOPE;

    /** The label as written in data files and JSON, e.g. {@code work_stress}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The intent for a label, or empty when the label is not one of the twelve. */
    public static Optional<Intent> fromLabel(String label) {
        for (Intent intent : values()) {
            if (intent.label().equals(label)) {
                return Optional.of(intent);
            }
        }
        return Optional.empty();
    }
}
