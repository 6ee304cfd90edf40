package org.saath.channel.twilio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): Base64 of HMAC-SHA1, keyed with the account's auth
 * token, over the URL Twilio called followed by every POST parameter, sorted by name, as name and value with no
 * separators. The URL is the configured public URL (behind a proxy the request's own URL differs); like Twilio's
 * own validators this also tries it with the scheme's default port added or removed. Compared in constant time.
 */
public final class TwilioSignature {

    private TwilioSignature() {
    }

    /** Whether {@code signature} is Twilio's for this URL and these (form-decoded) parameters. */
    public static boolean valid(String authToken, String url, Map<String, List<String>> params, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String candidate : urls(url)) {
            match |= MessageDigest.isEqual(given, compute(authToken, candidate, params).getBytes(
                    StandardCharsets.US_ASCII));
        }
        return match;
    }

    public static String compute(String authToken, String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> values.forEach(v -> data.append(name).append(v)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable", e);
        }
    }

    /** The URL as configured, and without its port (when it names one) or with the scheme's default port. */
    private static List<String> urls(String url) {
        List<String> urls = new ArrayList<>(List.of(url));
        try {
            URI uri = URI.create(url);
            String authority = uri.getRawAuthority();
            int at = url.indexOf(authority);
            String host = uri.getPort() == -1
                    ? authority + ":" + ("https".equals(uri.getScheme()) ? 443 : 80)
                    : authority.substring(0, authority.lastIndexOf(':'));
            urls.add(url.substring(0, at) + host + url.substring(at + authority.length()));
        } catch (IllegalArgumentException | NullPointerException e) {
            // not a URL that can be varied: the configured form alone
        }
        return urls;
    }
}
