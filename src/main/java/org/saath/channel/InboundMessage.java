package org.saath.channel;

import java.time.Instant;
import java.util.Optional;

import org.saath.privacy.SealedAddress;

/**
 * A message from a person, as any channel adapter hands it to the turn pipeline. {@code userId} is the channel's
 * raw id and is hashed before anything is stored; {@code messageId} is the platform's id, used for dedupe;
 * {@code phoneNumber} is the sender's number where the channel gives one (WhatsApp, SMS), used only to tell the
 * country and never stored. {@code media} says the person sent something Saath cannot read (a voice note, a
 * picture, a sticker; {@code text} is then its caption or empty). {@code replyTo} is present on platform channels,
 * whose replies leave through the outbox to that sealed address (kept with the turn, see {@link ReplyTo}); without it
 * the channel answers in its response. {@code origin} is where a channel whose senders cost nothing to make (the
 * hub's web chat: a new session is one request) got the message from, its client address: counted in memory so that
 * one address cannot open escalations without end, never stored. {@code forwarded}: the platform marks the text as
 * forwarded (someone else's words, shown to the person's helper): read as about someone else, like "my sister says".
 * {@code answering}: the message is a tap on a button, and this is the tag of the question the button belonged to;
 * a tap on an old question (the conversation has moved on) answers nothing. {@code edited}: the person changed a
 * message they sent before; it answers no question asked since, and is read again only for danger.
 * NUL characters are dropped from {@code text}.
 */
public record InboundMessage(String channel, String userId, String messageId, String text, Optional<String> country,
                             Optional<String> phoneNumber, boolean media, Optional<ReplyTo> replyTo,
                             Optional<String> origin, boolean forwarded, Optional<String> answering,
                             boolean edited) {

    public InboundMessage {
        // a NUL means nothing in a person's words and PostgreSQL cannot store it: a platform's message that held
        // one would fail its turn and be retried by the platform until it gave up
        text = text == null ? "" : text.indexOf('\0') < 0 ? text : text.replace("\0", "");
        country = country == null ? Optional.empty() : country;
        phoneNumber = phoneNumber == null ? Optional.empty() : phoneNumber;
        replyTo = replyTo == null ? Optional.empty() : replyTo;
        origin = origin == null ? Optional.empty() : origin;
        answering = answering == null ? Optional.empty() : answering;
    }

    /** A message with no origin to count (every channel but the web chat). */
    public InboundMessage(String channel, String userId, String messageId, String text, Optional<String> country,
                          Optional<String> phoneNumber, boolean media, Optional<ReplyTo> replyTo) {
        this(channel, userId, messageId, text, country, phoneNumber, media, replyTo, Optional.empty(), false,
                Optional.empty(), false);
    }

    /** A text message from a channel that answers in its response. */
    public InboundMessage(String channel, String userId, String messageId, String text, Optional<String> country,
                          Optional<String> phoneNumber) {
        this(channel, userId, messageId, text, country, phoneNumber, false, Optional.empty());
    }

    /** A message from a channel that gives no phone number. */
    public InboundMessage(String channel, String userId, String messageId, String text, Optional<String> country) {
        this(channel, userId, messageId, text, country, Optional.empty());
    }

    /** This message, written at {@code wroteAt}, with replies going through the outbox to {@code address}. */
    public InboundMessage replyingTo(SealedAddress address, Instant wroteAt) {
        return new InboundMessage(channel, userId, messageId, text, country, phoneNumber, media,
                Optional.of(new ReplyTo(address, wroteAt)), origin, forwarded, answering, edited);
    }

    /** This message, from the client address {@code address} (see {@code origin}). */
    public InboundMessage from(String address) {
        return new InboundMessage(channel, userId, messageId, text, country, phoneNumber, media, replyTo,
                Optional.of(address), forwarded, answering, edited);
    }

    /** This message, marked by its platform as forwarded (see {@code forwarded}). */
    public InboundMessage forwarded(boolean value) {
        return new InboundMessage(channel, userId, messageId, text, country, phoneNumber, media, replyTo, origin,
                value, answering, edited);
    }

    /** This message under another id: the keyed hash a turn stores in place of the platform's own id. */
    public InboundMessage storedAs(String id) {
        return new InboundMessage(channel, userId, id, text, country, phoneNumber, media, replyTo, origin, forwarded,
                answering, edited);
    }

    /** This message, a tap on a button of the question tagged {@code question} (see {@code answering}). */
    public InboundMessage answering(Optional<String> question) {
        return new InboundMessage(channel, userId, messageId, text, country, phoneNumber, media, replyTo, origin,
                forwarded, question, edited);
    }

    /** This message, marked as an edit of one sent before (see {@code edited}). */
    public InboundMessage edited(boolean value) {
        return new InboundMessage(channel, userId, messageId, text, country, phoneNumber, media, replyTo, origin,
                forwarded, answering, value);
    }
}
