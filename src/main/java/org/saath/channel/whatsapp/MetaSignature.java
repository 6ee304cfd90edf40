package org.saath.channel.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook signature ({@code X-Hub-Signature-256: sha256=<hex>}): HMAC-SHA256 of the raw request body, keyed
 * with the app secret, compared in constant time. Meta computes it over an escaped form of the payload (every
 * non-ASCII UTF-16 code unit written as a lowercase {@code \\uXXXX}); when the raw bytes do not match and hold
 * non-ASCII characters, that form is tried too. The hash algorithm is fixed here, never taken from the header,
 * and the body is never re-serialised.
 */
public final class MetaSignature {

    private static final String PREFIX = "sha256=";

    private MetaSignature() {
    }

    public static boolean valid(String appSecret, String header, byte[] body) {
        if (header == null || !header.startsWith(PREFIX) || header.length() != PREFIX.length() + 64) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (MessageDigest.isEqual(given, hmac(appSecret, body))) {
            return true;
        }
        return hasNonAscii(body) && MessageDigest.isEqual(given, hmac(appSecret, escaped(body)));
    }

    public static byte[] hmac(String appSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** The body with every non-ASCII UTF-16 code unit as a lowercase {@code \\uXXXX} escape. */
    static byte[] escaped(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean hasNonAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }
}
