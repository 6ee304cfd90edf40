package org.saath.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.TestStores;
import org.saath.config.ConfigException;
import org.saath.config.SaathConfig;

/** The pool and its transactions on SQLite, and how a bad store setting stops the start. */
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
