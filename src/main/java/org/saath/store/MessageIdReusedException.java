package org.saath.store;

/**
 * A message id this person used before, sent again with another text: not a redelivery (which gets its first answer)
 * but a second message under the first one's id, which would otherwise be dropped. The generic channel and the web
 * chat answer 409 with the reason; a platform channel, whose ids the platform makes, hands the message on under an id
 * of its own ({@code Inbox}).
 */
public final class MessageIdReusedException extends RuntimeException {

    public MessageIdReusedException() {
        super("this message id was already used for a message with another text; send each message with an id of its "
                + "own (a retry of the same message keeps its id and gets the first answer)");
    }
}
