package org.saath.helpline;

/** The helpline directory file is invalid; the message names the file and the entry. */
public final class HelplineDirectoryException extends RuntimeException {

    public HelplineDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
