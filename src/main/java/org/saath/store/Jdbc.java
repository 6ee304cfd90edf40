package org.saath.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Small statements of the console's stores: one connection, one prepared statement, parameters in order. */
final class Jdbc {

    /** Reads one row into a value. */
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    int update(String what, String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(what + " failed", e);
        }
    }

    <T> List<T> query(String what, String sql, Row<T> row, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params);
             ResultSet rs = s.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(what + " failed", e);
        }
    }

    /** Whether an insert went in; false when it broke a unique or primary key (someone was first). */
    boolean insertUnique(String what, String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw new StoreException(what + " failed", e);
        }
    }

    /** SQLite reports a constraint as error 19 (SQLITE_CONSTRAINT); PostgreSQL as SQLState 23505. */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState()) || e.getErrorCode() == 19
                || String.valueOf(e.getMessage()).contains("UNIQUE constraint failed");
    }

    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                s.setNull(i + 1, Types.VARCHAR); // every nullable column of these stores is text
            } else {
                s.setObject(i + 1, params[i]);
            }
        }
        return s;
    }
}
