package org.saath.store;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The anonymous daily counts behind impact reports ({@code impact_turns}, {@code impact_escalations},
 * {@code impact_waits}): closed values and counts, never a person. Counts are added with an upsert that SQLite and
 * PostgreSQL both accept ({@code INSERT … ON CONFLICT … DO UPDATE}), so several nodes can add to the same day's
 * cells; the table definitions are shared by both dialects ({@code db/migration/V60__impact_counts.sql}).
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

    private final Database db;

    public ImpactStore(Database db) {
        this.db = db;
    }

    /**
     * Adds every count of {@code batch} to the stored ones, all or nothing. Cells are written in one fixed order, so
     * that two nodes adding to the same cells on PostgreSQL lock them in the same order and never deadlock.
     */
    public void add(Batch batch) {
        db.write(sql -> {
            for (TurnCount t : sorted(batch.turns(), TurnCount::cell)) {
                TurnCell k = t.cell();
                sql.update("INSERT INTO impact_turns (day, hour, channel, country, language, topic, risk, turns, "
                        + "conversations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (day, hour, channel, country, language, topic, risk) DO UPDATE SET "
                        + "turns = impact_turns.turns + excluded.turns, "
                        + "conversations = impact_turns.conversations + excluded.conversations", k.day(), k.hour(),
                        k.channel(), k.country(), k.language(), k.topic(), k.risk(), t.turns(), t.conversations());
            }
            for (EscalationCount e : sorted(batch.escalations(), EscalationCount::cell)) {
                EscalationCell k = e.cell();
                sql.update("INSERT INTO impact_escalations (day, country, language, topic, risk, partner, state, "
                        + "actor, transitions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (day, country, language, topic, risk, partner, state, actor) DO UPDATE SET "
                        + "transitions = impact_escalations.transitions + excluded.transitions", k.day(), k.country(),
                        k.language(), k.topic(), k.risk(), k.partner(), k.state(), k.actor(), e.transitions());
            }
            for (WaitCount w : sorted(batch.waits(), WaitCount::cell)) {
                sql.update("INSERT INTO impact_waits (day, partner, bucket, claims) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (day, partner, bucket) DO UPDATE SET "
                        + "claims = impact_waits.claims + excluded.claims", w.cell().day(), w.cell().partner(),
                        w.cell().bucket(), w.claims());
            }
            return null;
        });
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

    private static <T> List<T> sorted(List<T> counts, Function<T, Record> cell) {
        return counts.stream().sorted(Comparator.comparing(c -> cell.apply(c).toString())).toList();
    }

    private <T> List<T> read(String sql, LocalDate from, Sql.Row<T> row) {
        return db.read(s -> s.list(sql, row, from.toString()));
    }
}
