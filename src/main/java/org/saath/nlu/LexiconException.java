package org.saath.nlu;

/** The distress lexicon cannot be read or has a malformed line; the message names the file and line. */
public final class LexiconException extends RuntimeException {

    public LexiconException(String message, Throwable cause) {
        super(message, cause);
    }
}
