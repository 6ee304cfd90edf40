package org.saath.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.TestStores;
import org.saath.config.ConfigException;
import org.saath.config.SaathConfig;

/** The pool and its transactions on SQLite, migrations, and how a bad store setting stops the start. */
class DatabaseTest {

    @TempDir
    Path dir;

    /** A pragma's result left open made SQLite refuse every later commit on that pooled connection. */
    @Test
    void a_statement_with_a_result_never_blocks_a_later_commit_on_the_same_connection() {
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "", 1)) {
            for (int i = 0; i < 3; i++) {
                db.erasePages();
                int n = i;
                db.write(sql -> sql.update("INSERT INTO partner_load (partner_id, held) VALUES (?, 0)", "p-" + n));
            }
            Optional<Integer> rows = db.read(sql -> sql.one("SELECT COUNT(*) FROM partner_load", rs -> rs.getInt(1)));
            assertThat(rows).contains(3);
        }
    }

    @Test
    void a_failed_unit_of_work_leaves_the_connection_usable() {
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "", 1)) {
            assertThatThrownBy(() -> db.write(sql -> sql.update("INSERT INTO no_such_table VALUES (1)")))
                    .isInstanceOf(StoreException.class);
            db.write(sql -> sql.update("INSERT INTO partner_load (partner_id, held) VALUES ('p', 0)"));
            Optional<Integer> rows = db.read(sql -> sql.one("SELECT COUNT(*) FROM partner_load", rs -> rs.getInt(1)));
            assertThat(rows).contains(1);
        }
    }

    /** Forty turns committed together while one of them fails: that one is refused alone, the rest are written. */
    @Test
    void a_failing_piece_of_a_group_commit_is_rolled_back_alone() throws Exception {
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "", 4)) {
            db.write(sql -> sql.update("INSERT INTO partner_load (partner_id, held) VALUES ('taken', 0)"));
            ExecutorService pool = Executors.newFixedThreadPool(40);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = i == 17 ? "taken" : "p-" + i;
                results.add(pool.submit(() -> {
                    try {
                        db.commitInGroup(sql -> sql.update("INSERT INTO partner_load (partner_id, held) VALUES (?, 1)",
                                id));
                        return "committed";
                    } catch (StoreException e) {
                        return "refused";
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            pool.shutdown();

            assertThat(outcomes).filteredOn("refused"::equals).hasSize(1);
            assertThat(outcomes.get(17)).isEqualTo("refused");
            Optional<Integer> rows = db.read(sql -> sql.one("SELECT COUNT(*) FROM partner_load WHERE held = 1",
                    rs -> rs.getInt(1)));
            assertThat(rows).contains(39);
        }
    }

    /**
     * The console work landed first, so a store made by it holds V1–V5 and V30 but none of V6–V7_1: opening it with
     * everything must apply the missing steps rather than refuse to start (Flyway's out-of-order mode), and leave one
     * console token table.
     */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_store_made_before_the_store_work_but_after_the_console_work_is_brought_up_to_date(TestStores.Kind kind)
            throws Exception {
        String url = kind == TestStores.Kind.SQLITE ? Database.sqliteUrl(dir) : TestStores.postgres("console_era");
        Files.createDirectories(dir);
        Path consoleEra = Files.createDirectories(dir.resolve("console-era"));
        try (Stream<Path> steps = Files.list(migrations())) {
            for (Path step : steps.filter(p -> p.getFileName().toString().matches("V([1-5]|30)__.*\\.sql"))
                    .toList()) {
                Files.copy(step, consoleEra.resolve(step.getFileName()));
            }
        }
        Flyway.configure().dataSource(url, null, null).locations("filesystem:" + consoleEra).load().migrate();

        try (Database db = Database.open(url, "", "", 2)) {
            List<String> versions = db.read(sql -> sql.list("SELECT version FROM flyway_schema_history "
                    + "WHERE success = " + (kind == TestStores.Kind.SQLITE ? "1" : "true") + " ORDER BY installed_rank",
                    rs -> rs.getString(1)));
            assertThat(versions).startsWith("1", "2", "3", "4", "5", "30").contains("6", "7");
            db.write(sql -> sql.update("INSERT INTO console_tokens (token_sha256, kind, partner_id, expires_at, "
                    + "created_at) VALUES ('t', 'stream', 'p', '2026-11-21T10:00:00.000000000Z', "
                    + "'2026-11-21T10:00:00.000000000Z')"));
            assertThatThrownBy(() -> db.read(sql -> sql.one("SELECT COUNT(*) FROM stream_tokens",
                    rs -> rs.getInt(1)))).isInstanceOf(StoreException.class);
        }
        try (Database again = Database.open(url, "", "", 2)) {
            Optional<Integer> tokens = again.read(sql -> sql.one("SELECT COUNT(*) FROM console_tokens",
                    rs -> rs.getInt(1)));
            assertThat(tokens).as("the upgraded store opens again").contains(1);
        }
    }

    private static Path migrations() throws URISyntaxException {
        return Path.of(DatabaseTest.class.getResource("/db/migration").toURI());
    }

    @Test
    void an_unknown_kind_of_store_url_is_refused_naming_the_key() {
        assertThatThrownBy(() -> TestComponents.config(dir).withStore(new SaathConfig.Store("jdbc:mysql://db/x", "",
                "", 8))).isInstanceOf(ConfigException.class).hasMessageStartingWith("store.url ");
    }

    @Test
    void a_store_nobody_answers_at_stops_the_start_naming_the_key_and_never_the_password() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SaathConfig config = TestStores.on(TestComponents.config(dir), new SaathConfig.Store(
                "jdbc:postgresql://127.0.0.1:" + closed + "/saath?password=hunter2", "", "", 2));

        assertThatThrownBy(() -> Components.database(config)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("store.url jdbc:postgresql://127.0.0.1:" + closed)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void postgresql_without_a_shared_user_id_secret_is_refused_naming_the_key() {
        SaathConfig config = TestComponents.config(dir);
        assertThatThrownBy(() -> config.withUserIdSecret("").withStore(new SaathConfig.Store(
                "jdbc:postgresql://127.0.0.1/saath", "", "", 2)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("privacy.user-id-secret ");
    }
}
