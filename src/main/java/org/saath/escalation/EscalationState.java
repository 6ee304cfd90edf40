package org.saath.escalation;

import java.util.Locale;

/** Lifecycle of an escalation to a human counsellor. Only {@code requested} is reached in this version. */
public enum EscalationState {
    REQUESTED, OFFERED, CLAIMED, ACTIVE, RESOLVED, EXPIRED, DECLINED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the escalation is still waiting for, or held by, a human. */
    public boolean isOpen() {
        return this == REQUESTED || this == OFFERED || this == CLAIMED || this == ACTIVE;
    }

    public static EscalationState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
