package org.saath;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

import io.javalin.Javalin;
import org.saath.config.ConfigLoader;
import org.saath.config.SaathConfig;
import org.saath.nlu.Analyser;

/**
 * Real components for tests: the committed model and lexicon, the real rules, helplines and templates, and a
 * SQLite file in a temporary folder. The analyser is loaded once per test JVM (it is immutable and thread-safe).
 */
public final class TestComponents {

    /** 14:00 in Karachi on a Saturday: DRF's helpline (09:00–17:00) is open. */
    public static final Instant PK_AFTERNOON = Instant.parse("2026-11-21T09:00:00Z");
    /** 02:00 in Karachi: DRF is closed, Umang (24/7) is open. */
    public static final Instant PK_NIGHT = Instant.parse("2026-11-20T21:00:00Z");

    private static final class Shared {
        static final SaathConfig CONFIG = ConfigLoader.load(Optional.empty());
        static final Analyser ANALYSER = Components.analyser(CONFIG);
    }

    private TestComponents() {
    }

    public static SaathConfig config(Path dataDir) {
        // BCrypt's minimum cost keeps sign-ins in tests fast; production uses console.password-cost (12)
        return Shared.CONFIG.withDataDir(dataDir.toString()).withPort(0).withPasswordCost(4);
    }

    public static Analyser analyser() {
        return Shared.ANALYSER;
    }

    public static Components components(Path dataDir, Instant now) {
        return load(config(dataDir), Shared.ANALYSER, Clock.fixed(now, ZoneOffset.UTC));
    }

    public static Components components(Path dataDir, Clock clock) {
        return load(config(dataDir), Shared.ANALYSER, clock);
    }

    /** {@link Components#load(SaathConfig, Analyser, Clock)}, closed when the test (or class) that loads it ends. */
    public static Components load(SaathConfig config, Analyser analyser, Clock clock) {
        return ClosesComponents.opened(Components.load(config, analyser, clock));
    }

    /** {@link Components#load(SaathConfig, Analyser, Clock, Supplier, String)}: a rule book of the test's own. */
    public static Components load(SaathConfig config, Analyser analyser, Clock clock, Supplier<InputStream> rulesYaml,
                                  String rulesName) {
        return ClosesComponents.opened(Components.load(config, analyser, clock, rulesYaml, rulesName));
    }

    /** {@link Components#load(SaathConfig, Clock)} (its own analyser), closed as {@link #load(SaathConfig, Analyser, Clock)}. */
    public static Components load(SaathConfig config, Clock clock) {
        return ClosesComponents.opened(Components.load(config, clock));
    }

    /**
     * The app on a free port and the system clock, with its data in {@code dir/data} and the partners of
     * {@link TestPartners}, partner A's webhook pointing where nothing answers.
     */
    public static Javalin startWithPartners(Path dir) throws IOException {
        return startWithPartners(dir, Clock.systemUTC());
    }

    /** As {@link #startWithPartners(Path)}, on {@code clock}. */
    public static Javalin startWithPartners(Path dir, Clock clock) throws IOException {
        return App.create(load(config(dir.resolve("data")).withPartnersFile(
                TestPartners.file(dir, "http://127.0.0.1:9/never", "partner-a-webhook-secret").toString()),
                Shared.ANALYSER, clock)).start(0);
    }
}
