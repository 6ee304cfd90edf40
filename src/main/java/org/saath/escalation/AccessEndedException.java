package org.saath.escalation;

/**
 * A partner asked about an escalation it once had, after its access ended (resolved, passed to another partner,
 * declined, expired, or the person left); mapped to 403.
 */
public final class AccessEndedException extends RuntimeException {

    public AccessEndedException(String escalationId, String why) {
        super("your access to escalation " + escalationId + " has ended: " + why);
    }
}
