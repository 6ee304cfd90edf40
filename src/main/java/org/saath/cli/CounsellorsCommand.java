package org.saath.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Ticker;
import org.saath.Components;
import org.saath.config.SaathConfig;
import org.saath.escalation.Counsellors;
import org.saath.escalation.LoginLimiter;
import org.saath.escalation.PasswordHasher;
import org.saath.store.CounsellorStore;
import org.saath.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code saath counsellors add|disable|list}: a partner's administrator manages the people who sign in to the
 * console. Partners come from {@code partners-file}; the password is read from stdin ({@code --password-stdin}) or
 * generated and printed once; only its BCrypt hash is stored. Disabling ends the counsellor's sessions at once.
 */
@Command(name = "counsellors", description = "Add, disable and list the counsellors who sign in to the console.",
        subcommands = {CounsellorsCommand.Add.class, CounsellorsCommand.Disable.class, CounsellorsCommand.List.class})
public final class CounsellorsCommand {

    /** The shared options: configuration (for the partners file) and the data folder. */
    static class Base {
        @Mixin
        ConfigOptions options;

        @Mixin
        DataOptions data;

        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        /**
         * Runs {@code work} with the counsellors of the existing store named by the configuration ({@code
         * store.url}, or the data folder's SQLite file); a folder without one is an error, not a new empty store.
         */
        <T> T withCounsellors(Function<Counsellors, T> work) {
            SaathConfig config = data.apply(options.load());
            try (Database database = data.existingStore(config)) {
                return work.apply(counsellors(config, database));
            }
        }

        /**
         * As {@link #withCounsellors}, for adding one to a partner of the deployment: the first counsellor may come
         * before the service ever ran, so the store is made when it is not there, but only for a known partner (and,
         * checked by the caller first, a login and password the counsellors can take).
         */
        <T> T withNewOrExistingStore(String partner, Function<Counsellors, T> work) {
            SaathConfig config = data.apply(options.load());
            knownPartner(config, partner);
            try (Database database = Components.database(config)) {
                return work.apply(counsellors(config, database));
            }
        }

        /** Refuses a partner that is not in the partners file (the same words as {@link Counsellors#add}). */
        static void knownPartner(SaathConfig config, String partner) {
            if (Components.partners(config).byId(partner).isEmpty()) {
                throw new IllegalArgumentException("no partner '" + partner + "' in the partners file");
            }
        }

        private static Counsellors counsellors(SaathConfig config, Database database) {
            SecureRandom random = new SecureRandom();
            return new Counsellors(new CounsellorStore(database), Components.partners(config),
                    new PasswordHasher(config.console().passwordCost(), random),
                    new LoginLimiter(5, Duration.ofMinutes(15), Ticker.systemTicker()), Clock.systemUTC(), random);
        }
    }

    @Command(name = "add", description = "Add a counsellor to a partner; prints a generated password once.")
    static final class Add extends Base implements Callable<Integer> {
        @Option(names = "--partner", required = true, description = "the partner's id in the partners file")
        String partner;

        @Option(names = "--login", required = true, description = "their sign-in name (a-z, 0-9, . _ -)")
        String login;

        @Option(names = "--name", description = "the name colleagues see (default: the login)")
        String name;

        @Option(names = "--password-stdin", description = "read the password from the first line of stdin")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            Optional<String> password = Optional.empty();
            if (passwordStdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                password = Optional.of(line == null ? "" : line.strip());
            }
            // refused before any store is opened: a bad login or password must not leave a new empty store behind
            Counsellors.login(login);
            password.ifPresent(Counsellors::checkPassword);
            Optional<String> given = password;
            Counsellors.Added added = withNewOrExistingStore(partner,
                    c -> c.add(partner, login, Optional.ofNullable(name), given));
            out.println("added " + added.counsellor().login() + " (" + added.counsellor().id() + ") to "
                    + added.counsellor().partnerId());
            added.generatedPassword().ifPresent(p -> out.println("password (shown once, give it to them privately): "
                    + p));
            return 0;
        }
    }

    @Command(name = "disable", description = "Disable a counsellor and end their sessions.")
    static final class Disable extends Base implements Callable<Integer> {
        @Option(names = "--login", required = true, description = "their sign-in name")
        String login;

        @Override
        public Integer call() {
            if (!withCounsellors(c -> c.disable(login))) {
                throw new IllegalArgumentException("no active counsellor with login '" + login + "'");
            }
            out.println("disabled " + login + "; their sessions have ended");
            return 0;
        }
    }

    @Command(name = "list", description = "List counsellors: id, partner, login, name, status, created.")
    static final class List extends Base implements Callable<Integer> {
        @Option(names = "--partner", description = "only this partner's")
        String partner;

        @Override
        public Integer call() {
            java.util.List<CounsellorStore.Counsellor> listed = withCounsellors(all -> all.list(
                    Optional.ofNullable(partner)));
            if (listed.isEmpty() && partner != null) {
                // a partner taken out of the partners file may still have counsellors to list and disable
                knownPartner(data.apply(options.load()), partner);
            }
            for (CounsellorStore.Counsellor c : listed) {
                out.println(String.join("\t", c.id(), c.partnerId(), c.login(), c.displayName(),
                        c.active() ? "active" : "disabled " + c.disabledAt(), c.createdAt().toString()));
            }
            return 0;
        }
    }
}
