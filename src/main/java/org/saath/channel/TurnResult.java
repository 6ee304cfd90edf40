package org.saath.channel;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the bot answers to one message: the replies (each with its helplines) and the conversation's escalation,
 * if any. This is the body of {@code POST /v1/messages} and is stored with the message id so a repeated delivery
 * gets the same answer.
 */
public record TurnResult(List<Reply> replies, @JsonInclude(JsonInclude.Include.ALWAYS) EscalationView escalation) {

    public TurnResult {
        replies = List.copyOf(replies);
    }

    /**
     * One message back to the person. {@code expects} is {@code yes_no} on the message after which the conversation
     * waits for a yes or a no (the bot asked one, or its question is still open); channels with buttons offer them.
     * Absent otherwise.
     */
    public record Reply(String text, List<HelplineView> helplines,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String expects) {

        /** What {@code expects} says when the bot asked a yes/no question. */
        public static final String YES_NO = "yes_no";

        public Reply {
            helplines = List.copyOf(helplines);
        }

        public Reply(String text, List<HelplineView> helplines) {
            this(text, helplines, null);
        }

        /** This reply, marked as asking a yes/no question. */
        public Reply askingYesNo() {
            return new Reply(text, helplines, YES_NO);
        }
    }

    /**
     * A helpline as shown to the person; {@code open_now} is null when its hours are not confirmed, and
     * {@code next_opening} (ISO-8601 instant) is set when it is closed now.
     */
    public record HelplineView(String id, String name, List<ContactView> contacts,
                               @JsonProperty("open_now") @JsonInclude(JsonInclude.Include.ALWAYS) Boolean openNow,
                               @JsonProperty("next_opening") String nextOpening, boolean verified) {

        public HelplineView {
            contacts = List.copyOf(contacts);
        }
    }

    /** One way to reach a helpline. */
    public record ContactView(String type, String value) {
    }

    /** The escalation's id and state ({@code requested}, {@code claimed}, …). */
    public record EscalationView(String id, String state) {
    }
}
