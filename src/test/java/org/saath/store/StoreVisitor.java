package org.saath.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Another process looking into a running server's SQLite file, as an operator's {@code sqlite3} or a second
 * {@code saath} command does: it opens the file, runs one query, prints the first column of its first row and
 * closes. Run by tests in a child JVM: only another process shows whether the server still holds its locks.
 *
 * <p>With {@code alone} instead of a query it asks for the lock SQLite takes when it believes no other connection
 * has the file open (at a connection's close, before it copies the WAL into the file and deletes it): a write lock
 * on the bytes every open connection holds a read lock on. It prints {@code refused} when another process holds one,
 * {@code granted} otherwise.
 */
public final class StoreVisitor {

    /** SQLite's shared-lock bytes: 510 from the pending byte at 1 GiB, plus two ({@code os_unix.c}). */
    private static final long SHARED_FIRST = 0x40000000L + 2;
    private static final long SHARED_SIZE = 510;

    private StoreVisitor() {
    }

    /** {@code StoreVisitor <jdbc url> <query>|alone} */
    public static void main(String[] args) throws SQLException, IOException {
        if (args[1].equals("alone")) {
            Path file = Path.of(args[0].substring("jdbc:sqlite:".length()));
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock lock = channel.tryLock(SHARED_FIRST, SHARED_SIZE, false)) {
                System.out.println(lock == null ? "refused" : "granted");
            }
            return;
        }
        try (Connection c = DriverManager.getConnection(args[0]);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(args[1])) {
            System.out.println(rs.next() ? rs.getString(1) : "");
        }
    }
}
