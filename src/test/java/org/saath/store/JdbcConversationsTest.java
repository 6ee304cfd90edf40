package org.saath.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.saath.Concurrently.runAll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saath.TestStores;

/** The store's unit of work on a real SQLite file and a real PostgreSQL, migrated by Flyway. */
class JdbcConversationsTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final ConversationKey KEY = new ConversationKey("generic", "ref-1");

    @RegisterExtension
    final TestDatabases databases = new TestDatabases("conversations", 8);

    private String url(TestStores.Kind kind) {
        return databases.url(kind);
    }

    private Database open(String url) {
        return databases.open(url);
    }

    private static TurnWrite write(String conversationId, boolean isNew, int turns, String messageId,
                                   Optional<EscalationRow> escalation) {
        ConversationRow row = new ConversationRow(conversationId, KEY.channel(), KEY.userRef(), "en", "open", "high",
                T0, turns, T0, null, 0);
        TurnRow turn = new TurnRow("turn-" + messageId, conversationId, messageId, T0, "hello [PHONE]", "en",
                "crisis", 0.9, "high", "high", "ideation:want* to die", "crisis", "pk-umang", "reply", "v1");
        return new TurnWrite(row, isNew, messageId, "{\"m\":\"" + messageId + "\"}", turn, escalation,
                Optional.empty());
    }

    private static EscalationRow escalation(String id, String state, String partner) {
        return new EscalationRow(id, "c-1", state, "risk", "high", "crisis", "en", T0, partner, "PK");
    }

    /**
     * A partner's queue: the highest risk first, then the rule book's urgent ones (escalate-priority), then the
     * longest waiting; and a later turn may make an open escalation urgent, never normal again.
     */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void the_queue_puts_urgent_escalations_first_within_a_risk(TestStores.Kind kind) {
        Database db = open(url(kind));
        Conversations conversations = new JdbcConversations(db);
        String[][] opened = {{"c-a", "moderate", "normal"}, {"c-b", "moderate", "urgent"}, {"c-c", "moderate",
                "normal"}, {"c-d", "high", "normal"}, {"c-e", "low", "urgent"}};
        for (int i = 0; i < opened.length; i++) {
            String id = opened[i][0];
            Instant at = T0.plusSeconds(i);
            ConversationKey key = new ConversationKey("generic", "ref-" + id);
            ConversationRow row = new ConversationRow(id, key.channel(), key.userRef(), "en", "open", opened[i][1], at,
                    1, at, null, 0);
            TurnRow turn = new TurnRow("turn-" + id, id, "m-" + id, at, "hello", "en", "seek_help", 0.9,
                    opened[i][1], opened[i][1], "", "r", "", "reply", "v1");
            EscalationRow escalation = new EscalationRow("esc-" + id, id, "offered", "asked", opened[i][1],
                    "seek_help", "en", at, "partner-a", "PK", opened[i][2]);
            conversations.withConversation(key, tx -> {
                tx.record(new TurnWrite(row, true, "m-" + id, "{}", turn, Optional.of(escalation),
                        Optional.empty()));
                return null;
            });
        }
        HandoffStore handoffs = new HandoffStore(db);

        assertThat(handoffs.queue("partner-a")).extracting(HandoffStore.Escalation::id)
                .containsExactly("esc-c-d", "esc-c-b", "esc-c-a", "esc-c-c", "esc-c-e");

        ConversationKey c = new ConversationKey("generic", "ref-c-c");
        conversations.withConversation(c, tx -> {
            EscalationRow open = tx.openEscalation().orElseThrow();
            ConversationRow row = tx.conversation().orElseThrow();
            TurnRow turn = new TurnRow("turn-c-c-2", "c-c", "m-c-c-2", T0.plusSeconds(9), "no", "en", "no", 0.9,
                    "moderate", "moderate", "", "not-safe", "", "reply", "v1");
            tx.record(new TurnWrite(row, false, "m-c-c-2", "{}", turn, Optional.empty(), Optional.empty(), List.of(),
                    Optional.of(new TurnWrite.RaisedEscalation(open.id(), open.risk(), EscalationRow.URGENT,
                            open.topic()))));
            return null;
        });
        assertThat(handoffs.queue("partner-a")).extracting(HandoffStore.Escalation::id)
                .containsExactly("esc-c-d", "esc-c-b", "esc-c-c", "esc-c-a", "esc-c-e");
        String priority = conversations.withConversation(c, tx -> tx.openEscalation().orElseThrow().priority());
        assertThat(priority).isEqualTo("urgent");
    }

    /** The risk model reads a message with the person's previous ones: the last few, oldest first, this person's. */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void recent_user_texts_are_the_last_few_of_the_conversation_oldest_first(TestStores.Kind kind) {
        Conversations conversations = new JdbcConversations(open(url(kind)));
        for (int i = 1; i <= 4; i++) {
            int n = i;
            conversations.withConversation(KEY, tx -> {
                TurnWrite w = write("c-1", n == 1, n, "m-" + n, Optional.empty());
                tx.record(new TurnWrite(w.conversation(), w.newConversation(), w.messageId(), w.responseJson(),
                        new TurnRow(w.turn().id(), "c-1", w.messageId(), T0, "message " + n, "en", "greeting", 0.9,
                                "none", "none", "", "greeting", "", "reply", "v1"), Optional.empty(),
                        Optional.empty()));
                return null;
            });
        }

        conversations.withConversation(KEY, tx -> {
            assertThat(tx.recentUserTexts(2)).containsExactly("message 3", "message 4");
            return null;
        });
        conversations.withConversation(new ConversationKey("generic", "ref-2"), tx -> {
            assertThat(tx.recentUserTexts(2)).isEmpty();
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_recorded_turn_is_read_back_by_the_next_unit_and_after_reopening(TestStores.Kind kind) {
        String url = url(kind);
        Conversations conversations = new JdbcConversations(open(url));

        conversations.withConversation(KEY, tx -> {
            tx.record(write("c-1", true, 1, "m-1", Optional.of(escalation("esc-1", "requested", null))));
            return null;
        });

        Conversations reopened = new JdbcConversations(open(url));
        reopened.withConversation(KEY, tx -> {
            assertThat(tx.processedResponse("m-1", "none", null)).contains("{\"m\":\"m-1\"}");
            assertThat(tx.conversation()).map(ConversationRow::peakRiskAt).contains(T0);
            assertThat(tx.openEscalation()).map(EscalationRow::id).contains("esc-1");
            return null;
        });
    }

    /**
     * The help work's memory (V20): a conversation's topic, since when, and the reply sent last are written by a turn,
     * changed by the next one and read back after reopening, on both stores (the longest reply id included).
     */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void the_topic_and_the_last_reply_are_kept_across_turns(TestStores.Kind kind) {
        String url = url(kind);
        Conversations conversations = new JdbcConversations(open(url));
        String longestReply = "human_unavailable_none_open#no-lines";
        conversations.withConversation(KEY, tx -> {
            tx.record(remembering(write("c-1", true, 1, "m-1", Optional.empty()), "abuse_violence", T0, "greeting#0"));
            return null;
        });
        Instant later = T0.plus(Duration.ofMinutes(5));
        conversations.withConversation(KEY, tx -> {
            ConversationRow c = tx.conversation().orElseThrow();
            assertThat(c.topic()).isEqualTo("abuse_violence");
            assertThat(c.topicAt()).isEqualTo(T0);
            assertThat(c.lastReply()).isEqualTo("greeting#0");
            tx.record(remembering(write("c-1", false, 2, "m-2", Optional.empty()), "digital_safety", later,
                    longestReply));
            return null;
        });

        ConversationRow reread = new JdbcConversations(open(url))
                .withConversation(KEY, tx -> tx.conversation().orElseThrow());
        assertThat(reread.topic()).isEqualTo("digital_safety");
        assertThat(reread.topicAt()).isEqualTo(later);
        assertThat(reread.lastReply()).isEqualTo(longestReply);
    }

    /**
     * The gender a person's words marked ("chahti hoon") is kept, so the next replies keep agreeing with it; and the
     * country they said they are in ("I live in Dubai"), so the next turns offer its lines; read back by a new store
     * object, from the file or the server, not from a snapshot in memory.
     */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void the_genders_and_the_country_the_person_s_words_marked_are_kept_across_turns(TestStores.Kind kind) {
        String url = url(kind);
        Conversations conversations = new JdbcConversations(open(url));
        conversations.withConversation(KEY, tx -> {
            ConversationRow c = write("c-1", true, 1, "m-1", Optional.empty()).conversation();
            tx.record(new TurnWrite(new ConversationRow(c.id(), c.channel(), c.userRef(), c.language(), c.state(),
                    c.peakRisk(), c.peakRiskAt(), c.turns(), c.createdAt(), null, 0, null, null, null, null,
                    "feminine", "masculine", "here:AE"), true, "m-1", "{}",
                    write("c-1", true, 1, "m-1", Optional.empty()).turn(), Optional.empty(), Optional.empty()));
            return null;
        });

        ConversationRow reread = new JdbcConversations(open(url))
                .withConversation(KEY, tx -> tx.conversation().orElseThrow());
        assertThat(reread.personGender()).isEqualTo("feminine");
        assertThat(reread.otherGender()).isEqualTo("masculine");
        assertThat(reread.saidCountry()).isEqualTo("here:AE");
        ConversationRow relayed = new ConversationRow("c-1", KEY.channel(), KEY.userRef(), "en", "open", "none", T0, 2,
                T0, null, 0).keeping(reread);
        assertThat(relayed.personGender()).isEqualTo("feminine");
        assertThat(relayed.saidCountry()).isEqualTo("here:AE");
    }

    private static TurnWrite remembering(TurnWrite w, String topic, Instant topicAt, String lastReply) {
        ConversationRow c = w.conversation();
        return new TurnWrite(new ConversationRow(c.id(), c.channel(), c.userRef(), c.language(), c.state(),
                c.peakRisk(), c.peakRiskAt(), c.turns(), c.createdAt(), c.preferredLanguage(), c.planStep(),
                c.consent(), topic, topicAt, lastReply), w.newConversation(), w.messageId(), w.responseJson(),
                w.turn(), w.newEscalation(), w.planAnswer(), w.outbox());
    }

    /** PostgreSQL enforces column widths: the longest dialogue state and a delivery key with a 200-character id fit. */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void the_longest_codes_and_keys_fit(TestStores.Kind kind) {
        Conversations conversations = new JdbcConversations(open(url(kind)));
        String longId = "m".repeat(200);
        conversations.withConversation(KEY, tx -> {
            TurnWrite w = write("c-1", true, 1, longId, Optional.empty());
            ConversationRow c = w.conversation();
            tx.record(new TurnWrite(new ConversationRow(c.id(), c.channel(), c.userRef(), "roman_ur",
                    "offered_counsellor", "imminent", T0, 1, T0, "roman_ur", 5, "yes"), true, longId,
                    w.responseJson(), new TurnRow("turn-1", "c-1", longId, T0, "text", "roman_ur", "gratitude_goodbye",
                    0.5, "imminent", "imminent", "", "crisis", "", "reply", "v1"), Optional.empty(), Optional.empty(),
                    List.of(new OutboxRow("ob-1", "esc-" + "e".repeat(36) + ":user:" + longId, "c-1", "partner",
                            "partner-a", "{}", "pending", 0, T0, T0))));
            return null;
        });

        String state = conversations.withConversation(KEY, tx -> tx.conversation().orElseThrow().state());
        assertThat(state).isEqualTo("offered_counsellor");
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_unit_that_throws_writes_nothing(TestStores.Kind kind) {
        Conversations conversations = new JdbcConversations(open(url(kind)));

        assertThatThrownBy(() -> conversations.withConversation(KEY, tx -> {
            tx.record(write("c-1", true, 1, "m-1", Optional.empty()));
            throw new IllegalStateException("the turn failed after writing");
        })).isInstanceOf(IllegalStateException.class);

        Optional<ConversationRow> none = conversations.withConversation(KEY, ConversationTx::conversation);
        assertThat(none).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void the_schema_refuses_a_second_open_escalation_and_a_second_record_of_one_message(TestStores.Kind kind) {
        Conversations conversations = new JdbcConversations(open(url(kind)));
        conversations.withConversation(KEY, tx -> {
            tx.record(write("c-1", true, 1, "m-1", Optional.of(escalation("esc-1", "requested", null))));
            return null;
        });

        assertThatThrownBy(() -> conversations.withConversation(KEY, tx -> {
            tx.record(write("c-1", false, 2, "m-2", Optional.of(escalation("esc-2", "requested", null))));
            return null;
        })).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> conversations.withConversation(KEY, tx -> {
            tx.record(write("c-1", false, 2, "m-1", Optional.empty()));
            return null;
        })).isInstanceOf(StoreException.class);
        int turns = conversations.withConversation(KEY, tx -> tx.conversation().orElseThrow().turns());
        assertThat(turns).isEqualTo(1);
    }

    /** Twenty units read the turn count and write it back plus one, all at once: none may be lost. */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void units_of_one_conversation_run_one_after_the_other(TestStores.Kind kind) throws Exception {
        assertThat(turnsAfterCountingUnits(List.of(new JdbcConversations(open(url(kind)))), 20)).isEqualTo(20);
    }

    /**
     * The same on two nodes sharing PostgreSQL, where only the advisory lock serialises them: each unit takes it
     * before its first read, and that read sees what the lock's previous holder committed. Without the lock counts
     * are lost (or both nodes create the conversation).
     */
    @ParameterizedTest
    @EnumSource(value = TestStores.Kind.class, names = "POSTGRESQL")
    void units_of_one_conversation_on_two_nodes_run_one_after_the_other(TestStores.Kind kind) throws Exception {
        String url = url(kind);
        assertThat(turnsAfterCountingUnits(List.of(new JdbcConversations(open(url)), new JdbcConversations(open(url))),
                40)).isEqualTo(40);
    }

    /** Runs {@code units} units at once, dealt over the nodes in turn, each adding one to the turn count it reads. */
    private static int turnsAfterCountingUnits(List<Conversations> nodes, int units) throws Exception {
        List<Callable<Object>> turns = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            String id = "m-" + i;
            Conversations node = nodes.get(i % nodes.size());
            turns.add(() -> node.withConversation(KEY, tx -> {
                Optional<ConversationRow> now = tx.conversation();
                tx.record(write("c-1", now.isEmpty(), now.map(ConversationRow::turns).orElse(0) + 1, id,
                        Optional.empty()));
                return null;
            }));
        }
        runAll(turns);
        return nodes.get(0).withConversation(KEY, tx -> tx.conversation().orElseThrow().turns());
    }

    /** Thirty people escalate at once to a partner with three places: exactly three get one. */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_partner_s_places_are_taken_atomically(TestStores.Kind kind) throws Exception {
        Conversations conversations = new JdbcConversations(open(url(kind)));
        List<Callable<Boolean>> takers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ConversationKey key = new ConversationKey("generic", "ref-" + i);
            takers.add(() -> conversations.withConversation(key, tx -> tx.takePartnerSlot("partner-a", 3)));
        }

        assertThat(runAll(takers)).filteredOn(Boolean::booleanValue).hasSize(3);
    }

    /**
     * SQLite: a unit reads before its write transaction, and {@code saath forget} runs in another process. A person
     * deleted between a turn's reads and its write is not brought back: the turn runs again on what is there now,
     * and starts a new conversation with nothing of the old one.
     */
    @Test
    void a_turn_whose_conversation_another_process_deleted_meanwhile_starts_afresh() {
        String url = url(TestStores.Kind.SQLITE);
        Conversations server = new JdbcConversations(open(url));
        Conversations otherProcess = new JdbcConversations(open(url));
        server.withConversation(KEY, tx -> {
            tx.record(write("c-1", true, 1, "m-1", Optional.empty()));
            return null;
        });

        AtomicInteger runs = new AtomicInteger();
        server.withConversation(KEY, tx -> {
            Optional<ConversationRow> read = tx.conversation();
            if (runs.incrementAndGet() == 1) {
                otherProcess.withConversation(KEY, other -> other.forget(Optional.empty(), "", T0));
            }
            if (read.isPresent()) {
                tx.record(write("c-1", false, read.get().turns() + 1, "m-2", Optional.empty()));
            } else {
                ConversationRow fresh = new ConversationRow("c-2", KEY.channel(), KEY.userRef(), "en", "open",
                        "none", null, 1, T0, null, 0);
                TurnRow turn = new TurnRow("turn-m-2", "c-2", "m-2", T0, "hello again", "en", "greeting", 0.9,
                        "none", "none", "", "greeting", "", "hi", "v1");
                tx.record(new TurnWrite(fresh, true, "m-2", "{}", turn, Optional.empty(), Optional.empty()));
            }
            return null;
        });

        assertThat(runs).as("run again after the deletion").hasValue(2);
        server.withConversation(KEY, tx -> {
            assertThat(tx.conversation()).hasValueSatisfying(c -> {
                assertThat(c.id()).isEqualTo("c-2");
                assertThat(c.peakRisk()).as("nothing of the deleted conversation").isEqualTo("none");
                assertThat(c.turns()).isEqualTo(1);
            });
            assertThat(tx.processedResponse("m-1", "none", null)).isEmpty();
            return null;
        });
    }

    /**
     * SQLite: an offer moving on, or a counsellor's message, for a person {@code saath forget} deletes from another
     * process between the unit's read and its write: the unit runs again and finds nobody, so neither a partner's
     * place nor a message for the deleted person is left behind.
     */
    @Test
    void a_unit_for_an_escalation_another_process_deleted_meanwhile_leaves_nothing() {
        String url = url(TestStores.Kind.SQLITE);
        Database db = open(url);
        Conversations server = new JdbcConversations(db);
        Conversations otherProcess = new JdbcConversations(open(url));
        offer(server, "partner-a");
        AtomicInteger runs = new AtomicInteger();

        boolean moved = server.withConversation(KEY, tx -> {
            Optional<ConversationTx.EscalationNow> seen = tx.escalation("esc-1");
            if (runs.incrementAndGet() == 1) {
                otherProcess.withConversation(KEY, other -> other.forget(Optional.empty(), "", T0));
            }
            return seen.isPresent() && tx.takePartnerSlot("partner-b", 3) && tx.transition("esc-1",
                    Set.of("offered"), "offered", Optional.of("partner-b"), "lapsed:partner-a", T0,
                    Optional.empty(), List.of(), Optional.empty());
        });
        offer(server, "partner-a");                              // the person writes again
        boolean told = server.withConversation(KEY, tx -> {
            if (runs.incrementAndGet() == 3) {
                assertThat(tx.conversation().isPresent()).as("read while the person was there").isTrue();
                otherProcess.withConversation(KEY, other -> other.forget(Optional.empty(), "", T0));
                tx.keepForPerson(new ConversationTx.PersonMessage("counsellor", "are you safe?", "c:1",
                        Optional.empty()), T0);
                return true;
            }
            return tx.conversation().isPresent();
        });

        assertThat(moved).isFalse();
        assertThat(told).isFalse();
        assertThat(runs).as("each unit ran again").hasValue(4);
        assertThat(new HandoffStore(db).load("partner-b")).as("no place left taken").isZero();
        Optional<Integer> kept = db.read(sql -> sql.one("SELECT COUNT(*) FROM user_messages", rs -> rs.getInt(1)));
        assertThat(kept).as("no message kept for the deleted person").contains(0);
    }

    /**
     * Two units that take two partners' places in opposite order (opposite transfers) deadlock on PostgreSQL, which
     * ends one of them: it runs again, and both take their places. (SQLite has one writer: they cannot overlap.)
     */
    @Test
    void units_that_deadlock_on_postgresql_run_again_and_both_take_their_places() throws Exception {
        Database db = open(url(TestStores.Kind.POSTGRESQL));
        db.write(sql -> sql.update("INSERT INTO partner_load (partner_id, held) VALUES ('partner-a', 0), "
                + "('partner-b', 0)"));
        Conversations conversations = new JdbcConversations(db);
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();
        List<Callable<Boolean>> opposite = new ArrayList<>();
        for (String[] order : new String[][] {{"partner-a", "partner-b"}, {"partner-b", "partner-a"}}) {
            ConversationKey key = new ConversationKey("generic", "ref-" + order[0]);
            opposite.add(() -> conversations.withConversation(key, tx -> {
                boolean first = tx.takePartnerSlot(order[0], 5);
                if (runs.incrementAndGet() <= 2) {           // the first run of each: both hold one row now
                    try {
                        bothHoldOne.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return first && tx.takePartnerSlot(order[1], 5);
            }));
        }

        assertThat(runAll(opposite)).containsExactly(true, true);
        // the retry itself can meet the other unit again before it commits (PostgreSQL does not promise the order in
        // which a row's waiters get it), so one of them ran again at least once
        assertThat(runs.get()).as("one of them ran again").isGreaterThanOrEqualTo(3);
        HandoffStore handoffs = new HandoffStore(db);
        assertThat(List.of(handoffs.load("partner-a"), handoffs.load("partner-b"))).containsExactly(2, 2);
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void forgetting_keeps_only_a_keyed_hash_of_the_message_id_with_the_answer(TestStores.Kind kind) {
        Database db = open(url(kind));
        Conversations conversations = new JdbcConversations(db);
        conversations.withConversation(KEY, tx -> {
            tx.record(write("c-1", true, 1, "m-1", Optional.of(escalation("esc-1", "requested", null))));
            return null;
        });

        boolean deleted = conversations.withConversation(KEY,
                tx -> tx.forget(Optional.of("hmac-of-m-2"), "{\"deleted\":true}", T0));

        assertThat(deleted).isTrue();
        conversations.withConversation(KEY, tx -> {
            assertThat(tx.conversation()).isEmpty();
            assertThat(tx.processedResponse("m-1", "hmac-of-m-1", null)).isEmpty();
            assertThat(tx.processedResponse("m-2", "hmac-of-m-2", null)).contains("{\"deleted\":true}");
            return null;
        });
        for (String table : List.of("conversations", "turns", "escalations", "escalation_events",
                "processed_messages")) {
            Optional<Integer> rows = db.read(sql -> sql.one("SELECT COUNT(*) FROM " + table, rs -> rs.getInt(1)));
            assertThat(rows).as(table).contains(0);
        }
        List<String> keys = db.read(sql -> sql.list("SELECT message_key FROM forgotten_messages",
                rs -> rs.getString(1)));
        assertThat(keys).containsExactly("hmac-of-m-2");
    }

    /** Opens conversation c-1 with escalation esc-1 offered to {@code partner}, which takes one of its 3 slots. */
    private static void offer(Conversations conversations, String partner) {
        conversations.withConversation(KEY, tx -> {
            tx.takePartnerSlot(partner, 3);
            tx.record(write("c-1", true, 1, "m-1", Optional.of(escalation("esc-1", "offered", partner))));
            return null;
        });
    }

    /** Two nodes moving the same lapsed offer: the version check lets only the first one through. */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_transition_from_a_version_already_moved_on_is_refused(TestStores.Kind kind) {
        Database db = open(url(kind));
        Conversations conversations = new JdbcConversations(db);
        offer(conversations, "partner-a");
        int seen = conversations.withConversation(KEY, tx -> tx.escalation("esc-1").orElseThrow().version());

        List<Boolean> moves = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            moves.add(conversations.withConversation(KEY, tx -> tx.transition("esc-1", Set.of("offered"), "expired",
                    Optional.empty(), "lapsed:partner-a", T0.plusSeconds(600), Optional.of(seen), List.of(),
                    Optional.empty())));
        }

        assertThat(moves).containsExactly(true, false);
        assertThat(new HandoffStore(db).load("partner-a")).isZero();
    }

    /**
     * A counsellor declines an offer of a partner with a long id (recorded as {@code lapsed:<partner>:<who>}), and a
     * counsellor resolves with an outcome and a note for the person: all of it fits, on PostgreSQL too.
     */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void who_declined_who_wrote_and_the_outcome_are_recorded_in_full(TestStores.Kind kind) {
        Database db = open(url(kind));
        Conversations conversations = new JdbcConversations(db);
        String partner = "p".repeat(64);
        String declinedBy = "lapsed:" + partner + ":partner:" + partner;
        offer(conversations, partner);

        conversations.withConversation(KEY, tx -> {
            assertThat(tx.transition("esc-1", Set.of("offered"), "offered", Optional.of("partner-b"), declinedBy, T0,
                    Optional.empty(), List.of(), Optional.empty())).isTrue();
            assertThat(tx.transition("esc-1", Set.of("offered"), "resolved", Optional.empty(),
                    "counsellor:c-0123456789ab", T0, Optional.empty(), List.of(), Optional.of(
                            new ConversationTx.PersonMessage("saath", "A counsellor has left.", "saath",
                                    Optional.empty())))).isTrue();
            tx.recordOutcome("esc-1", "emergency_services");
            return null;
        });

        assertThat(new HandoffStore(db).lapsedPartners("esc-1")).containsExactly(partner);
        assertThat(new HandoffStore(db).userMessages(KEY.channel(), KEY.userRef(), 0))
                .extracting(HandoffStore.UserMessage::actor).containsExactly("saath");
        Optional<String> outcome = db.read(sql -> sql.one("SELECT outcome FROM escalations WHERE id = 'esc-1'",
                rs -> rs.getString(1)));
        assertThat(outcome).contains("emergency_services");
    }

    /** A resolve whose unit of work fails after the transition leaves neither the new state nor the outcome. */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void an_outcome_is_written_with_its_transition_or_not_at_all(TestStores.Kind kind) {
        Database db = open(url(kind));
        Conversations conversations = new JdbcConversations(db);
        offer(conversations, "partner-a");

        assertThatThrownBy(() -> conversations.withConversation(KEY, tx -> {
            tx.transition("esc-1", Set.of("offered"), "resolved", Optional.empty(), "counsellor:c-1", T0,
                    Optional.empty(), List.of(), Optional.empty());
            tx.recordOutcome("esc-1", "safe");
            throw new IllegalStateException("the node failed before the commit");
        })).isInstanceOf(IllegalStateException.class);

        Optional<String> row = db.read(sql -> sql.one("SELECT state || '/' || COALESCE(outcome, '-') FROM escalations "
                + "WHERE id = 'esc-1'", rs -> rs.getString(1)));
        assertThat(row).contains("offered/-");
        assertThat(new HandoffStore(db).load("partner-a")).isEqualTo(1);
    }

    /**
     * Metrics and the impact counts hear of a transition from the store, once, after its unit of work committed,
     * in closed values; a unit that fails after its transition tells nothing.
     */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_transition_is_told_once_after_its_commit_and_never_for_a_rolled_back_unit(TestStores.Kind kind) {
        List<Transition> told = new ArrayList<>();
        Database db = open(url(kind));
        Conversations conversations = new JdbcConversations(db, told::add);
        offer(conversations, "partner-a");

        assertThatThrownBy(() -> conversations.withConversation(KEY, tx -> {
            tx.transition("esc-1", Set.of("offered"), "claimed", Optional.empty(), "counsellor:c-1", T0,
                    Optional.empty(), List.of(), Optional.empty());
            throw new IllegalStateException("the node failed before the commit");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(told).isEmpty();

        conversations.withConversation(KEY, tx -> {
            assertThat(tx.transition("esc-1", Set.of("offered"), "claimed", Optional.empty(), "counsellor:c-1",
                    T0.plusSeconds(90), Optional.empty(), List.of(), Optional.empty())).isTrue();
            assertThat(tx.transition("esc-1", Set.of("offered"), "resolved", Optional.empty(), "saath",
                    T0.plusSeconds(91), Optional.empty(), List.of(), Optional.empty())).as("not from claimed")
                    .isFalse();
            assertThat(told).as("not before the commit").isEmpty();
            return null;
        });

        assertThat(told).containsExactly(new Transition("offered", "claimed", Optional.of("partner-a"),
                "counsellor:c-1", T0.plusSeconds(90), Optional.of(T0)));
    }

    /** Two nodes claim the outbox at once: each row goes to one of them; a lapsed lease passes it on. */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void outbox_claims_do_not_overlap_and_a_lapsed_lease_passes_the_row_on(TestStores.Kind kind) throws Exception {
        HandoffStore store = new HandoffStore(open(url(kind)));
        for (int i = 0; i < 40; i++) {
            store.enqueue(new OutboxRow("ob-" + i, "key-" + i, "conv-" + i, "partner", "partner-a", "{}", "pending",
                    0, T0, T0));
        }
        List<Callable<List<OutboxRow>>> nodes = List.of(
                () -> store.claim("node-1", T0, Duration.ofMinutes(1), 25, Set.of(), Optional.empty()),
                () -> store.claim("node-2", T0, Duration.ofMinutes(1), 25, Set.of(), Optional.empty()));
        List<List<OutboxRow>> claims = runAll(nodes);

        List<String> all = new ArrayList<>();
        claims.forEach(rows -> rows.forEach(r -> all.add(r.id())));
        assertThat(all).doesNotHaveDuplicates().hasSize(40);
        assertThat(store.claim("node-3", T0.plusSeconds(30), Duration.ofMinutes(1), 100, Set.of(), Optional.empty()))
                .isEmpty();
        assertThat(store.claim("node-3", T0.plusSeconds(61), Duration.ofMinutes(1), 100, Set.of(), Optional.empty()))
                .hasSize(40);
        assertThat(store.attempted("ob-0", "node-1", "delivered", 1, T0, null)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void outbox_rows_of_one_conversation_go_out_in_order(TestStores.Kind kind) {
        HandoffStore store = new HandoffStore(open(url(kind)));
        for (int i = 0; i < 3; i++) {
            store.enqueue(new OutboxRow("ob-" + i, "key-" + i, "conv-1", "partner", "partner-a", "{}", "pending", 0,
                    T0, T0));
        }
        for (int i = 0; i < 3; i++) {
            List<OutboxRow> claimed = store.claim("node", T0, Duration.ofMinutes(1), 10, Set.of(), Optional.empty());
            assertThat(claimed).extracting(OutboxRow::id).containsExactly("ob-" + i);
            store.attempted("ob-" + i, "node", "delivered", 1, T0, null);
        }
    }
}
