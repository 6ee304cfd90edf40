package org.saath.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saath.Concurrently;
import org.saath.TestStores;

/**
 * The anonymous impact counts on a real SQLite file and a real PostgreSQL, migrated by Flyway: two nodes adding to
 * the same day's cells at once end with the sum (the upsert), and a day before the period is left out.
 */
class ImpactStoreTest {

    private static final String DAY = "2026-11-21";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases("impact", 4);

    private static ImpactStore.Batch batch(String day) {
        return new ImpactStore.Batch(
                List.of(new ImpactStore.TurnCount(new ImpactStore.TurnCell(day, 2, "whatsapp", "PK", "roman_ur",
                        "crisis", "high"), 3, 1)),
                List.of(new ImpactStore.EscalationCount(new ImpactStore.EscalationCell(day, "PK", "roman_ur",
                        "crisis", "high", "a-partner-with-a-rather-long-id-of-sixty-four-characters-0123456",
                        "declined", "partner"), 1)),
                List.of(new ImpactStore.WaitCount(new ImpactStore.WaitCell(day, "partner-a", "under_1m"), 2)));
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void two_nodes_adding_to_the_same_cells_at_once_end_with_the_sum(TestStores.Kind kind) throws Exception {
        String url = databases.url(kind);
        ImpactStore nodeA = new ImpactStore(databases.open(url));
        ImpactStore nodeB = new ImpactStore(databases.open(url));
        List<Callable<Void>> adds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ImpactStore node = i % 2 == 0 ? nodeA : nodeB;
            adds.add(() -> {
                node.add(batch(DAY));
                return null;
            });
        }

        Concurrently.runAll(adds);
        nodeA.add(batch("2026-11-19"));

        LocalDate from = LocalDate.parse("2026-11-20");
        assertThat(nodeB.turns(from)).singleElement().satisfies(t -> {
            assertThat(t.cell().day()).isEqualTo(DAY);
            assertThat(t.turns()).isEqualTo(60);
            assertThat(t.conversations()).isEqualTo(20);
        });
        assertThat(nodeB.escalations(from)).singleElement().extracting(ImpactStore.EscalationCount::transitions)
                .isEqualTo(20L);
        assertThat(nodeB.waits(from)).singleElement().extracting(ImpactStore.WaitCount::claims).isEqualTo(40L);
        assertThat(nodeB.turns(LocalDate.parse("2026-11-19"))).hasSize(2);
    }
}
