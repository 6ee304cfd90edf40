package org.saath.escalation;

/** The status notes the desk sends a person (a counsellor joined, left, none could come), in their language. */
public interface StatusTexts {

    /** The template's text alone. */
    String text(String template, String language);

    /**
     * The template's text followed by a crisis line of the person's {@code country} that is open now, or, where none
     * is, the honest note that none is open and to contact local emergency services.
     */
    String withCrisisLine(String template, String language, String country);
}
