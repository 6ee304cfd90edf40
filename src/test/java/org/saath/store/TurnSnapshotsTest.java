package org.saath.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.saath.TestStores;

/**
 * The conversations' near-cache on SQLite ({@link TurnSnapshots}): a turn that takes its conversation from memory
 * sees what reading the store would have shown, and a message answered before is still answered once.
 */
class TurnSnapshotsTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00.123456789Z");
    private static final ConversationKey KEY = new ConversationKey("generic", "ref-1");

    @RegisterExtension
    final TestDatabases databases = new TestDatabases("snapshots", 4);

    private final AtomicInteger runs = new AtomicInteger();

    /** The person's first two turns, on {@code db}. */
    private Conversations afterTwoTurns(Database db) {
        Conversations conversations = new JdbcConversations(db);
        conversations.withConversation(KEY, turnOf(1, "first", runs));
        conversations.withConversation(KEY, turnOf(2, "second", runs));
        return conversations;
    }

    /** A turn as {@code TurnProcessor} records it: the conversation after it, with {@code turns} turns. */
    private static TurnWrite turn(boolean isNew, int turns, String text, Optional<EscalationRow> escalation) {
        ConversationRow row = new ConversationRow("c-1", KEY.channel(), KEY.userRef(), "en", "open",
                turns > 2 ? "high" : "low", T0.plusSeconds(turns), turns, T0, null, 0, null, "anxiety",
                T0.plusSeconds(turns), "reply-" + turns, "female", null);
        TurnRow stored = new TurnRow("turn-" + turns, "c-1", "key-" + turns, T0.plusSeconds(turns), text, "en",
                "anxiety", 0.8, "low", "low", "", "rule", "", "reply " + turns, "v1");
        return new TurnWrite(row, isNew, "key-" + turns, "{\"turn\":" + turns + "}", stored, escalation,
                Optional.empty());
    }

    /** A person's turn as the turn processor runs it: the dedupe read first, then the record unless answered. */
    private static Function<ConversationTx, String> turnOf(int turns, String text, AtomicInteger runs) {
        return tx -> {
            runs.incrementAndGet();
            Optional<String> earlier = tx.processedResponse("id-" + turns, "key-" + turns, null);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            tx.recentUserTexts(TurnSql.RECENT_TEXTS);
            tx.record(turn(tx.conversation().isEmpty(), turns, text, Optional.empty()));
            return "answered " + turns;
        };
    }

    private static int number(Database db, String query) {
        return db.read(sql -> sql.one(query, rs -> rs.getInt(1))).orElseThrow();
    }

    /** The snapshot, if any, against the one statement that opens a turn read from the file. */
    private static void snapshotIsTheStore(Database db) {
        Optional<TurnSnapshots.Snapshot> kept = db.snapshots().get(KEY);
        TurnSql.Start read = db.read(sql -> TurnSql.start(sql, KEY, "none", "none"));
        kept.ifPresent(s -> {
            assertThat(Optional.of(s.conversation())).isEqualTo(read.conversation());
            assertThat(s.open()).isEqualTo(read.open());
            assertThat(s.recentTexts()).isEqualTo(read.recentTexts());
        });
    }

    @Test
    void after_each_kind_of_unit_what_is_kept_in_memory_is_what_the_store_holds_or_nothing() {
        Database db = databases.open(TestStores.Kind.SQLITE);
        Conversations conversations = new JdbcConversations(db);
        List<Boolean> kept = new ArrayList<>();

        conversations.withConversation(KEY, turnOf(1, "first", runs));               // a new person
        kept.add(db.snapshots().get(KEY).isPresent());
        snapshotIsTheStore(db);
        for (int n = 2; n <= 4; n++) {                                              // turns from memory
            conversations.withConversation(KEY, turnOf(n, "message " + n, runs));
            kept.add(db.snapshots().get(KEY).isPresent());
            snapshotIsTheStore(db);
        }
        conversations.withConversation(KEY, tx -> {                                  // an escalation opened
            tx.processedResponse("id-5", "key-5", null);
            tx.record(turn(false, 5, "message 5", Optional.of(new EscalationRow("esc-1", "c-1", "requested",
                    "risk", "high", "crisis", "en", T0, null, "PK"))));
            return null;
        });
        kept.add(db.snapshots().get(KEY).isPresent());
        conversations.withConversation(KEY, turnOf(6, "message 6", runs));           // read from the file again
        kept.add(db.snapshots().get(KEY).isPresent());
        snapshotIsTheStore(db);
        conversations.withConversation(KEY, tx -> tx.transition("esc-1", Set.of("requested"), "expired",
                Optional.empty(), "saath", T0.plusSeconds(60), Optional.empty(), List.of(), Optional.empty()));
        kept.add(db.snapshots().get(KEY).isPresent());                              // moved by another unit
        conversations.withConversation(KEY, turnOf(7, "message 7", runs));
        conversations.withConversation(KEY, tx -> tx.conversation());               // a unit that only reads
        kept.add(db.snapshots().get(KEY).isPresent());
        snapshotIsTheStore(db);

        assertThat(kept).containsExactly(true, true, true, true, false, true, false, true);
        assertThat(db.snapshots().get(KEY).orElseThrow().recentTexts()).containsExactly("message 6", "message 7");
        assertThat(db.snapshots().get(KEY).orElseThrow().open()).as("the expired escalation is not open").isEmpty();
    }

    @Test
    void a_redelivered_message_whose_conversation_is_in_memory_gets_its_first_answer_and_changes_nothing() {
        Database db = databases.open(TestStores.Kind.SQLITE);
        Conversations conversations = afterTwoTurns(db);
        assertThat(db.snapshots().get(KEY)).isPresent();

        runs.set(0);
        String again = conversations.withConversation(KEY, turnOf(2, "second", runs));

        assertThat(again).isEqualTo("{\"turn\":2}");
        assertThat(runs).as("from memory, refused at the write, then read from the file").hasValue(2);
        assertThat(number(db, "SELECT COUNT(*) FROM turns")).isEqualTo(2);
        assertThat(number(db, "SELECT turns FROM conversations")).isEqualTo(2);
    }

    /** A repeat whose unit would write before recording its turn (a partner's place) takes no place either. */
    @Test
    void a_redelivered_message_takes_no_partner_s_place_before_it_is_found_answered() {
        Database db = databases.open(TestStores.Kind.SQLITE);
        Conversations conversations = afterTwoTurns(db);

        String again = conversations.withConversation(KEY, tx -> {
            Optional<String> earlier = tx.processedResponse("id-2", "key-2", null);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            tx.takePartnerSlot("partner-a", 3);
            tx.record(turn(false, 3, "second", Optional.of(new EscalationRow("esc-1", "c-1", "offered", "risk",
                    "high", "crisis", "en", T0, "partner-a", "PK"))));
            return "answered again";
        });

        assertThat(again).isEqualTo("{\"turn\":2}");
        assertThat(new HandoffStore(db).load("partner-a")).isZero();
        assertThat(number(db, "SELECT COUNT(*) FROM escalations")).isZero();
    }

    /** A unit that only asks whether the message was answered is told the truth from memory too. */
    @Test
    void asking_whether_a_message_was_answered_is_answered_from_the_file() {
        Database db = databases.open(TestStores.Kind.SQLITE);
        Conversations conversations = afterTwoTurns(db);

        Optional<String> unknown = conversations.withConversation(KEY, tx -> tx.processedResponse("id-9", "key-9",
                null));
        boolean keptAfterReading = db.snapshots().get(KEY).isPresent();
        Optional<String> first = conversations.withConversation(KEY, tx -> tx.processedResponse("id-1", "key-1",
                null));

        assertThat(unknown).isEmpty();
        assertThat(keptAfterReading).as("a unit that only read changed nothing: what is in memory stays").isTrue();
        assertThat(first).contains("{\"turn\":1}");
    }

    /** {@code saath forget} in another process: the turn from memory finds the person gone and starts afresh. */
    @Test
    void a_person_another_process_forgot_is_not_brought_back_from_memory() {
        String url = databases.url(TestStores.Kind.SQLITE);
        Database server = databases.open(url);
        Conversations conversations = afterTwoTurns(server);
        Conversations otherProcess = new JdbcConversations(databases.open(url));
        otherProcess.withConversation(KEY, tx -> tx.forget(Optional.empty(), "", T0));

        runs.set(0);
        conversations.withConversation(KEY, turnOf(3, "third", runs));

        assertThat(runs).hasValue(2);
        TurnSql.Start now = server.read(sql -> TurnSql.start(sql, KEY, "none", "none"));
        assertThat(now.conversation()).hasValueSatisfying(c -> assertThat(c.createdAt()).isEqualTo(T0));
        assertThat(now.recentTexts()).as("nothing of what was forgotten").containsExactly("third");
    }

    @Test
    void the_retention_window_and_forgetting_drop_what_is_in_memory() {
        Database db = databases.open(TestStores.Kind.SQLITE);
        Conversations conversations = new JdbcConversations(db);
        conversations.withConversation(KEY, turnOf(1, "first", runs));
        new JdbcConversationStore(db).deleteOlderThan(T0.minusSeconds(1));
        assertThat(db.snapshots().get(KEY)).isEmpty();

        conversations.withConversation(KEY, turnOf(2, "second", runs));
        assertThat(db.snapshots().get(KEY)).isPresent();
        conversations.withConversation(KEY, tx -> tx.forget(Optional.of("key-3"), "{}", T0));
        assertThat(db.snapshots().get(KEY)).isEmpty();
    }

    /** Several nodes share a PostgreSQL store: nothing is kept in one node's memory. */
    @Test
    void on_postgresql_nothing_is_kept_in_memory() {
        Database db = databases.open(TestStores.Kind.POSTGRESQL);
        afterTwoTurns(db);

        assertThat(db.snapshots().get(KEY)).isEmpty();
        assertThat(runs).hasValue(2);
    }
}
