package org.saath.escalation;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.saath.store.CounsellorStore;

/**
 * Counsellors as people: each has an own login at one partner (added and disabled by the partner's administrator
 * with {@code saath counsellors}), signs in to the console with a password kept only as a BCrypt hash, and gets a
 * short-lived session token kept only as a SHA-256. Disabling a counsellor ends their sessions at once. The
 * partner's API key keeps working for the partner's own systems.
 */
public final class Counsellors {

    /** How long a console sign-in lasts: one shift. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(8);
    /** How long an event-stream token may wait to be used; the stream then lives as long as the session. */
    public static final Duration STREAM_TOKEN_LIFETIME = Duration.ofMinutes(2);
    private static final String LOGIN = "[a-z0-9][a-z0-9._-]{2,63}";

    /** A new counsellor, and their password when it was generated (shown once, never stored). */
    public record Added(CounsellorStore.Counsellor counsellor, Optional<String> generatedPassword) {
    }

    /** A sign-in: the session token (given to the browser only), who it is, and when it ends. */
    public record Session(String token, Caller caller, Instant expiresAt) {
    }

    private final CounsellorStore store;
    private final PartnerDirectory partners;
    private final PasswordHasher hasher;
    private final LoginLimiter limiter;
    private final Clock clock;
    private final SecureRandom random;

    public Counsellors(CounsellorStore store, PartnerDirectory partners, PasswordHasher hasher, LoginLimiter limiter,
                       Clock clock, SecureRandom random) {
        this.store = store;
        this.partners = partners;
        this.hasher = hasher;
        this.limiter = limiter;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Adds a counsellor to a partner of this deployment; without a password one is generated and returned once.
     * {@link IllegalArgumentException} for an unknown partner, a bad or taken login, or a weak password.
     */
    public Added add(String partnerId, String login, Optional<String> name, Optional<String> password) {
        Partner partner = partners.byId(partnerId).orElseThrow(() -> new IllegalArgumentException(
                "no partner '" + partnerId + "' in the partners file"));
        String normalised = login(login);
        String secret = password.orElseGet(() -> token(15));
        checkPassword(secret);
        String display = name.map(String::trim).filter(n -> !n.isEmpty()).orElse(normalised);
        CounsellorStore.Counsellor c = new CounsellorStore.Counsellor("c-" + token(9).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "x"), partner.id(), normalised, display.substring(0,
                Math.min(100, display.length())), hasher.hash(secret), null, clock.instant());
        if (!store.add(c)) {
            throw new IllegalArgumentException("login '" + normalised + "' is taken");
        }
        return new Added(c, password.isPresent() ? Optional.empty() : Optional.of(secret));
    }

    /**
     * A login as it is kept (trimmed, in lower case); {@link IllegalArgumentException} when it is not 3-64 of a-z,
     * 0-9, '.', '_', '-'. {@link #add} checks it, and so may a command before it opens (or makes) a store for one.
     */
    public static String login(String typed) {
        String normalised = typed.trim().toLowerCase(Locale.ROOT);
        if (!normalised.matches(LOGIN)) {
            throw new IllegalArgumentException("login must be 3-64 of a-z, 0-9, '.', '_', '-'");
        }
        return normalised;
    }

    /**
     * {@link IllegalArgumentException} for a password shorter than 12 characters, or longer than BCrypt reads
     * ({@value PasswordHasher#MAX_BYTES} bytes): {@link #add} checks it, and so may a command before it opens a store.
     */
    public static void checkPassword(String password) {
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (password.length() < 12 || bytes > PasswordHasher.MAX_BYTES) {
            throw new IllegalArgumentException("password must be 12 characters or more, at most "
                    + PasswordHasher.MAX_BYTES + " bytes");
        }
    }

    /** Disables a counsellor and ends their sessions; false when no active counsellor has this login. */
    public boolean disable(String login) {
        return store.disable(login.trim().toLowerCase(Locale.ROOT), clock.instant());
    }

    public List<CounsellorStore.Counsellor> list(Optional<String> partnerId) {
        return store.list(partnerId);
    }

    /**
     * Signs a counsellor in. {@link SignInRefusedException} for a wrong login or password (the same answer for
     * both, after the same work) or a disabled counsellor; {@link TooManyAttemptsException} after repeated failures.
     */
    public Session signIn(String login, String password, String address) {
        String normalised = login.trim().toLowerCase(Locale.ROOT);
        limiter.attempt(normalised, address).ifPresent(wait -> {
            throw new TooManyAttemptsException(wait);
        });
        Optional<CounsellorStore.Counsellor> found = store.byLogin(normalised);
        boolean ok = hasher.matches(password, found.map(CounsellorStore.Counsellor::passwordHash).orElse(null));
        Optional<Partner> partner = found.flatMap(c -> partners.byId(c.partnerId()));
        if (!ok || !found.get().active() || partner.isEmpty()) {
            throw new SignInRefusedException();         // counted as failed when it started
        }
        limiter.succeeded(normalised, address);
        Instant now = clock.instant();
        store.deleteExpired(now);
        String token = token(32);
        Instant expires = now.plus(SESSION_LIFETIME);
        store.addToken(PartnerDirectory.sha256(token), "session", new CounsellorStore.TokenOwner(partner.get().id(),
                Optional.of(found.get().id()), Optional.empty(), expires), now);
        return new Session(token, Caller.counsellor(partner.get(), found.get()), expires);
    }

    public void signOut(String sessionToken) {
        store.deleteToken(PartnerDirectory.sha256(sessionToken));
    }

    /** Forgets expired sessions and stream tokens (the hourly housekeeping); returns how many. */
    public int deleteExpiredTokens() {
        return store.deleteExpired(clock.instant());
    }

    /** The caller named by {@code Authorization: Bearer <partner API key | counsellor session token>}. */
    public Optional<Caller> byAuthorization(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return partners.byApiKey(token).map(Caller::partnerSystem)
                .or(() -> owner(token, "session").flatMap(this::caller));
    }

    /**
     * A token for one event stream (EventSource cannot send headers), for the session in {@code header} or the
     * partner's system. It must be used within {@link #STREAM_TOKEN_LIFETIME}.
     */
    public Optional<String> streamToken(String header) {
        Optional<Caller> caller = byAuthorization(header);
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        String presented = header.substring(7).trim();
        Optional<String> session = caller.get().actor().startsWith("counsellor:")
                ? Optional.of(PartnerDirectory.sha256(presented)) : Optional.empty();
        String token = token(24);
        Instant now = clock.instant();
        store.addToken(PartnerDirectory.sha256(token), "stream", new CounsellorStore.TokenOwner(
                caller.get().partner().id(), Optional.empty(), session, now.plus(STREAM_TOKEN_LIFETIME)), now);
        return Optional.of(token);
    }

    /** Who may open a stream with this token: its partner, and the session it must stay tied to, if any. */
    public Optional<CounsellorStore.TokenOwner> streamOwner(String token) {
        return owner(token, "stream");
    }

    /** Whether a session (by its SHA-256) is still valid: not expired, signed out, or its counsellor disabled. */
    public boolean sessionValid(String sessionSha256) {
        return store.token(sessionSha256, "session", clock.instant()).isPresent();
    }

    private Optional<CounsellorStore.TokenOwner> owner(String token, String kind) {
        return store.token(PartnerDirectory.sha256(token), kind, clock.instant());
    }

    private Optional<Caller> caller(CounsellorStore.TokenOwner owner) {
        return owner.counsellorId().flatMap(store::byId).filter(CounsellorStore.Counsellor::active)
                .flatMap(c -> partners.byId(owner.partnerId()).map(p -> Caller.counsellor(p, c)));
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
