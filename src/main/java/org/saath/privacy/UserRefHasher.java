package org.saath.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a channel's user id (a phone number, a Telegram id) into the only form Saath stores: HMAC-SHA256 keyed
 * with the deployment's secret, over the channel name and the id. Without the secret the hash cannot be
 * reversed or recomputed from a guessed phone number.
 */
public final class UserRefHasher {

    private final SecretKeySpec key;

    public UserRefHasher(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the user-id secret must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** One initialised MAC per thread (a MAC is not thread-safe; looking one up and keying it costs more than a hash). */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /**
     * The form in which a message id is stored (a turn's id, its dedupe record, a "delete my data" remembered after
     * the person is gone): a keyed hash of the channel, the user reference and the platform's id, which nobody
     * without the secret and the person's id can link to them. A platform's id can hold the person's number (a
     * WhatsApp wamid is it in base64), so the id itself is never stored.
     */
    public String messageKey(String channel, String userRef, String messageId) {
        return hash(channel, userRef + '\0' + messageId);
    }

    /**
     * The form in which a message's text is kept with its id, to tell a redelivery (the same text) from another
     * message sent under an id used before: a keyed hash, which nobody without the secret can check a guessed text
     * against.
     */
    public String textKey(String channel, String userRef, String text) {
        return hash(channel, "text\0" + userRef + '\0' + text);
    }

    /**
     * The form in which the id a platform gave one of Saath's own messages is stored (to find it when a receipt says
     * it failed): a keyed hash, like {@link #messageKey}, for the same reason.
     */
    public String sentKey(String channel, String platformId) {
        return hash(channel, "sent\0" + platformId);
    }

    public String hash(String channel, String userId) {
        Mac mac = macs.get();           // doFinal resets it for the next use
        mac.update(channel.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
    }
}
