package org.saath;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.saath.store.Database;

/** Reads a test's SQLite file directly, independently of the store under test. */
public final class Sqlite {

    private Sqlite() {
    }

    public static long count(Path dataDir, String table) {
        return Long.parseLong(strings(dataDir, "SELECT COUNT(*) FROM " + table).get(0));
    }

    public static List<String> strings(Path dataDir, String sql) {
        String url = "jdbc:sqlite:" + dataDir.resolve(Database.SQLITE_FILE).toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
