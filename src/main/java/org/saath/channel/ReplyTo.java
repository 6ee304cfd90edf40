package org.saath.channel;

import java.time.Instant;

import org.saath.privacy.SealedAddress;

/**
 * Where a platform channel's replies go: the person's address, sealed, and when they wrote (as the platform says,
 * never later than its arrival), which WhatsApp's 24-hour window is counted from.
 */
public record ReplyTo(SealedAddress address, Instant wroteAt) {
}
