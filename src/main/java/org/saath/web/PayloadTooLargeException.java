package org.saath.web;

/** The request body is over the configured limit; mapped to 413. */
public final class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(int limit) {
        super("request body is larger than " + limit + " bytes");
    }
}
