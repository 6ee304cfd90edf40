package org.saath.store;

/** The store failed (I/O, locked database, broken schema); the message is for operators and holds no user text. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
