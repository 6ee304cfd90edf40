package org.saath.escalation;

/** The escalation is not in a state that allows this action (claiming a resolved one); mapped to 409. */
public final class EscalationStateException extends RuntimeException {

    public EscalationStateException(String message) {
        super(message);
    }
}
