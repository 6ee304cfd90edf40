package org.saath.dialogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.saath.channel.ChannelDelivery;
import org.saath.channel.InboundMessage;
import org.saath.channel.Outbound;
import org.saath.channel.TurnResult;
import org.saath.nlu.Language;
import org.saath.store.OutboxRow;

/**
 * A turn's replies as outbox rows, when the person wrote on a platform channel (the message carries a sealed
 * address to reply to); none for a channel that answers in its response. The idempotency keys come from the
 * platform's message id, so the same message can never queue its replies twice, and a reply that asks a yes/no
 * question carries the two answers in the person's language, for channels that show buttons.
 */
final class PersonOutbox {

    private final ReplyRenderer renderer;

    PersonOutbox(ReplyRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * The outbox rows of a turn's replies to a person on a platform channel; {@code replyId} is the reply the turn
     * answered with (what the conversation keeps as its last reply), whose tag goes with any choices offered.
     */
    List<OutboxRow> rows(InboundMessage in, String userRef, String conversationId, TurnResult result,
                         Language language, String replyId, Instant now) {
        if (in.replyTo().isEmpty()) {
            return List.of();
        }
        String key = "reply:" + digest(in.channel(), userRef, in.messageId());
        List<OutboxRow> rows = new ArrayList<>();
        for (int i = 0; i < result.replies().size(); i++) {
            TurnResult.Reply reply = result.replies().get(i);
            List<String> choices = TurnResult.Reply.YES_NO.equals(reply.expects()) ? renderer.yesNo(language)
                    : List.of();
            // a platform's messaging window opens when the person wrote, not when Saath read it (Meta redelivers
            // for days while a server is down)
            ChannelDelivery delivery = new ChannelDelivery(in.channel(), userRef, in.replyTo().get().address(),
                    new Outbound(reply.text(), "saath", language.code(), choices, 0,
                            choices.isEmpty() ? "" : questionTag(replyId)), Optional.empty(),
                    Optional.of(in.replyTo().get().wroteAt()));
            rows.add(delivery.row(key + ":" + i, conversationId, now));
        }
        return rows;
    }

    /**
     * A short tag of the reply a question was asked in (8 hex digits): what a tapped choice says it answers, compared
     * with the conversation's last reply (Telegram allows 64 bytes of button data).
     */
    static String questionTag(String replyId) {
        return sha256Hex(String.valueOf(replyId), 4);
    }

    /** A short, fixed-length digest: message ids are up to 200 characters, idempotency keys at most 128. */
    private static String digest(String channel, String userRef, String messageId) {
        return sha256Hex(channel + "\0" + userRef + "\0" + messageId, 20);
    }

    /** The first {@code bytes} bytes of the text's SHA-256, in hex. */
    private static String sha256Hex(String text, int bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
