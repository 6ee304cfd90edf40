package org.saath.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Sqlite;
import org.saath.privacy.SealedAddress;

/** Sealed addresses: kept per person, the last time they wrote only moves forward, gone with forget and retention. */
class AddressStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    @TempDir
    Path data;

    @Test
    void an_old_message_redelivered_does_not_move_the_last_time_the_person_wrote_back() {
        AddressStore store = new AddressStore(SqliteDatabase.open(data));

        store.remember("whatsapp", "ref-1", new SealedAddress("a1:first"), T0, T0);
        store.remember("whatsapp", "ref-1", new SealedAddress("a1:second"), T0.minus(Duration.ofDays(3)), T0);

        AddressStore.Kept kept = store.find("whatsapp", "ref-1").orElseThrow();
        assertThat(kept.address().value()).isEqualTo("a1:second");
        assertThat(kept.lastInbound()).isEqualTo(T0);
        assertThat(store.find("telegram", "ref-1")).isEmpty();
    }

    @Test
    void forget_and_retention_remove_addresses_and_forget_queues_the_goodbye_once() {
        DataSource db = SqliteDatabase.open(data);
        AddressStore store = new AddressStore(db);
        JdbcConversationStore conversations = new JdbcConversationStore(db);
        store.remember("whatsapp", "ref-1", new SealedAddress("a1:one"), T0, T0);
        store.remember("whatsapp", "ref-2", new SealedAddress("a1:two"), T0.minus(Duration.ofDays(100)), T0);
        OutboxRow goodbye = new OutboxRow("ob-1", "reply:abc:0", "conv-1", "channel", "whatsapp", "{}", "pending", 0,
                T0, T0);

        conversations.forget("whatsapp", "ref-1", List.of(goodbye));
        conversations.forget("whatsapp", "ref-1", List.of(new OutboxRow("ob-2", "reply:abc:0", "conv-1", "channel",
                "whatsapp", "{}", "pending", 0, T0, T0)));
        assertThat(store.find("whatsapp", "ref-1")).isEmpty();
        assertThat(Sqlite.strings(data, "SELECT id FROM outbox")).containsExactly("ob-1");

        conversations.deleteTurnsBefore(T0.minus(Duration.ofDays(90)));
        assertThat(store.find("whatsapp", "ref-2")).isEmpty();
        assertThat(Sqlite.count(data, "channel_addresses")).isZero();
    }
}
