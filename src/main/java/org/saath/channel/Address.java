package org.saath.channel;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a message for a person goes, opened from its sealed form only for the send: the platform's address (a
 * WhatsApp number, a Telegram chat id, a Twilio {@code From}/{@code To} pair) and when the person last wrote, for
 * platforms with a messaging window. {@link #toString} hides the value, so an address never reaches a log.
 */
public record Address(String value, Optional<Instant> lastInbound) {

    @Override
    public String toString() {
        return "Address[hidden]";
    }
}
