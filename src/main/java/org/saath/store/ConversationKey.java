package org.saath.store;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Whose conversation: the channel and the keyed hash of the person's id on it (never the id itself). */
public record ConversationKey(String channel, String userRef) {

    /** A 64-bit number for this conversation, for PostgreSQL's advisory locks (a collision only serialises more). */
    long lockId() {
        return UUID.nameUUIDFromBytes((channel + '\0' + userRef).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits();
    }
}
