package org.saath.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the addresses Saath needs to reply later on a platform channel: AES-GCM with a random 96-bit nonce per
 * value and a 128-bit tag, the channel and user reference as associated data (so a sealed address moved to
 * another person's row does not open). The key comes from {@code privacy.address-key} or the data folder; the
 * user reference stays the keyed hash, and the address is readable only by the process that sends.
 */
public final class AddressCipher {

    private static final String PREFIX = "a1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public AddressCipher(byte[] key) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("an address key is 16, 24 or 32 bytes, was " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public SealedAddress seal(String address, String channel, String userRef) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, channel, userRef);
            byte[] sealed = cipher.doFinal(address.getBytes(StandardCharsets.UTF_8));
            return new SealedAddress(PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The address; {@link IllegalArgumentException} when it was sealed with another key or for another person. */
    public String open(SealedAddress sealed, String channel, String userRef) {
        if (!sealed.value().startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed address");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.value().substring(PREFIX.length()));
        if (bytes.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("a sealed address is too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES), channel, userRef);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("the address does not open with this key for this person", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String channel, String userRef) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((channel + "\0" + userRef).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
