package org.saath;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.saath.config.SaathConfig;

/**
 * The stores the store-level tests run against: the embedded SQLite default and a real PostgreSQL
 * ({@link PostgresServer}). A PostgreSQL test where none can run is skipped with the reason, never passed silently.
 */
public final class TestStores {

    /** A user-id secret for configurations that share a store (required with PostgreSQL). */
    public static final String SHARED_SECRET = "c2FhdGgtdGVzdC1zZWNyZXQtMDEyMzQ1Njc4OQ==";
    /** An address key (AES-256) for configurations that share a store (required with PostgreSQL). */
    public static final String SHARED_ADDRESS_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    /** Which store a test runs on. */
    public enum Kind {
        SQLITE, POSTGRESQL
    }

    private TestStores() {
    }

    /**
     * A fresh store of this kind: SQLite in {@code dataDir}, or a new PostgreSQL database (the test is skipped,
     * with the reason, where PostgreSQL cannot run). With one pooled connection: a unit of work that read on a second
     * connection while holding its own would wait for itself here and fail, where a real pool starves only under
     * load.
     */
    public static SaathConfig.Store fresh(Kind kind, Path dataDir, String name) {
        return new SaathConfig.Store(kind == Kind.SQLITE ? "" : postgres(name), "", "", 1);
    }

    /** A new PostgreSQL database's URL; skips the calling test (with the reason) where PostgreSQL cannot run. */
    public static String postgres(String name) {
        PostgresServer server = PostgresServer.shared();
        server.unavailable().ifPresent(reason -> System.err.println("SKIPPED PostgreSQL test " + name + ": " + reason));
        Assumptions.assumeTrue(server.unavailable().isEmpty(), () -> server.unavailable().orElse(""));
        return server.newDatabase(name);
    }

    /** {@code config} on this store (with the shared user-id secret and address key, which PostgreSQL requires). */
    public static SaathConfig on(SaathConfig config, SaathConfig.Store store) {
        return config.withUserIdSecret(SHARED_SECRET).withAddressKey(SHARED_ADDRESS_KEY).withStore(store);
    }

    /** Where tests keep SQLite files for a kind that has none. */
    public static Path dataDir(Path dir) {
        return dir.resolve("data");
    }
}
