package org.saath.escalation;

import java.util.Set;

/** The status notes the desk sends a person (a counsellor joined, left, none could come), in their language. */
public interface StatusTexts {

    /**
     * What a note's reply id ends with when it is kept as the conversation's last reply ({@code counsellor_left#note}):
     * a reply id is otherwise {@code template#variant}.
     */
    String NOTE = "#note";

    /** The notes that give the conversation back to the automated assistant. */
    Set<String> HAND_BACK = Set.of("counsellor_left", "chat_ended", "counsellor_transferred",
            "counsellor_unavailable");

    /** The template's text alone. */
    String text(String template, String language);

    /**
     * The template's text followed by a crisis line of the person's {@code country} that is open now, or, where none
     * is, the honest note that none is open and to contact local emergency services.
     */
    String withCrisisLine(String template, String language, String country);
}
