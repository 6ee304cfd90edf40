package org.saath.escalation;

import org.saath.store.CounsellorStore;

/**
 * Who is acting on a partner's escalations: one counsellor signed in to the console, or the partner's own system
 * with its API key. {@code actor} is what every transition and message records ({@code counsellor:<id>} or
 * {@code partner:<id>}); {@code name} is what colleagues see.
 */
public record Caller(Partner partner, String actor, String name) {

    /** The partner's system, calling with the partner API key. */
    public static Caller partnerSystem(Partner partner) {
        return new Caller(partner, "partner:" + partner.id(), partner.name());
    }

    /** Whether a counsellor signed in to the console is acting (not the partner's system). */
    public boolean isCounsellor() {
        return actor.startsWith("counsellor:");
    }

    /** A counsellor of the partner, signed in with their own login. */
    public static Caller counsellor(Partner partner, CounsellorStore.Counsellor counsellor) {
        return new Caller(partner, "counsellor:" + counsellor.id(), counsellor.displayName());
    }
}
