package org.saath.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.TestStores;
import org.saath.config.ConfigException;
import org.saath.config.SaathConfig;

/** The pool and its transactions on SQLite, migrations, and how a bad store setting stops the start. */
class DatabaseTest {

    @TempDir
    Path dir;

    /**
     * Another process that opens the running server's file and closes it again (an operator's {@code sqlite3}, a
     * second {@code saath} command) once the WAL has started over: it must still find the server there, see each
     * write the server acknowledges after its visit, and leave the WAL to the server. The flush before a restart
     * opened and closed the file from Java, and closing any descriptor of a file drops every POSIX lock the process
     * holds on it, SQLite's own included: an {@code sqlite3} run beside a bench server then took the file for its
     * own, copied the WAL in and deleted it, and every later write of the server went into a deleted file (unseen by
     * other processes, lost in a crash). The lock is what this checks ({@code alone}); the visitor here reads through
     * sqlite-jdbc, whose close left the WAL in place even without the lock.
     */
    @Test
    void another_process_visiting_the_file_after_a_wal_restart_sees_every_later_write() throws Exception {
        String url = Database.sqliteUrl(dir);
        String count = "SELECT COUNT(*) FROM probe";
        try (Database db = Database.open(url, "", "", 2, Database.WAL_RESTART_FRAMES)) {
            db.write(sql -> sql.update("CREATE TABLE probe (n INTEGER, pad TEXT)"));
            for (int n = 0; n < 40; n++) {
                insert(db, n);
            }
            db.restartWal();

            assertThat(visit(url, "alone")).as("the file for another process alone").isEqualTo("refused");
            assertThat(visit(url, count)).isEqualTo("40");
            insert(db, 40);                                   // acknowledged after the visit
            assertThat(visit(url, count)).as("the write made after another process came and went").isEqualTo("41");
        }
        try (Database reopened = Database.open(url, "", "", 1)) {
            Optional<Integer> rows = reopened.read(sql -> sql.one(count, rs -> rs.getInt(1)));
            assertThat(rows).contains(41);
        }
    }

    private static void insert(Database db, int n) {
        db.write(sql -> sql.update("INSERT INTO probe (n, pad) VALUES (?, ?)", n, "x".repeat(3_000)));
    }

    /** Runs {@link StoreVisitor} in a child JVM: what another process finds in the file now ({@code what}). */
    private static String visit(String url, String what) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                StoreVisitor.class.getName(), url, what).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        return out;
    }

    /**
     * The store, its WAL and shared-memory file hold every conversation: readable by their owner alone, whatever the
     * umask, and a store made by an earlier build (readable by all) is made owner-only when it is opened.
     */
    @Test
    void the_store_and_its_wal_are_readable_by_their_owner_alone() throws Exception {
        Path file = dir.resolve(Database.SQLITE_FILE);
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "", 1)) {
            db.write(sql -> sql.update("INSERT INTO partner_load (partner_id, held) VALUES ('p', 0)"));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--")); // an earlier build's mode
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "", 1)) {
            db.write(sql -> sql.update("UPDATE partner_load SET held = 1"));
            for (String name : List.of(Database.SQLITE_FILE, Database.SQLITE_FILE + "-wal",
                    Database.SQLITE_FILE + "-shm")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
                        .as(name).isEqualTo("rw-------");
            }
        }
    }

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

    /** Writes or a read handed to the committer of a closed store are refused at once, never left waiting. */
    @Test
    void work_for_the_group_commit_of_a_closed_store_fails_instead_of_waiting() throws Exception {
        Database db = Database.open(Database.sqliteUrl(dir), "", "", 2);
        db.close();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<?> turn = caller.submit(() -> db.commitInGroup(sql -> sql.update(
                    "INSERT INTO partner_load (partner_id, held) VALUES ('late', 0)")));
            Future<?> read = caller.submit(() -> db.readInGroup(sql -> sql.one("SELECT 1", rs -> rs.getInt(1))));
            for (Future<?> refused : List.of(turn, read)) {
                assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class)
                        .hasMessageContaining("the store closed");
            }
        } finally {
            caller.shutdownNow();
        }
    }

    /**
     * An {@link Error} escaping a turn's work stops the committer's thread: that turn is failed, and the next turn gets
     * a new committer and is written. The next turn used to wait forever, the thread gone.
     */
    @Test
    void a_committer_stopped_by_an_error_fails_its_turn_and_the_next_turn_is_still_written() throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "", 2)) {
            Future<?> broken = caller.submit(() -> db.commitInGroup(sql -> {
                throw new AssertionError("a bug in a turn's work");
            }));
            assertThatThrownBy(() -> broken.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class)
                    .hasMessageContaining("committer stopped");

            Future<?> next = caller.submit(() -> db.commitInGroup(sql -> sql.update(
                    "INSERT INTO partner_load (partner_id, held) VALUES ('next', 0)")));
            next.get(30, TimeUnit.SECONDS);
            Optional<Integer> written = db.read(sql -> sql.one(
                    "SELECT COUNT(*) FROM partner_load WHERE partner_id = 'next'", rs -> rs.getInt(1)));
            assertThat(written).contains(1);
        } finally {
            caller.shutdownNow();
        }
    }

    /**
     * A turn waiting behind a group that is still being written when the store closes is told so: the committer
     * used to leave the queue as it was, and the turn's request waited forever.
     */
    @Test
    void work_waiting_for_the_group_commit_when_the_store_closes_fails_instead_of_waiting() throws Exception {
        Database db = Database.open(Database.sqliteUrl(dir), "", "", 2);
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = callers.submit(() -> db.commitInGroup(sql -> {
                writing.countDown();
                try {
                    never.await();                  // until close() interrupts the committer
                } catch (InterruptedException e) {
                    throw new java.sql.SQLException("interrupted");
                }
                return null;
            }));
            writing.await();
            Future<?> second = callers.submit(() -> db.commitInGroup(sql -> sql.update(
                    "INSERT INTO partner_load (partner_id, held) VALUES ('behind', 0)")));
            Thread.sleep(200);                      // most likely queued by now; if not, it arrives after close
            db.close();

            assertThatThrownBy(() -> first.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class);
            assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class)
                    .hasMessageContaining("the store closed");
        } finally {
            callers.shutdownNow();
        }
    }

    /**
     * A megabyte committed (a quarter of SQLite's own checkpoint threshold) reaches the database file within seconds:
     * the checkpointer's thread copies it, since no commit does any more.
     */
    @Test
    void committed_pages_reach_the_database_file_from_the_checkpointer() throws Exception {
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "", 2)) {
            Path file = dir.resolve(Database.SQLITE_FILE);
            long before = Files.size(file);
            db.write(sql -> {
                for (int i = 0; i < 500; i++) {
                    sql.update("INSERT INTO partner_load (partner_id, held) VALUES (?, 0)", i + "x".repeat(2_000));
                }
                return null;
            });
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (Files.size(file) < before + 1_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Files.size(file)).isGreaterThanOrEqualTo(before + 1_000_000);
        }
    }

    /**
     * Erasing pages empties the WAL every time, even while the checkpointer runs: a TRUNCATE meeting its PASSIVE
     * checkpoint returned "busy" and left the deleted rows' copies in the WAL.
     */
    @Test
    void erasing_pages_empties_the_wal_even_while_the_checkpointer_runs() {
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "", 2)) {
            Path wal = dir.resolve(Database.SQLITE_FILE + "-wal");
            for (int i = 0; i < 60; i++) {
                int n = i;
                db.write(sql -> {           // enough pages that a checkpoint of them takes a while
                    for (int row = 0; row < 200; row++) {
                        sql.update("INSERT INTO partner_load (partner_id, held) VALUES (?, 0)",
                                n + "-" + row + "x".repeat(3_000));
                    }
                    return null;
                });
                db.erasePages();
                assertThat(wal).as("after erasing %d", i).satisfies(f -> assertThat(Files.size(f)).isZero());
            }
        }
    }

    /**
     * A reader still in an older snapshot keeps the WAL from being emptied. The erasure no longer waits out the busy
     * timeout with every commit held and then gives up for good: it returns, and the checkpointer empties the WAL
     * once that reader is gone, so the deleted words do not stay in the store's files while later turns are written.
     * (Before: tries of 10 s each, a warning, and the words left in the WAL.)
     */
    @Test
    void an_erasure_a_reader_holds_up_is_finished_once_the_reader_is_gone() throws Exception {
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "", 2)) {
            String words = "forget-me-" + "w".repeat(500);
            try (Connection reader = DriverManager.getConnection(Database.sqliteUrl(dir));
                    Statement s = reader.createStatement()) {
                reader.setAutoCommit(false);
                db.write(sql -> sql.update("INSERT INTO partner_load (partner_id, held) VALUES (?, 0)", words));
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM partner_load")) {
                    assertThat(rs.next()).isTrue();                     // the reader's snapshot holds the words
                }
                db.write(sql -> sql.update("DELETE FROM partner_load WHERE partner_id = ?", words));
                db.erasePages();
                reader.rollback();
            }
            db.write(sql -> sql.update("INSERT INTO partner_load (partner_id, held) VALUES ('a later turn', 0)"));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (storeFilesHold(words) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(storeFilesHold(words)).as("the deleted words in the database file or its WAL").isFalse();
            Optional<Integer> rows = db.read(sql -> sql.one("SELECT COUNT(*) FROM partner_load", rs -> rs.getInt(1)));
            assertThat(rows).contains(1);
        }
    }

    private boolean storeFilesHold(String words) throws IOException {
        for (String name : List.of(Database.SQLITE_FILE, Database.SQLITE_FILE + "-wal")) {
            Path file = dir.resolve(name);
            if (Files.exists(file)
                    && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(words)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Under a steady stream of commits and reads the WAL stays bounded: the checkpointer starts it over once it passes
     * its bound. Copying alone (the bound set out of reach) lets it grow with everything written.
     */
    @Test
    void the_wal_starts_over_under_steady_commits_and_reads() throws Exception {
        int restartFrames = 256;                                        // 1 MB of 4 KB pages
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "", 6, restartFrames)) {
            Path wal = dir.resolve(Database.SQLITE_FILE + "-wal");
            db.write(sql -> sql.update("INSERT INTO partner_load (partner_id, held) VALUES ('read-me', 0)"));
            ExecutorService threads = Executors.newFixedThreadPool(5);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<?>> readers = new ArrayList<>();
            List<Future<?>> writers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(threads.submit(() -> {
                    while (writing.get()) {
                        db.read(sql -> sql.one("SELECT held FROM partner_load WHERE partner_id = 'read-me'",
                                rs -> rs.getInt(1)));
                    }
                }));
            }
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {       // 30 MB of rows, more than 100 MB of WAL frames
                        String id = writer + "-" + i + "x".repeat(3_000);
                        db.commitInGroup(sql -> sql.update(
                                "INSERT INTO partner_load (partner_id, held) VALUES (?, 0)", id));
                    }
                    return null;
                }));
            }
            long largest = 0;
            while (!writers.stream().allMatch(Future::isDone)) {
                largest = Math.max(largest, Files.exists(wal) ? Files.size(wal) : 0);
                Thread.sleep(5);
            }
            writing.set(false);
            for (Future<?> f : writers) {
                f.get();
            }
            for (Future<?> f : readers) {
                f.get();
            }
            threads.shutdown();
            // the bound, and what the writers append while rounds of the checkpointer cannot restart it: on two busy
            // cores that was 65-81 MB in one run of three (3 December); without restarts the same writes grow the WAL
            // past 250 MB, so half of that still tells a WAL that starts over from one that never does
            assertThat(largest).as("largest WAL seen").isLessThan(125_000_000L);
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

    /**
     * A turn's first read, handed to the committer ({@link Database#readInGroup}), sees every commit made before it
     * was asked: forty people each write and then read their own row while the others' writes are committed in
     * groups around them. A read that fails is refused alone, and the reads and writes behind it go on.
     */
    @Test
    void a_read_handed_to_the_committer_sees_what_was_committed_before_it_and_fails_alone() throws Exception {
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "", 4)) {
            ExecutorService pool = Executors.newFixedThreadPool(40);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "p-" + i;
                boolean broken = i == 23;
                results.add(pool.submit(() -> {
                    db.commitInGroup(sql -> sql.update("INSERT INTO partner_load (partner_id, held) VALUES (?, ?)",
                            id, 7));
                    try {
                        return db.readInGroup(sql -> sql.one(broken ? "SELECT held FROM no_such_table"
                                : "SELECT held FROM partner_load WHERE partner_id = ?", rs -> rs.getString(1), id))
                                .orElse("missing");
                    } catch (StoreException e) {
                        return "refused: " + e.getMessage();
                    }
                }));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> f : results) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();

            assertThat(answers.get(23)).startsWith("refused: reading the store failed").contains("no_such_table");
            answers.remove(23);
            assertThat(answers).hasSize(39).containsOnly("7");
            db.commitInGroup(sql -> sql.update("UPDATE partner_load SET held = 8 WHERE partner_id = 'p-1'"));
            Optional<Integer> updated = db.readInGroup(sql -> sql.one(
                    "SELECT held FROM partner_load WHERE partner_id = 'p-1'", rs -> rs.getInt(1)));
            assertThat(updated).contains(8);
        }
    }

    /** An {@link Error} in a read stops the committer as one in a write does: that read fails, the next is answered. */
    @Test
    void a_committer_stopped_by_an_error_in_a_read_fails_that_read_and_answers_the_next() throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "", 2)) {
            Future<?> broken = caller.submit(() -> db.readInGroup(sql -> {
                throw new AssertionError("a bug in a turn's read");
            }));
            assertThatThrownBy(() -> broken.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class)
                    .hasMessageContaining("committer stopped");
            Future<Optional<Integer>> next = caller.submit(() -> db.readInGroup(sql -> sql.one("SELECT 41 + 1",
                    rs -> rs.getInt(1))));
            assertThat(next.get(30, TimeUnit.SECONDS)).contains(42);
        } finally {
            caller.shutdownNow();
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
     * Stores made by earlier builds, by the steps each had. Branches numbered their steps apart: the console work
     * (V30) and the help work (V20) landed before the store work (V6–V7_1, V31, V31_1), and the store work was
     * built without V20.
     */
    enum Era {
        /** main after the console work: V1–V5 and V30. */
        CONSOLE("V([1-5]|30)__.*\\.sql"),
        /** main after the help work: V1–V5, V20 and V30. */
        HELP("V([1-5]|20|30)__.*\\.sql"),
        /** the store work before it met the help work: everything but V20. */
        STORE("V([1-7]|7_1|30|31|31_1)__.*\\.sql");

        private final String steps;

        Era(String steps) {
            this.steps = steps;
        }
    }

    static Stream<Arguments> storesOfEarlierBuilds() {
        return Stream.of(TestStores.Kind.values())
                .flatMap(kind -> Stream.of(Era.values()).map(era -> Arguments.of(kind, era)));
    }

    /**
     * A store made by an earlier build lacks some of today's steps below its newest one: opening it must apply them
     * (Flyway's out-of-order mode) rather than refuse to start, leave one console token table and give conversations
     * the help work's topic and last-reply columns; and the upgraded store opens again.
     */
    @ParameterizedTest
    @MethodSource("storesOfEarlierBuilds")
    void a_store_made_by_an_earlier_build_is_brought_up_to_date(TestStores.Kind kind, Era era) throws Exception {
        String url = kind == TestStores.Kind.SQLITE ? Database.sqliteUrl(dir) : TestStores.postgres("era_" + era);
        Path earlier = Files.createDirectories(dir.resolve("era-" + era));
        for (Path folder : List.of(migrations("migration"), migrations(kind.name().toLowerCase()))) {
            try (Stream<Path> steps = Files.list(folder)) {
                for (Path step : steps.filter(p -> p.getFileName().toString().matches(era.steps)).toList()) {
                    Files.copy(step, earlier.resolve(step.getFileName()));
                }
            }
        }
        Flyway.configure().dataSource(url, null, null).locations("filesystem:" + earlier).load().migrate();

        try (Database db = Database.open(url, "", "", 2)) {
            List<String> versions = db.read(sql -> sql.list("SELECT version FROM flyway_schema_history "
                    + "WHERE success = " + (kind == TestStores.Kind.SQLITE ? "1" : "true") + " ORDER BY installed_rank",
                    rs -> rs.getString(1)));
            assertThat(versions).contains("1", "2", "3", "4", "5", "6", "7", "20", "30", "31");
            db.write(sql -> sql.update("INSERT INTO console_tokens (token_sha256, kind, partner_id, expires_at, "
                    + "created_at) VALUES ('t', 'stream', 'p', '2026-11-21T10:00:00.000000000Z', "
                    + "'2026-11-21T10:00:00.000000000Z')"));
            assertThatThrownBy(() -> db.read(sql -> sql.one("SELECT COUNT(*) FROM stream_tokens",
                    rs -> rs.getInt(1)))).isInstanceOf(StoreException.class);
            Optional<Integer> remembered = db.read(sql -> sql.one("SELECT COUNT(topic) + COUNT(topic_at) "
                    + "+ COUNT(last_reply) FROM conversations", rs -> rs.getInt(1)));
            assertThat(remembered).contains(0);
        }
        try (Database again = Database.open(url, "", "", 2)) {
            Optional<Integer> tokens = again.read(sql -> sql.one("SELECT COUNT(*) FROM console_tokens",
                    rs -> rs.getInt(1)));
            assertThat(tokens).as("the upgraded store opens again").contains(1);
        }
    }

    private static Path migrations(String folder) throws URISyntaxException {
        return Path.of(DatabaseTest.class.getResource("/db/" + folder).toURI());
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

    /** Every node must open the addresses the others sealed: PostgreSQL without a shared address key is refused. */
    @Test
    void postgresql_without_a_shared_address_key_is_refused_naming_the_key() {
        SaathConfig config = TestComponents.config(dir).withUserIdSecret(TestStores.SHARED_SECRET);
        assertThatThrownBy(() -> config.withAddressKey("").withStore(new SaathConfig.Store(
                "jdbc:postgresql://127.0.0.1/saath", "", "", 2)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("privacy.address-key ");
        assertThat(config.withAddressKey(TestStores.SHARED_ADDRESS_KEY).withStore(new SaathConfig.Store(
                "jdbc:postgresql://127.0.0.1/saath", "", "", 2)).privacy().addressKey())
                .isEqualTo(TestStores.SHARED_ADDRESS_KEY);
    }
}
