package org.saath.channel;

import java.util.Optional;

/**
 * A message from a person, as any channel adapter hands it to the turn pipeline. {@code userId} is the channel's
 * raw id and is hashed before anything is stored; {@code messageId} is the platform's id, used for dedupe.
 */
public record InboundMessage(String channel, String userId, String messageId, String text, Optional<String> country) {

    public InboundMessage {
        country = country == null ? Optional.empty() : country;
    }
}
