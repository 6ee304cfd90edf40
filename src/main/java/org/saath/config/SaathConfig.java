package org.saath.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The immutable configuration tree, validated at start: a bad value stops the start with a message naming the
 * key. File keys are kebab-case ({@code default-country}); see {@code src/main/resources/saath.yaml}.
 */
public record SaathConfig(Server server, String dataDir, String modelsDir, String defaultCountry, String rulesFile,
                          String partnersFile, Admin admin, Privacy privacy, Nlu nlu, Dialogue dialogue,
                          Callback callback, Limits limits, Console console, Store store, Hub hub,
                          ChannelsConfig channels, Metrics metrics, Health health, Logging logging,
                          Report report) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public SaathConfig {
        require(server != null, "server", "is missing");
        require(dataDir != null && !dataDir.isBlank(), "data-dir", "must be a folder path");
        require(modelsDir != null && !modelsDir.isBlank(), "models-dir", "must be a folder path");
        require(defaultCountry != null && COUNTRIES.contains(defaultCountry), "default-country",
                "must be an ISO 3166 alpha-2 code, was '" + defaultCountry + "'");
        require(admin != null, "admin", "is missing");
        require(callback != null, "callback", "is missing");
        require(privacy != null, "privacy", "is missing");
        require(nlu != null, "nlu", "is missing");
        require(dialogue != null, "dialogue", "is missing");
        require(metrics != null, "metrics", "is missing");
        require(health != null, "health", "is missing");
        require(logging != null, "logging", "is missing");
        require(report != null, "report", "is missing");
        require(limits != null, "limits", "is missing");
        require(console != null, "console", "is missing");
        channels = channels == null ? ChannelsConfig.none() : channels;
        require(store != null, "store", "is missing");
        require(hub != null, "hub", "is missing");
        require(!store.shared() || privacy.userIdSecret() != null && !privacy.userIdSecret().isEmpty(),
                "privacy.user-id-secret", "is required when store.url is PostgreSQL: every node must hash user ids "
                        + "with the same secret (base64 of at least 16 bytes)");
        require(!store.shared() || privacy.addressKey() != null && !privacy.addressKey().isEmpty(),
                "privacy.address-key", "is required when store.url is PostgreSQL: every node must open the addresses "
                        + "the others sealed (base64 of a 16, 24 or 32 byte AES key)");
    }

    /** The store's JDBC URL: {@code store.url}, or SQLite in the data folder when it is empty. */
    public String storeUrl() {
        return store.url() == null || store.url().isEmpty()
                ? "jdbc:sqlite:" + java.nio.file.Path.of(dataDir).resolve("saath.db").toAbsolutePath() : store.url();
    }

    /**
     * HTTP server settings. {@code trustedProxies}: the addresses of the deployment's own reverse proxies, whose
     * {@code X-Forwarded-For} names the client for the per-address limits ({@code web.ClientAddress}).
     */
    public record Server(int port, int maxBodyBytes, List<String> trustedProxies) {
        public Server {
            require(port >= 0 && port <= 65535, "server.port", "must be 0-65535, was " + port);
            require(maxBodyBytes >= 256 && maxBodyBytes <= 1 << 20, "server.max-body-bytes",
                    "must be 256-1048576, was " + maxBodyBytes);
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
            for (String proxy : trustedProxies) {
                require(IpAddresses.canonical(proxy).isPresent(), "server.trusted-proxies",
                        "must list IP addresses, was '" + proxy + "'");
            }
        }
    }

    /** Admin API: {@code POST /admin/reload} needs {@code Authorization: Bearer <token>}; empty disables it. */
    public record Admin(String token) {
        public Admin {
            require(token == null || token.isEmpty() || token.length() >= 16, "admin.token",
                    "must be at least 16 characters, or empty to disable the admin API");
        }

        public boolean enabled() {
            return token != null && !token.isEmpty();
        }
    }

    /**
     * Where the generic JSON channel's messages that are not direct replies go (a counsellor's words, status
     * notes), signed like partner webhooks; empty = only {@code GET /v1/messages}.
     */
    public record Callback(String url, String secret) {
        public Callback {
            require(url == null || url.isEmpty() || url.startsWith("http"), "callback.url", "must be an http(s) URL");
            require(url == null || url.isEmpty() || secret != null && secret.length() >= 16, "callback.secret",
                    "must be at least 16 characters when callback.url is set");
        }

        public boolean enabled() {
            return url != null && !url.isEmpty();
        }
    }

    /**
     * Privacy settings. An empty secret or key means "generate one and keep it in the data folder";
     * {@code addressKey} (base64 of a 16, 24 or 32-byte AES key) encrypts the channel addresses kept for replies.
     */
    public record Privacy(String userIdSecret, Duration retention, String addressKey) {
        public Privacy {
            require(userIdSecret == null || userIdSecret.isEmpty() || userIdSecret.length() >= 24,
                    "privacy.user-id-secret", "must be base64 of at least 16 bytes, or empty");
            addressKey = addressKey == null ? "" : addressKey;
            require(addressKey.isEmpty() || aesKeyLength(addressKey), "privacy.address-key",
                    "must be base64 of a 16, 24 or 32-byte key, or empty to generate <data-dir>/address-key.key");
            require(retention != null && !retention.isNegative() && !retention.isZero(), "privacy.retention",
                    "must be a positive ISO-8601 duration such as P90D, was " + retention);
        }
    }

    /**
     * Where state lives: empty {@code url} = SQLite in the data folder (one node); {@code jdbc:postgresql://…} for
     * several nodes sharing one database. Credentials may also be in the URL.
     */
    public record Store(String url, String username, String password, int poolSize) {
        public Store {
            require(url == null || url.isEmpty() || url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:postgresql:"),
                    "store.url", "must be empty (SQLite in data-dir), jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB, "
                            + "was '" + String.valueOf(url).replaceAll("(?i)password=[^&]*", "password=***") + "'");
            require(poolSize >= 1 && poolSize <= 200, "store.pool-size", "must be 1-200, was " + poolSize);
        }

        /** Whether several nodes may share this store (PostgreSQL). */
        public boolean shared() {
            return url != null && url.startsWith("jdbc:postgresql:");
        }
    }

    /** NLU settings. */
    public record Nlu(double minConfidence) {
        public Nlu {
            require(minConfidence >= 0 && minConfidence < 1, "nlu.min-confidence",
                    "must be in [0, 1), was " + minConfidence);
        }
    }

    /**
     * Dialogue settings: how long a conversation's peak risk and its topic (abuse, blackmail…) are remembered, and
     * how many lines a reply carries.
     */
    public record Dialogue(Duration riskMemory, int maxHelplines, Duration topicMemory) {
        public Dialogue {
            require(riskMemory != null && !riskMemory.isNegative() && !riskMemory.isZero(), "dialogue.risk-memory",
                    "must be a positive ISO-8601 duration such as PT24H, was " + riskMemory);
            require(topicMemory != null && !topicMemory.isNegative() && !topicMemory.isZero(),
                    "dialogue.topic-memory", "must be a positive ISO-8601 duration such as PT12H, was " + topicMemory);
            require(maxHelplines >= 1 && maxHelplines <= 10, "dialogue.max-helplines",
                    "must be 1-10, was " + maxHelplines);
        }
    }

    /**
     * Prometheus metrics at {@code GET /metrics}: off = 404; with a token, only {@code Authorization: Bearer <token>}
     * may read them.
     */
    public record Metrics(boolean enabled, String token) {
        public Metrics {
            require(token == null || token.isEmpty() || token.length() >= 16, "metrics.token",
                    "must be at least 16 characters, or empty for metrics without a token");
        }

        public boolean tokenRequired() {
            return token != null && !token.isEmpty();
        }
    }

    /** {@code GET /health/ready}: the outbox counts as stuck when a due delivery has waited longer than this. */
    public record Health(Duration outboxStuckAfter) {
        public Health {
            require(outboxStuckAfter != null && !outboxStuckAfter.isNegative() && !outboxStuckAfter.isZero(),
                    "health.outbox-stuck-after", "must be a positive ISO-8601 duration such as PT5M, was "
                            + outboxStuckAfter);
        }
    }

    /** Log format on stderr: {@code text} for people, {@code json} (one object a line) for log collectors. */
    public record Logging(String format) {
        public Logging {
            require("text".equals(format) || "json".equals(format), "logging.format",
                    "must be text or json, was '" + format + "'");
        }

        public boolean json() {
            return "json".equals(format);
        }
    }

    /** Impact reports: a count under {@code minCount} is shown as "&lt;minCount", never as itself. */
    public record Report(int minCount) {
        public Report {
            require(minCount >= 1 && minCount <= 1000, "report.min-count", "must be 1-1000, was " + minCount);
        }
    }

    /**
     * Limits on what one sender can cost everyone else. None of them withholds a crisis reply: a message at risk
     * {@code high} or above is answered even over the message limit, and over the escalation limit the person
     * still gets the crisis reply and its lines, only no new escalation.
     */
    public record Limits(int messagesPerMinute, int escalationsPerSender, Duration escalationWindow,
                         int streamsPerKey) {
        public Limits {
            require(messagesPerMinute >= 1 && messagesPerMinute <= 10_000, "limits.messages-per-minute",
                    "must be 1-10000, was " + messagesPerMinute);
            require(escalationsPerSender >= 1 && escalationsPerSender <= 1000, "limits.escalations-per-sender",
                    "must be 1-1000, was " + escalationsPerSender);
            require(escalationWindow != null && !escalationWindow.isNegative() && !escalationWindow.isZero(),
                    "limits.escalation-window", "must be a positive ISO-8601 duration such as PT24H, was "
                            + escalationWindow);
            require(streamsPerKey >= 1 && streamsPerKey <= 1000, "limits.streams-per-key",
                    "must be 1-1000, was " + streamsPerKey);
        }
    }

    private static boolean aesKeyLength(String base64) {
        try {
            int length = java.util.Base64.getDecoder().decode(base64).length;
            return length == 16 || length == 24 || length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The counsellor console: BCrypt's work factor for counsellors' passwords (each step doubles the work; 12 takes
     * about 0.2 s a check on one core; below 10 only for tests).
     */
    public record Console(int passwordCost) {
        public Console {
            require(passwordCost >= 4 && passwordCost <= 16, "console.password-cost",
                    "must be 4-16 (12 recommended), was " + passwordCost);
        }
    }

    /**
     * The public help hub ({@code /help}) and directory API ({@code /v1/helplines}, {@code /v1/topics},
     * {@code /v1/countries}): the origins that may show the hub in a frame (none by default: it cannot be framed),
     * and how many directory API requests one client address may make a minute (the hub's pages are never limited:
     * people behind one carrier address must always reach the numbers).
     */
    public record Hub(List<String> frameAncestors, int requestsPerMinute) {

        /** {@code https://partner.example}, {@code https://*.partner.example:8443} or {@code 'self'}. */
        private static final Pattern ORIGIN = Pattern.compile("'self'|https?://(\\*\\.)?"
                + "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?");

        public Hub {
            List<String> origins = frameAncestors == null ? List.of() : frameAncestors;
            for (String origin : origins) {
                require(origin != null && ORIGIN.matcher(origin).matches(), "hub.frame-ancestors",
                        "must list origins such as https://partner.example (scheme, host, optional port), was '"
                                + origin + "'");
            }
            frameAncestors = List.copyOf(origins);
            require(requestsPerMinute >= 1 && requestsPerMinute <= 100_000, "hub.requests-per-minute",
                    "must be 1-100000, was " + requestsPerMinute);
        }
    }

    public SaathConfig withChannels(ChannelsConfig value) {
        return with(c -> c.channels = value);
    }

    public SaathConfig withTrustedProxies(List<String> proxies) {
        return with(c -> c.server = new Server(server.port(), server.maxBodyBytes(), proxies));
    }

    public SaathConfig withPasswordCost(int cost) {
        return with(c -> c.console = new Console(cost));
    }

    public SaathConfig withPort(int port) {
        return with(c -> c.server = new Server(port, server.maxBodyBytes(), server.trustedProxies()));
    }

    public SaathConfig withDataDir(String dir) {
        return with(c -> c.dataDir = dir);
    }

    /**
     * A copy on its own SQLite file in {@code dir}, whatever {@code store.url} names: for what must never write into
     * a deployment's store (a replay, the training gate, a chat in the terminal).
     */
    public SaathConfig withOwnStore(String dir) {
        return with(c -> {
            c.dataDir = dir;
            c.store = new Store("", store.username(), store.password(), store.poolSize());
        });
    }

    public SaathConfig withAdminToken(String token) {
        return with(c -> c.admin = new Admin(token));
    }

    public SaathConfig withRulesFile(String file) {
        return with(c -> c.rulesFile = file);
    }

    public SaathConfig withCallback(String url, String secret) {
        return with(c -> c.callback = new Callback(url, secret));
    }

    public SaathConfig withPartnersFile(String file) {
        return with(c -> c.partnersFile = file);
    }

    public SaathConfig withLimits(Limits value) {
        return with(c -> c.limits = value);
    }

    public SaathConfig withStore(Store value) {
        return with(c -> c.store = value);
    }

    public SaathConfig withUserIdSecret(String secret) {
        return with(c -> c.privacy = new Privacy(secret, privacy.retention(), privacy.addressKey()));
    }

    public SaathConfig withAddressKey(String key) {
        return with(c -> c.privacy = new Privacy(privacy.userIdSecret(), privacy.retention(), key));
    }

    public SaathConfig withMetrics(Metrics value) {
        return with(c -> c.metrics = value);
    }

    public SaathConfig withHealth(Health value) {
        return with(c -> c.health = value);
    }

    public SaathConfig withHub(Hub value) {
        return with(c -> c.hub = value);
    }

    /** A copy with {@code change} made to its parts, validated as any configuration is. */
    private SaathConfig with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The parts of a configuration while a copy is being changed: every {@code with…} goes through it. */
    private static final class Copy {
        Server server;
        String dataDir;
        String modelsDir;
        String defaultCountry;
        String rulesFile;
        String partnersFile;
        Admin admin;
        Privacy privacy;
        Nlu nlu;
        Dialogue dialogue;
        Callback callback;
        Limits limits;
        Console console;
        Store store;
        Hub hub;
        ChannelsConfig channels;
        Metrics metrics;
        Health health;
        Logging logging;
        Report report;

        Copy(SaathConfig from) {
            server = from.server;
            dataDir = from.dataDir;
            modelsDir = from.modelsDir;
            defaultCountry = from.defaultCountry;
            rulesFile = from.rulesFile;
            partnersFile = from.partnersFile;
            admin = from.admin;
            privacy = from.privacy;
            nlu = from.nlu;
            dialogue = from.dialogue;
            callback = from.callback;
            limits = from.limits;
            console = from.console;
            store = from.store;
            hub = from.hub;
            channels = from.channels;
            metrics = from.metrics;
            health = from.health;
            logging = from.logging;
            report = from.report;
        }

        SaathConfig build() {
            return new SaathConfig(server, dataDir, modelsDir, defaultCountry, rulesFile, partnersFile, admin, privacy,
                    nlu, dialogue, callback, limits, console, store, hub, channels, metrics, health, logging, report);
        }
    }

    private static void require(boolean condition, String key, String message) {
        if (!condition) {
            throw new ConfigException(key + " " + message);
        }
    }
}
