package org.saath.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flushes a SQLite database file and its WAL to the disk while commits go on, before a WAL restart
 * ({@link Database#restartWal}). SQLite syncs the database file only at a checkpoint that copies the whole WAL, which
 * under load only the restart does, and the restart holds every commit: its {@code fsync} wrote out every page the
 * passive checkpoints had copied since the last one (55–75 ms of it, strace; 60–135 ms held in all, 15–50 ms with the
 * files flushed first, measured with a 64 MB bound). A file that cannot be flushed is left to SQLite's own sync.
 *
 * <p>The database file is opened once per process and never closed: closing any descriptor of a file drops every
 * POSIX lock the process holds on it, and SQLite keeps a read lock on the file while a connection is open, the sign
 * by which another process knows it is not alone. Opened and closed at each restart, it left the server holding no
 * lock: an operator's {@code sqlite3} found itself alone at its close and deleted the WAL the server was writing to
 * ({@code DatabaseTest}). The WAL is opened and closed each time: SQLite never locks it (its locks are on the
 * shared-memory file).
 */
final class SqliteFlush {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteFlush.class);
    private static final ConcurrentMap<Path, FileChannel> DATABASE_FILES = new ConcurrentHashMap<>();

    private SqliteFlush() {
    }

    /** Flushes {@code database} and its WAL; one that cannot be flushed is logged and passed over. */
    static void flush(Path database) {
        try {
            DATABASE_FILES.computeIfAbsent(database.toAbsolutePath(), SqliteFlush::open).force(false);
            try (FileChannel wal = FileChannel.open(database.resolveSibling(database.getFileName() + "-wal"),
                    StandardOpenOption.WRITE)) {
                wal.force(false);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("could not flush {} before a WAL restart: {}", database.getFileName(), e.toString());
        }
    }

    private static FileChannel open(Path database) {
        try {
            return FileChannel.open(database, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
