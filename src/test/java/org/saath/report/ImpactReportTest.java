package org.saath.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.dialogue.TurnOutcome;
import org.saath.nlu.Intent;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;
import org.saath.store.Database;
import org.saath.store.ImpactStore;
import org.saath.store.Transition;

/**
 * The anonymous counts from turns and escalation transitions to a report: cells summed over the period, counts
 * under k shown as "&lt;k" (zero as 0), a partner seeing only its own escalations, waits in buckets, CSV lines, and
 * counts kept in memory while the store cannot take them.
 */
class ImpactReportTest {

    /** 02:00 UTC on 21 November 2026. */
    private static final Instant NIGHT = Instant.parse("2026-11-21T02:10:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-21");

    @TempDir
    Path dir;
    private Database db;

    private ImpactStore store() {
        db = Database.open(Database.sqliteUrl(dir), "", "", 2);
        return new ImpactStore(db);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private static TurnOutcome turn(Intent intent, RiskLevel risk, boolean first, Instant at,
                                    Optional<TurnOutcome.Opened> opened) {
        return new TurnOutcome("whatsapp", "PK", Language.ROMAN_UR, intent, risk, risk, TurnOutcome.Kind.ANSWERED,
                first, 2, opened, at);
    }

    /** An escalation offered at {@code offeredAt}, moving on. */
    private static Transition moved(String to, String partner, String actor, Instant offeredAt, Instant at) {
        return new Transition("offered", to, Optional.of(partner), actor, at, Optional.of(offeredAt));
    }

    @Test
    void small_counts_are_shown_as_under_k_and_the_rest_rounded_to_a_multiple_of_k() {
        ImpactStore store = store();
        ImpactRecorder recorder = new ImpactRecorder(store);
        for (int i = 0; i < 4; i++) {
            recorder.observe(turn(Intent.CRISIS, RiskLevel.HIGH, true, NIGHT, Optional.empty()));
        }
        for (int i = 0; i < 5; i++) {
            recorder.observe(turn(Intent.ANXIETY, RiskLevel.LOW, i == 0, NIGHT.plusSeconds(60), Optional.empty()));
        }
        recorder.flush();

        ImpactReport report = ImpactReport.build(store, DAY.minusDays(2), DAY, 5, Optional.empty());

        assertThat(rows(report, "cells")).containsExactly(
                Map.of("country", "PK", "language", "roman_ur", "topic", "anxiety", "risk", "low", "hour", 2,
                        "turns", 5L, "conversations", "<5"),
                Map.of("country", "PK", "language", "roman_ur", "topic", "crisis", "risk", "high", "hour", 2,
                        "turns", "<5", "conversations", "<5"));
        // 9 turns are shown as 10, 5 conversations as 5: two periods that differ by one message may show the same
        assertThat(rows(report, "totals")).containsExactly(Map.of("turns", 10L, "conversations", 5L,
                "escalations", 0L, "claims", 0L));
        assertThat(rows(report, "by_day")).extracting(r -> r.get("day"), r -> r.get("turns"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-11-19", 0L),
                        org.assertj.core.groups.Tuple.tuple("2026-11-20", 0L),
                        org.assertj.core.groups.Tuple.tuple("2026-11-21", 10L));
        assertThat(rows(report, "by_hour")).hasSize(24);
        assertThat(rows(report, "by_hour").get(2)).containsEntry("turns", 10L);
        assertThat(ImpactReport.build(store, DAY, DAY, 1, Optional.empty()).views().get("cells").rows())
                .extracting(r -> r.get("turns")).containsExactly(5L, 4L); // k = 1: as they are
        recorder.observe(turn(Intent.ANXIETY, RiskLevel.LOW, false, NIGHT.plusSeconds(120), Optional.empty()));
        recorder.flush();
        assertThat(rows(ImpactReport.build(store, DAY.minusDays(2), DAY, 5, Optional.empty()), "totals").get(0))
                .as("one message more: 10 turns, shown as 10").containsEntry("turns", 10L);
        for (int i = 0; i < 3; i++) {
            recorder.observe(turn(Intent.ANXIETY, RiskLevel.LOW, false, NIGHT.plusSeconds(180), Optional.empty()));
        }
        recorder.flush();
        assertThat(rows(ImpactReport.build(store, DAY.minusDays(2), DAY, 5, Optional.empty()), "totals").get(0))
                .as("13 turns").containsEntry("turns", 15L);
    }

    @Test
    void escalations_are_counted_by_state_and_mover_and_a_partner_sees_only_its_own() {
        ImpactStore store = store();
        ImpactRecorder recorder = new ImpactRecorder(store);
        recorder.observe(turn(Intent.CRISIS, RiskLevel.HIGH, true, NIGHT, Optional.of(new TurnOutcome.Opened(
                "offered", Optional.of("partner-a")))));
        recorder.observe(turn(Intent.CRISIS, RiskLevel.HIGH, true, NIGHT, Optional.of(new TurnOutcome.Opened(
                "requested", Optional.empty()))));
        recorder.transitioned(moved("claimed", "partner-a", "counsellor:c-1", NIGHT,
                NIGHT.plus(Duration.ofMinutes(3))));
        recorder.transitioned(moved("resolved", "partner-a", "person", NIGHT, NIGHT.plus(Duration.ofMinutes(30))));
        recorder.transitioned(moved("expired", "partner-b", "lapsed:partner-b", NIGHT,
                NIGHT.plus(Duration.ofMinutes(5))));
        recorder.transitioned(moved("declined", "partner-b", "lapsed:partner-b:counsellor:c-2", NIGHT,
                NIGHT.plus(Duration.ofMinutes(1))));
        recorder.flush();

        ImpactReport all = ImpactReport.build(store, DAY, DAY, 1, Optional.empty());
        ImpactReport partnerA = ImpactReport.build(store, DAY, DAY, 1, Optional.of("partner-a"));

        assertThat(rows(all, "escalations")).containsExactlyInAnyOrder(
                Map.of("partner", "", "state", "requested", "actor", "saath", "transitions", 2L),
                Map.of("partner", "partner-a", "state", "offered", "actor", "saath", "transitions", 1L),
                Map.of("partner", "partner-a", "state", "claimed", "actor", "partner", "transitions", 1L),
                Map.of("partner", "partner-a", "state", "resolved", "actor", "person", "transitions", 1L),
                Map.of("partner", "partner-b", "state", "expired", "actor", "saath", "transitions", 1L),
                Map.of("partner", "partner-b", "state", "declined", "actor", "partner", "transitions", 1L));
        assertThat(rows(all, "totals").get(0)).containsEntry("escalations", 2L).containsEntry("claims", 1L);
        assertThat(rows(partnerA, "escalations")).containsExactly(
                Map.of("state", "claimed", "actor", "partner", "transitions", 1L),
                Map.of("state", "offered", "actor", "saath", "transitions", 1L),
                Map.of("state", "resolved", "actor", "person", "transitions", 1L));
        assertThat(rows(partnerA, "totals").get(0)).containsEntry("escalations", 1L);
        assertThat(rows(partnerA, "time_to_human")).extracting(r -> r.get("bucket") + "=" + r.get("claims"))
                .containsExactly("under_1m=0", "1m_5m=1", "5m_15m=0", "15m_1h=0", "1h_4h=0", "over_4h=0");
        assertThat(rows(partnerA, "by_day").get(0)).containsEntry("turns", 2L);
    }

    /**
     * A report reaches the whole days before today: today's counts, which grow message by message, are in none, so
     * asking again a minute later shows nothing new.
     */
    @Test
    void a_report_of_the_last_days_holds_whole_past_days_and_never_today() {
        ImpactStore store = store();
        ImpactRecorder recorder = new ImpactRecorder(store);
        for (int i = 0; i < 6; i++) {
            recorder.observe(turn(Intent.ANXIETY, RiskLevel.LOW, true, NIGHT.minus(Duration.ofDays(1)),
                    Optional.empty()));
        }
        recorder.observe(turn(Intent.CRISIS, RiskLevel.HIGH, true, NIGHT, Optional.empty()));
        recorder.flush();

        ImpactReport report = ImpactReport.lastDays(store, 2, DAY, 5, Optional.empty());

        assertThat(report.from()).isEqualTo(DAY.minusDays(2));
        assertThat(report.to()).isEqualTo(DAY.minusDays(1));
        assertThat(rows(report, "by_day")).extracting(r -> r.get("day") + "=" + r.get("turns"))
                .containsExactly("2026-11-19=0", "2026-11-20=5");
        assertThat(rows(report, "cells")).extracting(r -> r.get("topic")).containsExactly("anxiety");
        assertThat(rows(ImpactReport.lastDays(store, 1, DAY.plusDays(1), 5, Optional.empty()), "cells"))
                .as("tomorrow, today is a whole past day").extracting(r -> r.get("topic")).containsExactly("crisis");
    }

    @Test
    void csv_has_one_line_per_figure_with_every_dimension_column() {
        ImpactStore store = store();
        ImpactRecorder recorder = new ImpactRecorder(store);
        recorder.observe(turn(Intent.CRISIS, RiskLevel.HIGH, true, NIGHT, Optional.empty()));
        recorder.flush();

        List<String> lines = ImpactReport.build(store, DAY, DAY, 5, Optional.empty()).csv().lines().toList();

        assertThat(lines.get(0)).isEqualTo("view,day,hour,channel,country,language,topic,risk,partner,state,actor,"
                + "bucket,measure,value");
        assertThat(lines).contains("totals,,,,,,,,,,,,turns,<5", "by_day,2026-11-21,,,,,,,,,,,turns,<5",
                "cells,,2,,PK,roman_ur,crisis,high,,,,,turns,<5", "time_to_human,,,,,,,,,,,under_1m,claims,0",
                "by_channel,,,whatsapp,,,,,,,,,conversations,<5");
        assertThat(lines).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(14));
    }

    @Test
    void counts_the_store_cannot_take_stay_for_the_next_flush() {
        ImpactStore store = store();
        ImpactRecorder recorder = new ImpactRecorder(store);
        recorder.observe(turn(Intent.CRISIS, RiskLevel.HIGH, true, NIGHT, Optional.empty()));
        db.write(sql -> sql.update("ALTER TABLE impact_turns RENAME TO impact_turns_away"));

        recorder.flush();   // the table is gone: kept
        db.write(sql -> sql.update("ALTER TABLE impact_turns_away RENAME TO impact_turns"));
        recorder.flush();
        recorder.flush();   // nothing left to add: not added twice

        assertThat(rows(ImpactReport.build(store, DAY, DAY, 1, Optional.empty()), "totals").get(0))
                .containsEntry("turns", 1L);
    }

    private static List<Map<String, Object>> rows(ImpactReport report, String view) {
        return report.views().get(view).rows();
    }
}
