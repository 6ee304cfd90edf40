package org.saath.web;

/** The request is malformed or invalid; mapped to {@code 400 {"error": message}} by {@link ErrorMapping}. */
public final class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
