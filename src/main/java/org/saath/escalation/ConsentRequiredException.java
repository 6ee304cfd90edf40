package org.saath.escalation;

/** The person has not agreed to share the conversation with a counsellor; mapped to 403. */
public final class ConsentRequiredException extends RuntimeException {

    public ConsentRequiredException(String escalationId) {
        super("the person has not agreed to share the conversation of escalation " + escalationId);
    }
}
