package org.saath.nlu;

/** The intent model is missing, unreadable or does not fit the twelve labels; the message says which file. */
public final class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
