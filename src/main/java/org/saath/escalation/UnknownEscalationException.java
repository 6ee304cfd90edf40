package org.saath.escalation;

/** No such escalation for this partner (another partner's escalation is reported the same way); mapped to 404. */
public final class UnknownEscalationException extends RuntimeException {

    public UnknownEscalationException(String id) {
        super("no escalation '" + id + "' for this partner");
    }
}
