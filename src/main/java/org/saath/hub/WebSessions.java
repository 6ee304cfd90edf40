package org.saath.hub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.saath.privacy.UserRefHasher;

/**
 * Anonymous chat sessions for the hub's web chat: a token the server mints (128 random bits and a tag keyed with the
 * deployment's user-id secret, so a made-up token is refused) and the browser keeps in {@code sessionStorage} only.
 * Nothing about a session is stored: the person's user id is the SHA-256 of the token, which the conversation store
 * then keeps only as its keyed hash, like every channel's ids. Losing the token (closing the tab) ends the session;
 * "delete my data" deletes what was stored under it.
 */
public final class WebSessions {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}\\.[0-9a-f]{32}");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final UserRefHasher tagger;
    private final SecureRandom random;

    public WebSessions(UserRefHasher tagger, SecureRandom random) {
        this.tagger = tagger;
        this.random = random;
    }

    /** A new token: {@code <22 characters of base64url>.<32 hex digits>}. */
    public String mint() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = BASE64.encodeToString(bytes);
        return id + "." + tag(id);
    }

    /** The user id for {@code token} when this server minted it; empty for anything else. */
    public Optional<String> userId(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        String id = token.substring(0, 22);
        byte[] expected = tag(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(23).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        return Optional.of(sha256(token));
    }

    private String tag(String id) {
        return tagger.hash("web-session", id).substring(0, 32);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
