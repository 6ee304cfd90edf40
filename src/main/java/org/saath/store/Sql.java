package org.saath.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** PostgreSQL's transaction-scoped advisory lock, sent before the statement it guards. */
    private static final String ADVISORY_LOCK = "SELECT pg_advisory_xact_lock(?); ";

    private final Connection connection;
    private final Map<String, PreparedStatement> statements;
    private final Database.Dialect dialect;
    /** The advisory lock the next statement takes first, or null. */
    private Long lockFirst;
    /** While {@link #together} runs: the updates waiting to be sent, and their parameters; null otherwise. */
    private List<String> waitingSql;
    private List<Object> waitingParams;

    Sql(Connection connection, Map<String, PreparedStatement> statements, Database.Dialect dialect) {
        this.connection = connection;
        this.statements = statements;
        this.dialect = dialect;
    }

    public Database.Dialect dialect() {
        return dialect;
    }

    /**
     * PostgreSQL: the next statement of this transaction first takes the advisory lock {@code lockId}
     * ({@code pg_advisory_xact_lock}), in the same round trip. The two are sent as two statements, not one: in READ
     * COMMITTED a statement reads the data as of its own start, so a read joined to the lock in one statement could
     * miss what the lock's previous holder committed while it waited; the second statement starts after the lock is
     * held.
     */
    void lockBeforeNext(long lockId) {
        if (dialect != Database.Dialect.POSTGRESQL) {
            throw new IllegalStateException("advisory locks are PostgreSQL's");
        }
        lockFirst = lockId;
    }

    /** What {@link #update} returns inside {@link #together}, where no statement has run yet. */
    public static final int NOT_YET_RUN = -1;

    /** Writes that need no answer, to be sent as one request: see {@link #together}. */
    @FunctionalInterface
    interface Writes {
        void run() throws SQLException;
    }

    /**
     * PostgreSQL: runs {@code writes}, whose updates are held and then sent as one request of several statements, in
     * order (one round trip instead of one each), after the pending lock if any. Inside, {@link #update} returns
     * {@link #NOT_YET_RUN} and a read throws: only writes whose counts no one reads belong here. A failing statement
     * fails the request, and the transaction with it.
     */
    void together(Writes writes) throws SQLException {
        if (dialect != Database.Dialect.POSTGRESQL || waitingSql != null) {
            throw new IllegalStateException("statements are sent together on PostgreSQL, one group at a time");
        }
        waitingSql = new ArrayList<>();
        waitingParams = new ArrayList<>();
        List<String> sqls;
        Object[] params;
        try {
            writes.run();
        } finally {
            sqls = waitingSql;
            params = waitingParams.toArray();
            waitingSql = null;
            waitingParams = null;
        }
        if (sqls.isEmpty()) {
            return;
        }
        String joined = String.join("; ", sqls);
        if (lockFirst != null) {
            afterLock(joined, params);
        } else {
            prepare(joined, params).execute();      // the driver has run them all, or thrown, when this returns
        }
    }

    /** Runs an insert, update or delete; returns the number of rows changed. */
    public int update(String sql, Object... params) throws SQLException {
        if (waitingSql != null) {
            waitingSql.add(sql);
            waitingParams.addAll(Arrays.asList(params));
            return NOT_YET_RUN;
        }
        if (lockFirst == null) {
            return prepare(sql, params).executeUpdate();
        }
        return afterLock(sql, params).getUpdateCount();
    }

    public <T> List<T> list(String sql, Row<T> row, Object... params) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet rs = query(sql, params)) {
            while (rs.next()) {
                out.add(row.read(rs));
            }
        }
        return out;
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... params) throws SQLException {
        try (ResultSet rs = query(sql, params)) {
            return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
        }
    }

    /**
     * Runs a statement whose result, if any, is not needed (locks, pragmas). A result is closed at once: SQLite
     * counts a statement with an open result as still running, and then refuses to commit.
     */
    public void execute(String sql, Object... params) throws SQLException {
        if (waitingSql != null) {
            throw new IllegalStateException("a statement with a result among writes sent together: " + sql);
        }
        if (lockFirst != null) {
            ResultSet rs = afterLock(sql, params).getResultSet();
            if (rs != null) {
                rs.close();
            }
            return;
        }
        PreparedStatement s = prepare(sql, params);
        if (s.execute()) {
            s.getResultSet().close();
        }
    }

    private ResultSet query(String sql, Object[] params) throws SQLException {
        if (waitingSql != null) {
            throw new IllegalStateException("a read among writes sent together: " + sql);
        }
        if (lockFirst == null) {
            return prepare(sql, params).executeQuery();
        }
        ResultSet rs = afterLock(sql, params).getResultSet();
        if (rs == null) {
            throw new SQLException("no result from a query: " + sql);
        }
        return rs;
    }

    /** Takes the pending lock and runs {@code sql} in one round trip; the statement is left at sql's own result. */
    private PreparedStatement afterLock(String sql, Object[] params) throws SQLException {
        Object[] all = new Object[params.length + 1];
        all[0] = lockFirst;
        System.arraycopy(params, 0, all, 1, params.length);
        PreparedStatement s = prepare(ADVISORY_LOCK + sql, all);
        lockFirst = null;
        s.execute();             // the lock's own result comes first
        s.getMoreResults();      // closes it and moves to sql's result: a result set or an update count
        return s;
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
