package org.saath.escalation;

/** A console sign-in with a wrong login or password, or for a disabled counsellor (one answer for all: 401). */
public final class SignInRefusedException extends RuntimeException {

    public SignInRefusedException() {
        super("that login and password were not accepted");
    }
}
