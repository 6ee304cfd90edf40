package org.saath.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Components;
import org.saath.Sqlite;
import org.saath.TestComponents;
import org.saath.channel.InboundMessage;
import org.saath.privacy.SecretFile;
import org.saath.privacy.UserRefHasher;
import org.saath.store.ImpactStore;

/**
 * The impact counts hold no person: after a whole conversation the counts are there and nothing in them points to
 * the person or repeats what they wrote; after "delete my data" and after retention has deleted everything, the
 * counts are all still there.
 */
class ImpactSurvivesForgettingTest {

    private static final String USER = "+923215550123";

    @TempDir
    Path dir;

    @Test
    void counts_stay_after_delete_my_data_and_retention_and_hold_nothing_of_the_person() {
        Path data = dir.resolve("data");
        Components components = TestComponents.components(data, TestComponents.PK_NIGHT);
        String[] messages = {"hi", "my uncle rashid keeps touching me", "i want to kill myself tonight", "yes"};
        for (int i = 0; i < messages.length; i++) {
            components.turns().handle(new InboundMessage("whatsapp", USER, "w-" + i, messages[i],
                    Optional.of("PK"), Optional.of(USER)));
        }
        components.ops().impact().flush();
        String userRef = new UserRefHasher(SecretFile.loadOrCreate(data)).hash("whatsapp", USER);
        String conversation = Sqlite.strings(data, "SELECT id FROM conversations").get(0);
        String escalation = Sqlite.strings(data, "SELECT id FROM escalations").get(0);
        List<String> before = impactRows(data);

        assertThat(before).isNotEmpty();
        assertThat(String.join("\n", before)).doesNotContain(userRef, conversation, escalation, "3215550123",
                "rashid", "touching", "kill", "w-1");
        assertThat(totalTurns(components)).isEqualTo(4);

        components.turns().handle(new InboundMessage("whatsapp", USER, "w-9", "delete my data", Optional.of("PK"),
                Optional.of(USER)));
        components.ops().impact().flush();
        components.retention(Clock.offset(Clock.fixed(TestComponents.PK_NIGHT, ZoneOffset.UTC), Duration.ofDays(100)))
                .run();

        assertThat(Sqlite.count(data, "conversations") + Sqlite.count(data, "turns")
                + Sqlite.count(data, "escalations")).isZero();
        assertThat(impactRows(data)).containsAll(before.stream().filter(r -> r.startsWith("impact_escalations"))
                .toList());
        // next to the ending kept of the deleted escalation (id, partner, actor, time), an escalation count keeps
        // nothing of the person: no country, language, topic or risk to give back
        assertThat(Sqlite.strings(data, "SELECT country || language || topic || risk FROM impact_escalations"))
                .isNotEmpty().containsOnly("");
        assertThat(totalTurns(components)).isEqualTo(5);
    }

    private static long totalTurns(Components components) {
        LocalDate day = LocalDate.ofInstant(TestComponents.PK_NIGHT, ZoneOffset.UTC);
        return (Long) ImpactReport.build(new ImpactStore(components.database()), day, day, 1, Optional.empty())
                .views().get("totals").rows().get(0).get("turns");
    }

    /** Every row of every impact table, each column's value joined. */
    private static List<String> impactRows(Path data) {
        return java.util.stream.Stream.of("impact_turns", "impact_escalations", "impact_waits")
                .flatMap(table -> Sqlite.strings(data, "SELECT '" + table + "|' || "
                        + String.join(" || '|' || ", columns(data, table)) + " FROM " + table).stream())
                .toList();
    }

    private static List<String> columns(Path data, String table) {
        return Sqlite.strings(data, "SELECT name FROM pragma_table_info('" + table + "')");
    }
}
