package org.saath.training;

/** A training or evaluation file is unreadable or has a bad row; the message names the file and line. */
public final class CorpusException extends RuntimeException {

    public CorpusException(String message) {
        super(message);
    }

    public CorpusException(String message, Throwable cause) {
        super(message, cause);
    }
}
