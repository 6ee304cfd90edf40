package org.saath.channel;

import java.util.List;

/**
 * One message for a person on a platform channel, as rendered by the dialogue: its text, who speaks
 * ({@code saath} or {@code counsellor}), the conversation's language code, the answers the person may tap
 * ({@code choices}, e.g. "Yes"/"No" in their language when the bot asked a yes/no question; empty otherwise), how
 * many parts of it a channel that splits long text (SMS) has already sent, and which question the choices answer
 * ({@code question}: a short tag of the turn that asked, empty without choices), so that a tap on an old question's
 * button is not taken for an answer to the one asked now.
 */
public record Outbound(String text, String sender, String language, List<String> choices, int partsSent,
                       String question) {

    public Outbound {
        choices = choices == null ? List.of() : List.copyOf(choices);
        question = question == null ? "" : question;
    }

    /** A message whose choices, if any, answer no particular question. */
    public Outbound(String text, String sender, String language, List<String> choices, int partsSent) {
        this(text, sender, language, choices, partsSent, "");
    }

    @Override
    public String toString() {
        return "Outbound[" + sender + ", " + text.length() + " chars]";
    }
}
