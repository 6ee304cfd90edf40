package org.saath.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pooled connection as the store's code sees it: parameterised statements, prepared once per physical connection
 * and reused (SQLite has no statement cache of its own, and preparing is a large part of a short query's cost).
 * Parameters may be {@code String}, {@code Integer}, {@code Long}, {@code Double}, {@code Boolean}, {@link Instant}
 * (stored as {@link Times#format}) or {@code null}. Not thread-safe: one unit of work at a time.
 */
public final class Sql {

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> statements;
    private final Database.Dialect dialect;

    Sql(Connection connection, Map<String, PreparedStatement> statements, Database.Dialect dialect) {
        this.connection = connection;
        this.statements = statements;
        this.dialect = dialect;
    }

    public Database.Dialect dialect() {
        return dialect;
    }

    /** Runs an insert, update or delete; returns the number of rows changed. */
    public int update(String sql, Object... params) throws SQLException {
        return prepare(sql, params).executeUpdate();
    }

    public <T> List<T> list(String sql, Row<T> row, Object... params) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet rs = prepare(sql, params).executeQuery()) {
            while (rs.next()) {
                out.add(row.read(rs));
            }
        }
        return out;
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... params) throws SQLException {
        try (ResultSet rs = prepare(sql, params).executeQuery()) {
            return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
        }
    }

    /**
     * Runs a statement whose result, if any, is not needed (locks, pragmas). A result is closed at once: SQLite
     * counts a statement with an open result as still running, and then refuses to commit.
     */
    public void execute(String sql, Object... params) throws SQLException {
        PreparedStatement s = prepare(sql, params);
        if (s.execute()) {
            s.getResultSet().close();
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null || s.isClosed()) {
            s = connection.prepareStatement(sql);
            statements.put(sql, s);
        }
        s.clearParameters();
        for (int i = 0; i < params.length; i++) {
            bind(s, i + 1, params[i]);
        }
        return s;
    }

    private static void bind(PreparedStatement s, int index, Object value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.NULL);
        } else if (value instanceof String v) {
            s.setString(index, v);
        } else if (value instanceof Integer v) {
            s.setInt(index, v);
        } else if (value instanceof Long v) {
            s.setLong(index, v);
        } else if (value instanceof Double v) {
            s.setDouble(index, v);
        } else if (value instanceof Boolean v) {
            s.setBoolean(index, v);
        } else if (value instanceof Instant v) {
            s.setString(index, Times.format(v));
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
        }
    }
}
