package org.saath.rules;

/** The rule book is invalid; the message names the file and the rule. */
public final class RuleBookException extends RuntimeException {

    public RuleBookException(String message, Throwable cause) {
        super(message, cause);
    }
}
