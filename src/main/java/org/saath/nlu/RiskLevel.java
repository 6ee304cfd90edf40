package org.saath.nlu;

import java.util.Locale;

/**
 * How much danger a message (or a conversation) shows, in the order crisis lines use: {@code imminent} means
 * intent together with a plan or means and a timeframe (C-SSRS-style).
 */
public enum RiskLevel {
    NONE, LOW, MODERATE, HIGH, IMMINENT;

    /** The contract's code, e.g. {@code high}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }

    public static RiskLevel max(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** One level lower, never below {@code floor}. */
    public RiskLevel lowered(RiskLevel floor) {
        RiskLevel lower = this == NONE ? NONE : values()[ordinal() - 1];
        return max(lower, floor);
    }

    public static RiskLevel fromCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown risk level '" + code + "' (expected none, low, moderate, high or imminent)", e);
        }
    }
}
