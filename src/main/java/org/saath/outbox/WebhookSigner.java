package org.saath.outbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies for partners: {@code X-Saath-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>} where the
 * HMAC, keyed with the partner's secret, covers {@code <t>.<raw body bytes>}. A partner recomputes it over the raw
 * body, compares in constant time, and rejects timestamps older than a few minutes to stop replays.
 */
public final class WebhookSigner {

    private WebhookSigner() {
    }

    public static String signature(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
