package org.saath.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saath.TestStores;
import org.saath.privacy.SealedAddress;

/**
 * Sealed addresses and messages to people on platform channels, on a real SQLite file and a real PostgreSQL: the
 * address is kept per person and the last time they wrote only moves forward; "delete my data" and retention remove
 * it; the outbox keeps order per receiver, so a partner that is down never holds back the person's replies; a
 * message the platform would not take is recorded once, by the node that holds its lease.
 */
class AddressStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final ConversationKey PERSON = new ConversationKey("whatsapp", "ref-1");

    @RegisterExtension
    final TestDatabases databases = new TestDatabases("addresses", 4);

    private static List<String> strings(Database db, String query) {
        return db.read(sql -> sql.list(query, rs -> rs.getString(1)));
    }

    private static OutboxRow row(String id, String destination, String target, Instant at) {
        return new OutboxRow(id, "key-" + id, "conv-1", destination, target, "{}", "pending", 0, at, at);
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void an_old_message_redelivered_does_not_move_the_last_time_the_person_wrote_back(TestStores.Kind kind) {
        AddressStore store = new AddressStore(databases.open(kind));

        store.remember("whatsapp", "ref-1", new SealedAddress("a1:first"), T0.plusMillis(500), T0);
        store.remember("whatsapp", "ref-1", new SealedAddress("a1:second"), T0.minus(Duration.ofDays(3)), T0);
        store.remember("whatsapp", "ref-1", new SealedAddress("a1:third"), T0.plusMillis(20), T0);

        AddressStore.Kept kept = store.find("whatsapp", "ref-1").orElseThrow();
        assertThat(kept.address().value()).isEqualTo("a1:third");
        assertThat(kept.lastInbound()).isEqualTo(T0.plusMillis(500));
        assertThat(store.find("telegram", "ref-1")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void forget_removes_the_address_and_queues_the_goodbye_and_retention_removes_old_addresses(
            TestStores.Kind kind) {
        Database db = databases.open(kind);
        AddressStore store = new AddressStore(db);
        store.remember("whatsapp", "ref-1", new SealedAddress("a1:one"), T0, T0);
        store.remember("whatsapp", "ref-2", new SealedAddress("a1:two"), T0.minus(Duration.ofDays(100)), T0);

        new JdbcConversations(db).withConversation(PERSON, tx -> tx.forget(Optional.of("hmac-of-m-9"), "{}", T0,
                Optional.empty(), List.of(row("ob-1", "channel", "whatsapp", T0))));

        assertThat(store.find("whatsapp", "ref-1")).isEmpty();
        assertThat(strings(db, "SELECT id FROM outbox")).containsExactly("ob-1");
        new JdbcConversationStore(db).deleteOlderThan(T0.minus(Duration.ofDays(90)));
        assertThat(store.find("whatsapp", "ref-2")).isEmpty();
    }

    /** A partner's pending offer does not hold back the reply to the person in the same conversation. */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void the_outbox_keeps_order_per_receiver_not_per_conversation(TestStores.Kind kind) {
        Database db = databases.open(kind);
        HandoffStore handoffs = new HandoffStore(db);
        handoffs.enqueue(row("ob-1", "partner", "partner-a", T0));
        handoffs.enqueue(row("ob-2", "channel", "whatsapp", T0));
        handoffs.enqueue(row("ob-3", "channel", "whatsapp", T0));
        handoffs.enqueue(row("ob-4", "partner", "partner-a", T0));

        List<OutboxRow> claimed = handoffs.claim("node-1", T0, Duration.ofMinutes(1), 10, Set.of(), Optional.empty());

        assertThat(claimed).extracting(OutboxRow::id).containsExactly("ob-1", "ob-2");
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void an_undelivered_message_is_recorded_once_by_the_lease_holder_with_the_partner_told(TestStores.Kind kind) {
        Database db = databases.open(kind);
        conversation(db);
        HandoffStore handoffs = new HandoffStore(db);
        PersonOutboxStore people = new PersonOutboxStore(db);
        OutboxRow message = row("ob-1", "channel", "whatsapp", T0);
        handoffs.enqueue(message);
        handoffs.claim("node-1", T0, Duration.ofMinutes(1), 10, Set.of(), Optional.empty());
        OutboxRow notice = row("ob-2", "partner", "partner-a", T0);

        assertThat(people.undelivered(message, "node-2", 1, T0, "not delivered: outside the window", "{}",
                List.of(notice), PERSON)).as("not the lease holder").isFalse();
        assertThat(people.undelivered(message, "node-1", 1, T0, "not delivered: outside the window", "{}",
                List.of(notice), PERSON)).isTrue();
        assertThat(people.undelivered(message, "node-1", 1, T0, "not delivered: outside the window", "{}",
                List.of(notice), PERSON)).as("only once").isFalse();

        assertThat(strings(db, "SELECT state FROM outbox ORDER BY seq")).containsExactly("undelivered", "pending");
        assertThat(handoffs.userMessages("whatsapp", "ref-1", 0)).extracting(HandoffStore.UserMessage::sender,
                HandoffStore.UserMessage::text).containsExactly(org.assertj.core.groups.Tuple.tuple("undelivered",
                "not delivered: outside the window"));
    }

    /**
     * The confirmation of "delete my data" is the one message whose person is already gone: whether the platform
     * takes it or not, its row goes, and nothing is kept for the person (not even a note that it was undelivered).
     */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_finished_message_to_a_person_whose_data_is_gone_is_not_kept(TestStores.Kind kind) {
        Database db = databases.open(kind);
        HandoffStore handoffs = new HandoffStore(db);
        PersonOutboxStore people = new PersonOutboxStore(db);
        handoffs.enqueue(row("ob-1", "channel", "whatsapp", T0));
        handoffs.enqueue(row("ob-2", "channel", "whatsapp", T0.plusSeconds(1)));
        handoffs.claim("node-1", T0, Duration.ofMinutes(1), 10, Set.of(), Optional.empty());

        assertThat(people.attempted("ob-1", "node-1", "delivered", 1, T0, null, "{\"user_ref\":\"ref-1\"}"))
                .isTrue();
        handoffs.claim("node-1", T0.plusSeconds(2), Duration.ofMinutes(1), 10, Set.of(), Optional.empty());
        assertThat(people.undelivered(row("ob-2", "channel", "whatsapp", T0), "node-1", 1, T0, "blocked", "{}",
                List.of(), PERSON)).isTrue();

        assertThat(strings(db, "SELECT id FROM outbox")).isEmpty();
        assertThat(handoffs.userMessages("whatsapp", "ref-1", 0)).isEmpty();
    }

    /** The person of {@code conv-1}, as a turn records them. */
    private static void conversation(Database db) {
        db.write(sql -> sql.update("INSERT INTO conversations (id, channel, user_ref, language, state, peak_risk, "
                + "turns, created_at, updated_at) VALUES ('conv-1', ?, ?, 'en', 'open', 'none', 1, ?, ?)",
                PERSON.channel(), PERSON.userRef(), T0, T0));
    }
}
