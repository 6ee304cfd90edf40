package org.saath.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store's connection pool (HikariCP) over SQLite or PostgreSQL, chosen by the JDBC URL, with the schema brought
 * up to date by Flyway at open ({@code db/migration} holds the SQL both accept, {@code db/sqlite} and
 * {@code db/postgresql} the few steps whose DDL must differ).
 *
 * <p>Work runs through {@link #read} (one autocommit connection) or {@link #write} (one transaction). SQLite has one
 * writer per file: {@code write} takes an in-process lock before {@code BEGIN IMMEDIATE}, so writers queue on a
 * Java lock instead of SQLite's sleeping busy handler, and readers never wait (WAL). On PostgreSQL transactions run
 * side by side and serialise only where they lock the same rows.
 */
public final class Database implements AutoCloseable {

    /** The SQL dialects the store speaks. */
    public enum Dialect {
        SQLITE, POSTGRESQL
    }

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Sql sql) throws SQLException;
    }

    public static final String SQLITE_FILE = "saath.db";

    private final HikariDataSource pool;
    /** What Flyway reads and migrates through: the pool on SQLite, connections of its own on PostgreSQL. */
    private final DataSource migrating;
    private final Dialect dialect;
    /** The conversations' near-cache (SQLite only): see {@link TurnSnapshots}. */
    private final TurnSnapshots snapshots;
    private final ReentrantLock sqliteWriter = new ReentrantLock();
    /** One checkpoint at a time in this process (see {@link #erasePages}). */
    private final ReentrantLock checkpoints = new ReentrantLock();
    /** Each physical connection's prepared statements; looked up without a lock (every unit of work does). */
    private final Cache<Connection, Map<String, PreparedStatement>> statements =
            Caffeine.newBuilder().weakKeys().build();

    /**
     * Work waiting for the group committer, and who waits for it: for a write its commit, for a read its answer
     * ({@link #readInGroup}).
     */
    private record Pending(Work<?> work, CompletableFuture<Object> done, boolean read) {
    }

    private static final int MAX_GROUP = 64;
    private static final long CHECKPOINT_EVERY_MS = 50;
    /**
     * The WAL's bound: 1 GB of 4 KB pages. A restart holds every commit while SQLite copies the last frames and syncs:
     * 60–135 ms here, measured with a 64 MB bound, where it came about once a second at full load and set the p99 at
     * 64 connections (127 ms, against 40 with no restarts), 15–50 ms since {@link SqliteFlush} flushes the files
     * first; at 1 GB it comes every 15–20 s.
     * A forgotten person's pages never wait for it: {@link #erasePages} empties the WAL at once (or once a reader of
     * an older snapshot is gone).
     */
    static final int WAL_RESTART_FRAMES = 262_144;
    private static final int RESTART_WAIT_MS = 5;
    private static final int RESTART_WAIT_MAX_MS = 80;
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int ERASE_ATTEMPTS = 3;
    private static final int ERASE_WAIT_MS = 200;
    private static final int ERASE_RETRY_MS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private volatile Thread committer;
    private volatile Thread checkpointer;
    /** SQLite: the database file (its WAL is beside it), or null. */
    private final Path sqliteFile;
    private volatile boolean closed;
    /** An erasure whose WAL could not be emptied yet ({@link #erasePages}). */
    private volatile boolean erasePending;
    /**
     * When the checkpointer last tried a pending erasure (its thread alone reads and sets it); a second back at first,
     * so the first retry is not delayed: {@code System.nanoTime}'s origin is arbitrary, even negative.
     */
    private long lastEraseTry = System.nanoTime() - ERASE_RETRY_MS * 1_000_000L;
    /** How long the next WAL restart waits for readers (the checkpointer's thread alone reads and sets it). */
    private int restartWaitMs = RESTART_WAIT_MS;

    private Database(HikariDataSource pool, DataSource migrating, Dialect dialect, Path sqliteFile) {
        this.pool = pool;
        this.migrating = migrating;
        this.dialect = dialect;
        this.sqliteFile = sqliteFile;
        this.snapshots = dialect == Dialect.SQLITE ? TurnSnapshots.inMemory() : TurnSnapshots.NONE;
    }

    /** The embedded default: {@code saath.db} in the data folder. */
    public static String sqliteUrl(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE).toAbsolutePath();
    }

    public static Dialect dialectOf(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return Dialect.SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRESQL;
        }
        throw new IllegalArgumentException("must start with jdbc:sqlite: or jdbc:postgresql:");
    }

    /**
     * Opens the pool and migrates the schema. Fails with a {@link StoreException} when the database cannot be
     * reached or migrated; the message never carries the password.
     */
    public static Database open(String url, String username, String password, int poolSize) {
        return open(url, username, password, poolSize, WAL_RESTART_FRAMES);
    }

    /** As above, with the WAL started over once it holds {@code walRestartFrames} frames (SQLite). */
    static Database open(String url, String username, String password, int poolSize, int walRestartFrames) {
        Dialect dialect = dialectOf(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("saath-store");
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));       // grow under load, do not hold idle connections open
        config.setConnectionTimeout(10_000);
        if (dialect == Dialect.SQLITE) {
            config.setDataSource(sqlite(url));
            config.setMaxLifetime(0);          // a file does not go stale; keep connections and their statements
            config.setIdleTimeout(0);
            config.setConnectionInitSql("PRAGMA wal_autocheckpoint=0");    // the checkpointer thread does it
        } else {
            config.setJdbcUrl(url);
            config.setUsername(username == null || username.isEmpty() ? null : username);
            config.setPassword(password == null || password.isEmpty() ? null : password);
            config.addDataSourceProperty("connectTimeout", "5");
            config.addDataSourceProperty("ApplicationName", "saath");
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect: " + rootMessage(e), e);
        }
        // Flyway holds its lock on one connection while it works on another: on PostgreSQL it gets connections of
        // its own, so that a pool of one (store.pool-size: 1) starts and answers readiness as well
        DataSource migrating = dialect == Dialect.SQLITE ? pool : postgres(url, username, password);
        migrate(pool, migrating, dialect);
        Database db = new Database(pool, migrating, dialect, dialect == Dialect.SQLITE ? sqliteFile(url) : null);
        if (dialect == Dialect.SQLITE) {
            db.startCheckpointer(walRestartFrames);
        }
        return db;
    }

    /**
     * SQLite: copies committed pages from the WAL into the database file on a thread of its own, every
     * {@value #CHECKPOINT_EVERY_MS} ms, instead of in the commit that crossed SQLite's threshold. That commit was the
     * group committer's: every request waiting for the group waited for the copy and its two {@code fsync}s too.
     * {@code PASSIVE}: it never waits for a reader or the writer; what it cannot copy yet, it copies next time.
     *
     * <p>Copying alone never lets the WAL start over under load: the next commit writes from the WAL's start only if
     * the WAL was wholly copied when it began, and the writer appends during every copy (a checkpoint of a few
     * hundred pages takes milliseconds, mostly syncing). The WAL grew by 3 GB in a minute of load, each deleted
     * row's old pages with it. So once it holds {@code walRestartFrames} frames, {@link #restartWal} copies the rest
     * with this process's writers held back, and the next commit starts the WAL again.
     */
    private void startCheckpointer(int walRestartFrames) {
        Thread t = new Thread(() -> {
            while (!closed) {
                try {
                    Thread.sleep(CHECKPOINT_EVERY_MS);
                    int frames;
                    checkpoints.lock();
                    try {
                        frames = read(sql -> sql.one("PRAGMA wal_checkpoint(PASSIVE)", rs -> rs.getInt(2)))
                                .orElse(0);
                    } finally {
                        checkpoints.unlock();
                    }
                    if (frames >= walRestartFrames) {
                        restartWal();
                    }
                    retryErasure();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (!closed) {
                        LOG.warn("a WAL checkpoint failed: {}", e.toString());
                    }
                }
            }
        }, "saath-checkpoint");
        t.setDaemon(true);
        t.start();
        checkpointer = t;
    }

    /**
     * Flushes both files first ({@link SqliteFlush}), then copies what the passive checkpoints left with this
     * process's writers held back, and waits for readers of an older snapshot to finish ({@code RESTART}), so that the
     * next commit writes the WAL from its start. Those readers take microseconds, but SQLite's busy handler waits for
     * them in sleeps of 1, 2, 5, 10… ms and, with readers overlapping on one read mark, once waited out the
     * connection's whole 10 s timeout with every commit held. Here it waits {@value #RESTART_WAIT_MS} ms at first;
     * each restart that could not finish (a reader descheduled on a busy machine) doubles the wait for the next
     * round, up to {@value #RESTART_WAIT_MAX_MS} ms, and one that finishes sets it back. Package-private for the test
     * that restarts the WAL when it chooses.
     */
    void restartWal() {
        SqliteFlush.flush(sqliteFile);
        sqliteWriter.lock();
        checkpoints.lock();
        try {
            boolean busy = checkpointBusy("RESTART", restartWaitMs);
            restartWaitMs = busy ? Math.min(restartWaitMs * 2, RESTART_WAIT_MAX_MS) : RESTART_WAIT_MS;
        } finally {
            checkpoints.unlock();
            sqliteWriter.unlock();
        }
    }

    private static Path sqliteFile(String url) {
        return Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", ""));
    }

    private static DataSource sqlite(String url) {
        Path file = sqliteFile(url);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the data folder " + file.getParent(), e);
        }
        try {   // every conversation is in these files: owner-only, as the keys beside them
            OwnerOnlyFiles.createOrRestrict(file);
            for (String suffix : List.of("-wal", "-shm")) {
                OwnerOnlyFiles.restrict(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (IOException e) {
            LOG.warn("could not make {} readable by its owner only: {}", file, e.toString());
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL); // WAL: a commit survives kill -9, not power loss
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setCacheSize(-32_768);            // 32 MiB of pages per connection: random-key indexes stay in memory
        config.enforceForeignKeys(true);
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true"); // deleted rows are zeroed, not left in free pages
        // nothing here reads generated keys; left on, the driver matches every statement against a regular expression
        // and runs "SELECT last_insert_rowid()" in a new statement after every INSERT (a tenth of the committer's time)
        config.setGetGeneratedKeys(false);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }

    /** Plain connections to PostgreSQL, opened as asked and closed by the caller: for the migration alone. */
    private static DataSource postgres(String url, String username, String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        if (username != null && !username.isEmpty()) {
            source.setUser(username);
        }
        if (password != null && !password.isEmpty()) {
            source.setPassword(password);
        }
        source.setConnectTimeout(5);
        source.setApplicationName("saath");
        return source;
    }

    private static void migrate(HikariDataSource pool, DataSource migrating, Dialect dialect) {
        try {
            Flyway flyway = flyway(migrating, dialect, false);
            // branches number their steps apart (the console's V30 landed before the store's V6-V7_1): a store
            // that has a later step but lacks an earlier one gets it, out of order, instead of refusing to start
            boolean lacksEarlierSteps = Arrays.stream(flyway.info().all())
                    .anyMatch(step -> step.getState() == MigrationState.IGNORED);
            (lacksEarlierSteps ? flyway(migrating, dialect, true) : flyway).migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("database migration failed: " + rootMessage(e), e);
        }
    }

    private static Flyway flyway(DataSource source, Dialect dialect, boolean outOfOrder) {
        return Flyway.configure().dataSource(source)
                .locations("classpath:db/migration", "classpath:db/" + dialect.name().toLowerCase())
                .outOfOrder(outOfOrder).load();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage()).replaceAll("(?i)password=[^&\\s]*", "password=***");
    }

    public Dialect dialect() {
        return dialect;
    }

    /** What each person's last turn left, on SQLite; shared by every reader of this store in the process. */
    TurnSnapshots snapshots() {
        return snapshots;
    }

    /**
     * Migrations in the jar (the shared ones and this dialect's) that the store has not applied: none after a good
     * open. Another node of a newer version may have added steps this one does not know; those do not count.
     */
    public int pendingMigrations() {
        try {
            return flyway(migrating, dialect, false).info().pending().length;
        } catch (RuntimeException e) {
            throw new StoreException("reading the schema history failed: " + rootMessage(e), e);
        }
    }

    /** The pool itself, for tools that need a plain {@link DataSource}. */
    public DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} on an autocommit connection (each statement its own transaction). */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(sql(c));
        } catch (SQLException e) {
            throw new StoreException("reading the store failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T write(Work<T> work) {
        try (Transaction tx = begin()) {
            T result = work.run(tx.sql());
            tx.commit();
            return result;
        } catch (SQLException e) {
            throw new StoreException("writing the store failed: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a transaction for a longer unit of work; the caller commits it, and closing an uncommitted one rolls it
     * back. On SQLite it holds the file's one write slot until then.
     */
    public Transaction begin() throws SQLException {
        if (dialect == Dialect.SQLITE) {
            sqliteWriter.lock();
        }
        Connection c = null;
        try {
            c = pool.getConnection();
            Sql sql = sql(c);
            if (dialect == Dialect.SQLITE) {
                sql.execute("BEGIN IMMEDIATE");     // autocommit stays on: sqlite-jdbc would re-begin after commit
            } else {
                c.setAutoCommit(false);
            }
            return new Transaction(c, sql);
        } catch (SQLException | RuntimeException e) {
            if (c != null) {
                c.close();
            }
            if (dialect == Dialect.SQLITE) {
                sqliteWriter.unlock();
            }
            throw e;
        }
    }

    /**
     * SQLite only: moves the WAL into the database file (whose deleted pages {@code secure_delete} has zeroed) and
     * empties the WAL, so that deleted rows leave no copy behind. Taken with the write slot, so no writer of this
     * process is in the way, and with the checkpoint lock, so the checkpointer is not either: SQLite runs one
     * checkpoint at a time and answers another with "busy" at once, which left the WAL as it was.
     *
     * <p>A reader still in an older snapshot keeps the WAL from being emptied, and every commit waits while this
     * waits for it: each try waits {@value #ERASE_WAIT_MS} ms at most (it was the connection's 10 s busy timeout,
     * three times over). If the WAL still cannot be emptied, the checkpointer tries again about every
     * {@value #ERASE_RETRY_MS} ms until it can: the deleted words stay in the WAL only as long as that reader lasts.
     */
    public void erasePages() {
        if (dialect != Dialect.SQLITE) {
            return;
        }
        erasePending = true;
        if (!truncateWal(ERASE_ATTEMPTS)) {
            LOG.warn("the WAL could not be emptied after deleting rows (a reader in the way): tried again shortly");
        }
    }

    /** An erasure that could not empty the WAL, tried again by the checkpointer (one try, now and then). */
    private void retryErasure() {
        long now = System.nanoTime();
        if (erasePending && now - lastEraseTry >= ERASE_RETRY_MS * 1_000_000L) {
            lastEraseTry = now;
            if (truncateWal(1)) {
                LOG.info("the WAL was emptied after deleting rows, on a later try");
            }
        }
    }

    /**
     * One checkpoint of {@code mode} that waits for readers at most {@code waitMs} ms (SQLite's busy handler), then
     * the connection's usual timeout again: whether it stayed busy.
     */
    private boolean checkpointBusy(String mode, int waitMs) {
        return read(sql -> {
            sql.execute("PRAGMA busy_timeout=" + waitMs);
            try {
                return sql.one("PRAGMA wal_checkpoint(" + mode + ")", rs -> rs.getInt(1) != 0).orElse(true);
            } finally {
                sql.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
            }
        });
    }

    /** {@code TRUNCATE} with the writers held back: whether the WAL is empty now (then no erasure is pending). */
    private boolean truncateWal(int attempts) {
        sqliteWriter.lock();
        checkpoints.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                if (!checkpointBusy("TRUNCATE", ERASE_WAIT_MS)) {
                    erasePending = false;
                    return true;
                }
                if (attempt == attempts) {
                    return false;
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            checkpoints.unlock();
            sqliteWriter.unlock();
        }
    }

    /**
     * SQLite only: runs {@code work} in the next group commit and returns once it is committed (or throws when it
     * failed, in which case nothing of it was written). One committer thread takes whatever work is waiting, runs
     * each piece under its own savepoint (a failing piece is rolled back alone) and commits them together: one
     * write of the shared pages for many turns, each caller answered only after its commit.
     */
    public void commitInGroup(Work<?> work) {
        if (dialect != Dialect.SQLITE) {
            write(work);
            return;
        }
        handToCommitter(work, false, "writing");
    }

    /**
     * Runs {@code work} as {@link #read} does, on SQLite on the group committer's connection between two commits.
     * Every connection keeps its own cache of the file's pages, and SQLite drops it all at a connection's next read
     * once another connection has committed: under load the committer commits many times a second, so a read on
     * any other connection found its cache gone and read every page again from the file (115 µs of CPU for a turn's
     * first read against 33 µs with the pages at hand). The committer's own connection wrote those pages: its cache
     * stays. For a read that does not depend on another conversation's uncommitted writes: it runs outside the
     * committer's transactions, before the writes handed over with it.
     */
    @SuppressWarnings("unchecked")
    public <T> T readInGroup(Work<T> work) {
        if (dialect != Dialect.SQLITE) {
            return read(work);
        }
        return (T) handToCommitter(work, true, "reading");
    }

    private Object handToCommitter(Work<?> work, boolean read, String doing) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        pending.add(new Pending(work, done, read));
        if (closed) {
            failWaiting();              // the committer is gone, or will be before it takes this
        } else {
            startCommitter();           // the first, or one in place of a committer that stopped
        }
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreException se) {
                throw se;
            }
            throw new StoreException(doing + " the store failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void startCommitter() {
        if (committer == null) {
            synchronized (this) {
                if (committer == null && !closed) {
                    Thread t = new Thread(this::commitGroups, "saath-group-commit");
                    t.setDaemon(true);
                    t.start();
                    committer = t;
                }
            }
        }
    }

    /**
     * The committer's thread. It ends when the store closes (what still waits is failed, not left to wait forever),
     * or when an {@link Error} escapes a piece of work: the group it was writing is failed and another committer
     * takes what waits.
     */
    private void commitGroups() {
        try {
            commitGroupsUntilClosed();
        } catch (Error e) {
            LOG.error("the group committer stopped: {}", e.toString());
            throw e;
        } finally {
            synchronized (this) {
                committer = null;
            }
            if (closed) {
                failWaiting();
            } else {
                startCommitter();
            }
        }
    }

    /** Fails the work still waiting for a group commit: the store is closing. */
    private void failWaiting() {
        List<Pending> left = new ArrayList<>();
        pending.drainTo(left);
        failUnfinished(left);
    }

    private void commitGroupsUntilClosed() {
        List<Pending> group = new ArrayList<>();
        while (!closed) {
            try {
                Pending first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                pending.drainTo(group, MAX_GROUP - 1);
                readGroup(group);
                commitGroup(group.stream().filter(p -> !p.read()).toList());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                failUnfinished(group);
                group.clear();
            }
        }
    }

    /**
     * Fails whatever of {@code group} is neither committed nor failed (the committer was interrupted: the store is
     * closing; or it stopped). Only then is an exception made: one per group, not one per turn, and none when all
     * went through.
     */
    private void failUnfinished(List<Pending> group) {
        List<Pending> unfinished = group.stream().filter(p -> !p.done().isDone()).toList();
        if (!unfinished.isEmpty()) {
            StoreException failed = new StoreException(closed ? "the store closed"
                    : "the group committer stopped before this was committed", null);
            unfinished.forEach(p -> p.done().completeExceptionally(failed));
        }
    }

    /**
     * Answers the reads of {@code group} on one connection, each statement its own read transaction: most often the
     * connection the last commit wrote through, which the pool gives back to the thread that used it last.
     */
    private void readGroup(List<Pending> group) {
        if (group.stream().noneMatch(Pending::read)) {
            return;
        }
        try (Connection c = pool.getConnection()) {
            Sql sql = sql(c);
            for (Pending p : group) {
                if (p.read()) {
                    try {
                        p.done().complete(p.work().run(sql));
                    } catch (SQLException | RuntimeException e) {
                        p.done().completeExceptionally(e instanceof StoreException ? e
                                : new StoreException("reading the store failed: " + e.getMessage(), e));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            StoreException failed = new StoreException("reading the store failed: " + e.getMessage(), e);
            group.stream().filter(Pending::read).forEach(p -> p.done().completeExceptionally(failed));
        }
    }

    private void commitGroup(List<Pending> group) {
        if (group.isEmpty()) {
            return;
        }
        List<Pending> done = new ArrayList<>();
        try (Transaction tx = begin()) {
            for (Pending p : group) {
                tx.sql().execute("SAVEPOINT unit");
                try {
                    p.work().run(tx.sql());
                    tx.sql().execute("RELEASE unit");
                    done.add(p);
                } catch (SQLException | RuntimeException e) {
                    tx.sql().execute("ROLLBACK TO unit");
                    tx.sql().execute("RELEASE unit");
                    p.done().completeExceptionally(e instanceof StoreException ? e
                            : new StoreException("writing the store failed: " + e.getMessage(), e));
                }
            }
            tx.commit();
            done.forEach(p -> p.done().complete(null));
        } catch (SQLException | RuntimeException e) {
            StoreException failed = new StoreException("committing a group of turns failed: " + e.getMessage(), e);
            done.forEach(p -> p.done().completeExceptionally(failed));
            group.forEach(p -> p.done().completeExceptionally(failed));
        }
    }

    private Sql sql(Connection c) throws SQLException {
        Connection physical = c.unwrap(Connection.class);
        // statements are prepared on the physical connection, so that the pool does not close them on return
        return new Sql(physical, statements.get(physical, k -> new HashMap<>()), dialect);
    }

    @Override
    public void close() {
        closed = true;
        Thread c = committer;
        if (c != null) {
            c.interrupt();
        }
        Thread k = checkpointer;
        if (k != null) {
            k.interrupt();
            try {
                k.join(2_000);              // a checkpoint under way ends before its connection is closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pool.close();
        failWaiting();          // whatever no committer will take now
    }

    /** One open transaction on one connection. */
    public final class Transaction implements AutoCloseable {

        private final Connection connection;
        private final Sql sql;
        private boolean done;

        private Transaction(Connection connection, Sql sql) {
            this.connection = connection;
            this.sql = sql;
        }

        public Sql sql() {
            return sql;
        }

        public void commit() throws SQLException {
            if (dialect == Dialect.SQLITE) {
                sql.execute("COMMIT");
            } else {
                connection.commit();
            }
            done = true;
        }

        /**
         * Rolls back; a connection that cannot even roll back is taken out of the pool (closing it ends whatever
         * transaction it was in), so that it never hands a half-open transaction to the next unit of work.
         */
        private void rollback() throws SQLException {
            try {
                if (dialect == Dialect.SQLITE) {
                    rollbackSqlite();
                } else {
                    connection.rollback();
                }
            } catch (SQLException | RuntimeException e) {
                statements.invalidate(connection.unwrap(Connection.class));
                pool.evictConnection(connection);
                throw e;
            }
        }

        /** SQLite may have rolled back on its own (a failed COMMIT, an I/O error); then there is nothing to undo. */
        private void rollbackSqlite() throws SQLException {
            try {
                sql.execute("ROLLBACK");
            } catch (SQLException e) {
                if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                    throw e;
                }
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                if (!done) {
                    rollback();
                }
            } finally {
                try {
                    connection.close();
                } finally {
                    if (dialect == Dialect.SQLITE) {
                        sqliteWriter.unlock();
                    }
                }
            }
        }
    }
}
