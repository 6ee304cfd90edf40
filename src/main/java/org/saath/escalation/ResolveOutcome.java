package org.saath.escalation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a counsellor ended a conversation, recorded on the escalation. The console always asks for one, and the API
 * refuses a counsellor's resolve without one; a partner system that sends none is recorded as {@code not_given}.
 */
public enum ResolveOutcome {
    SAFE, REFERRED, EMERGENCY_SERVICES, NO_RESPONSE, OTHER, NOT_GIVEN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome named by {@code code}; {@link IllegalArgumentException} naming the choices otherwise. */
    public static ResolveOutcome fromCode(String code) {
        return Arrays.stream(values()).filter(o -> o != NOT_GIVEN && o.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'outcome' must be one of " + choices()));
    }

    public static String choices() {
        return Arrays.stream(values()).filter(o -> o != NOT_GIVEN).map(ResolveOutcome::code)
                .collect(Collectors.joining(", "));
    }
}
