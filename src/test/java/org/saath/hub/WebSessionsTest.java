package org.saath.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.saath.privacy.UserRefHasher;

/** Web chat tokens: only those this deployment minted are accepted, and the person's id is the token's hash. */
class WebSessionsTest {

    private final WebSessions sessions = new WebSessions(new UserRefHasher("a-secret-of-sixteen+".getBytes(
            StandardCharsets.US_ASCII)), new SecureRandom());

    @Test
    void a_minted_token_is_accepted_and_the_user_id_is_its_sha256() throws Exception {
        String token = sessions.mint();

        assertThat(token).matches("[A-Za-z0-9_-]{22}\\.[0-9a-f]{32}");
        assertThat(sessions.userId(token)).contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.US_ASCII))));
        assertThat(sessions.mint()).isNotEqualTo(token);
    }

    @Test
    void a_made_up_changed_or_foreign_token_is_refused() {
        String token = sessions.mint();
        char last = token.charAt(token.length() - 1);
        String changed = token.substring(0, token.length() - 1) + (last == '0' ? '1' : '0');
        WebSessions other = new WebSessions(new UserRefHasher("another-secret-sixteen".getBytes(
                StandardCharsets.US_ASCII)), new SecureRandom());

        assertThat(sessions.userId(changed)).isEmpty();
        assertThat(sessions.userId("AAAAAAAAAAAAAAAAAAAAAA." + "0".repeat(32))).isEmpty();
        assertThat(sessions.userId(other.mint())).isEmpty();
        assertThat(sessions.userId(null)).isEmpty();
        assertThat(sessions.userId(token + "x")).isEmpty();
    }
}
