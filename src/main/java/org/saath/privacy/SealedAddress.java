package org.saath.privacy;

/**
 * A channel address (a phone number, a Telegram chat id) as Saath keeps it: encrypted by {@link AddressCipher},
 * bound to the channel and the person's user reference. Only the outbox opens it, to send.
 */
public record SealedAddress(String value) {

    public SealedAddress {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a sealed address is never empty");
        }
    }
}
