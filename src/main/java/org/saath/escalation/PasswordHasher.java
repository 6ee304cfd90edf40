package org.saath.escalation;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Counsellors' passwords, hashed with BCrypt (Spring Security's implementation): a salted, deliberately slow hash
 * with its cost in the stored string, so the cost can be raised later without breaking old hashes. Chosen over
 * Argon2id because it needs no further library (Argon2 would pull in Bouncy Castle, 8 MB) and cost 12 is still
 * within OWASP's recommendation; BCrypt reads only the first 72 bytes, so longer passwords are refused.
 */
public final class PasswordHasher {

    /** BCrypt reads at most this many bytes of a password. */
    public static final int MAX_BYTES = 72;

    private final int cost;
    private final SecureRandom random;
    private final String dummy;

    /** @param cost BCrypt's log2 work factor: 12 in production; tests may use the minimum, 4 */
    public PasswordHasher(int cost, SecureRandom random) {
        this.cost = cost;
        this.random = random;
        this.dummy = BCrypt.hashpw("not a password", BCrypt.gensalt(cost, random));
    }

    public String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(cost, random));
    }

    /** Whether {@code password} matches {@code hash}; with no hash, spends the same time and answers false. */
    public boolean matches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        boolean ok = BCrypt.checkpw(password, hash == null ? dummy : hash);
        return ok && hash != null;
    }
}
