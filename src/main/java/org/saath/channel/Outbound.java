package org.saath.channel;

import java.util.List;

/**
 * One message for a person on a platform channel, as rendered by the dialogue: its text, who speaks
 * ({@code saath} or {@code counsellor}), the conversation's language code, the answers the person may tap
 * ({@code choices}, e.g. "Yes"/"No" in their language when the bot asked a yes/no question; empty otherwise), and
 * how many parts of it a channel that splits long text (SMS) has already sent.
 */
public record Outbound(String text, String sender, String language, List<String> choices, int partsSent) {

    public Outbound {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    @Override
    public String toString() {
        return "Outbound[" + sender + ", " + text.length() + " chars]";
    }
}
