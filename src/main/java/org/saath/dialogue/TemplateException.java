package org.saath.dialogue;

/** The reply templates are missing or inconsistent; the message names the file. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
