package org.saath.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The anonymous daily counts behind impact reports ({@code impact_turns}, {@code impact_escalations},
 * {@code impact_waits}): closed values and counts, never a person. Counts are added with an upsert that SQLite and
 * PostgreSQL both accept, so several nodes can add to the same day's cells.
 */
public final class ImpactStore {

    /** One cell of handled messages: a UTC day and hour, and closed values. */
    public record TurnCell(String day, int hour, String channel, String country, String language, String topic,
                           String risk) {
    }

    /** One cell of escalation transitions; {@code partner} is empty when none, {@code actor} saath|partner|person. */
    public record EscalationCell(String day, String country, String language, String topic, String risk,
                                 String partner, String state, String actor) {
    }

    /** One cell of claims: how long an offer waited, as a bucket name. */
    public record WaitCell(String day, String partner, String bucket) {
    }

    /** Messages and conversations started in a cell. */
    public record TurnCount(TurnCell cell, long turns, long conversations) {
    }

    public record EscalationCount(EscalationCell cell, long transitions) {
    }

    public record WaitCount(WaitCell cell, long claims) {
    }

    /** Counts to add in one transaction. */
    public record Batch(List<TurnCount> turns, List<EscalationCount> escalations, List<WaitCount> waits) {
        public boolean isEmpty() {
            return turns.isEmpty() && escalations.isEmpty() && waits.isEmpty();
        }
    }

    private final DataSource dataSource;

    public ImpactStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds every count of {@code batch} to the stored ones, all or nothing. */
    public void add(Batch batch) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                addTurns(c, batch.turns());
                addEscalations(c, batch.escalations());
                addWaits(c, batch.waits());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("adding impact counts failed", e);
        }
    }

    private static void addTurns(Connection c, List<TurnCount> counts) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO impact_turns (day, hour, channel, country, "
                + "language, topic, risk, turns, conversations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (day, hour, channel, country, language, topic, risk) DO UPDATE SET "
                + "turns = impact_turns.turns + excluded.turns, "
                + "conversations = impact_turns.conversations + excluded.conversations")) {
            for (TurnCount t : counts) {
                TurnCell k = t.cell();
                s.setString(1, k.day());
                s.setInt(2, k.hour());
                s.setString(3, k.channel());
                s.setString(4, k.country());
                s.setString(5, k.language());
                s.setString(6, k.topic());
                s.setString(7, k.risk());
                s.setLong(8, t.turns());
                s.setLong(9, t.conversations());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void addEscalations(Connection c, List<EscalationCount> counts) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO impact_escalations (day, country, language, "
                + "topic, risk, partner, state, actor, transitions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (day, country, language, topic, risk, partner, state, actor) DO UPDATE SET "
                + "transitions = impact_escalations.transitions + excluded.transitions")) {
            for (EscalationCount e : counts) {
                EscalationCell k = e.cell();
                s.setString(1, k.day());
                s.setString(2, k.country());
                s.setString(3, k.language());
                s.setString(4, k.topic());
                s.setString(5, k.risk());
                s.setString(6, k.partner());
                s.setString(7, k.state());
                s.setString(8, k.actor());
                s.setLong(9, e.transitions());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void addWaits(Connection c, List<WaitCount> counts) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO impact_waits (day, partner, bucket, claims) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (day, partner, bucket) DO UPDATE SET "
                + "claims = impact_waits.claims + excluded.claims")) {
            for (WaitCount w : counts) {
                s.setString(1, w.cell().day());
                s.setString(2, w.cell().partner());
                s.setString(3, w.cell().bucket());
                s.setLong(4, w.claims());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Message counts from {@code from} (a UTC day) on. */
    public List<TurnCount> turns(LocalDate from) {
        return read("SELECT day, hour, channel, country, language, topic, risk, turns, conversations "
                + "FROM impact_turns WHERE day >= ? ORDER BY day, hour", from, rs -> new TurnCount(new TurnCell(
                rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7)), rs.getLong(8), rs.getLong(9)));
    }

    public List<EscalationCount> escalations(LocalDate from) {
        return read("SELECT day, country, language, topic, risk, partner, state, actor, transitions "
                + "FROM impact_escalations WHERE day >= ? ORDER BY day", from, rs -> new EscalationCount(
                new EscalationCell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), rs.getLong(9)));
    }

    public List<WaitCount> waits(LocalDate from) {
        return read("SELECT day, partner, bucket, claims FROM impact_waits WHERE day >= ? ORDER BY day", from,
                rs -> new WaitCount(new WaitCell(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4)));
    }

    /** Reads one row of a result set. */
    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> read(String sql, LocalDate from, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, from.toString());
            List<T> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading impact counts failed", e);
        }
    }
}
