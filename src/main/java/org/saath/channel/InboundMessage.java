package org.saath.channel;

import java.util.Optional;

/**
 * A message from a person, as any channel adapter hands it to the turn pipeline. {@code userId} is the channel's
 * raw id and is hashed before anything is stored; {@code messageId} is the platform's id, used for dedupe;
 * {@code phoneNumber} is the sender's number where the channel gives one (WhatsApp, SMS), used only to tell the
 * country and never stored.
 */
public record InboundMessage(String channel, String userId, String messageId, String text, Optional<String> country,
                             Optional<String> phoneNumber) {

    public InboundMessage {
        country = country == null ? Optional.empty() : country;
        phoneNumber = phoneNumber == null ? Optional.empty() : phoneNumber;
    }

    /** A message from a channel that gives no phone number. */
    public InboundMessage(String channel, String userId, String messageId, String text, Optional<String> country) {
        this(channel, userId, messageId, text, country, Optional.empty());
    }
}
