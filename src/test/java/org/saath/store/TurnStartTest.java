package org.saath.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saath.TestStores;

/**
 * The one statement that opens a person's turn ({@link TurnSql#start}) answers what the three reads it replaces
 * answer, in every state a conversation can be in, on SQLite and PostgreSQL.
 */
class TurnStartTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00.123456Z");
    private static final ConversationKey KEY = new ConversationKey("generic", "ref-1");

    @TempDir
    Path dir;
    private final List<Database> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    private Database open(TestStores.Kind kind) {
        Database db = Database.open(kind == TestStores.Kind.SQLITE ? Database.sqliteUrl(dir)
                : TestStores.postgres("turnstart"), "", "", 4);
        opened.add(db);
        return db;
    }

    private static TurnWrite write(boolean isNew, int turns, String messageId, Optional<EscalationRow> escalation) {
        ConversationRow row = new ConversationRow("c-1", KEY.channel(), KEY.userRef(), "ur", "open", "high", T0,
                turns, T0, "en", 2, "yes", "anxiety", T0, "reply-7", "female", "male");
        TurnRow turn = new TurnRow("turn-" + messageId, "c-1", messageId, T0, "hello", "ur", "anxiety", 0.9, "high",
                "high", "", "rule", "", "reply", "v1");
        return new TurnWrite(row, isNew, messageId, "{\"m\":\"" + messageId + "\"}", turn, escalation,
                Optional.empty(), List.of());
    }

    /** start() against the separate reads, for the message ids and keys given. */
    private static void sameAsSeparateReads(Database db, String messageId, String messageKey) {
        db.read(sql -> {
            TurnSql.Start start = TurnSql.start(sql, KEY, messageId, messageKey);
            Optional<ConversationRow> conversation = TurnSql.conversation(sql, KEY);
            assertThat(start.response()).isEqualTo(TurnSql.processedResponse(sql, KEY, messageId, messageKey));
            assertThat(start.conversation()).isEqualTo(conversation);
            assertThat(start.open()).isEqualTo(conversation.isEmpty() ? Optional.empty()
                    : TurnSql.openEscalation(sql, conversation.get().id()));
            assertThat(start.recentTexts()).isEqualTo(conversation.isEmpty() ? List.of()
                    : TurnSql.recentUserTexts(sql, conversation.get().id(), TurnSql.RECENT_TEXTS));
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void the_first_read_of_a_turn_answers_as_the_three_reads_it_replaces(TestStores.Kind kind) {
        Database db = open(kind);
        Conversations conversations = new JdbcConversations(db);
        sameAsSeparateReads(db, "m-1", "key-1");                                    // a person never seen

        EscalationRow requested = new EscalationRow("esc-1", "c-1", "requested", "risk", "high", "crisis", "ur", T0,
                null, "PK");
        conversations.withConversation(KEY, tx -> {
            tx.record(write(true, 1, "m-1", Optional.of(requested)));
            return null;
        });
        sameAsSeparateReads(db, "m-1", "key-1");                                    // a repeat, an open escalation
        sameAsSeparateReads(db, "m-2", "key-2");                                    // a new message
        db.read(sql -> {
            TurnSql.Start start = TurnSql.start(sql, KEY, "m-1", "key-1");
            assertThat(start.response().map(TurnSql.Processed::response)).contains("{\"m\":\"m-1\"}");
            assertThat(start.conversation()).map(ConversationRow::lastReply).contains("reply-7");
            assertThat(start.conversation()).map(ConversationRow::otherGender).contains("male");
            assertThat(start.open()).contains(requested);
            return null;
        });

        conversations.withConversation(KEY, tx -> tx.transition("esc-1", Set.of("requested"), "resolved",
                Optional.empty(), "person", T0, Optional.empty(), List.of(), Optional.empty()));
        sameAsSeparateReads(db, "m-2", "key-2");                                    // no open escalation left
        db.read(sql -> assertThat(TurnSql.start(sql, KEY, "m-2", "key-2").open()).isEmpty());

        conversations.withConversation(KEY, tx -> tx.forget(Optional.of("key-3"), "{\"deleted\":true}", T0));
        sameAsSeparateReads(db, "m-3", "key-3");                                    // forgotten: only the hash
        db.read(sql -> assertThat(TurnSql.start(sql, KEY, "m-3", "key-3").response()
                .map(TurnSql.Processed::response)).contains("{\"deleted\":true}"));
    }

    /**
     * A message id is kept with the keyed hash of its text: the same id with the same text is a redelivery (its first
     * answer), with another text a second message under a used id ({@link MessageIdReusedException}), whether the
     * unit reads the record in its first read or after it; a record without a text key (written before them) is not
     * checked, nor is a message whose text key is not known.
     */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_message_id_answered_for_one_text_refuses_another(TestStores.Kind kind) {
        Database db = open(kind);
        Conversations conversations = new JdbcConversations(db);
        conversations.withConversation(KEY, tx -> {
            assertThat(tx.processedResponse("m-1", "key-1", "text-a")).isEmpty();
            tx.record(write(true, 1, "key-1", Optional.empty()));
            return null;
        });
        Optional<String> again = conversations.withConversation(KEY,
                tx -> tx.processedResponse("m-1", "key-1", "text-a"));
        assertThat(again).contains("{\"m\":\"key-1\"}");
        assertThatThrownBy(() -> conversations.withConversation(KEY,
                tx -> tx.processedResponse("m-1", "key-1", "text-b"))).isInstanceOf(MessageIdReusedException.class);
        Optional<String> unknownText = conversations.withConversation(KEY,
                tx -> tx.processedResponse("m-1", "key-1", null));
        assertThat(unknownText).contains("{\"m\":\"key-1\"}");
        // read after the unit's first read (its conversation known): the same check
        assertThatThrownBy(() -> conversations.withConversation(KEY, tx -> {
            tx.processedResponse("m-9", "key-9", "text-c");
            return tx.processedResponse("m-1", "key-1", "text-b");
        })).isInstanceOf(MessageIdReusedException.class);
        // a record of before text keys: not checked
        db.write(sql -> sql.update("UPDATE processed_messages SET text_key = NULL WHERE message_id = ?", "key-1"));
        Optional<String> older = conversations.withConversation(KEY,
                tx -> tx.processedResponse("m-1", "key-1", "text-b"));
        assertThat(older).contains("{\"m\":\"key-1\"}");
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_unit_reads_its_escalation_again_once_it_has_written(TestStores.Kind kind) {
        Database db = open(kind);
        Conversations conversations = new JdbcConversations(db);
        EscalationRow requested = new EscalationRow("esc-1", "c-1", "requested", "risk", "high", "crisis", "ur", T0,
                null, "PK");
        conversations.withConversation(KEY, tx -> {
            tx.record(write(true, 1, "m-1", Optional.of(requested)));
            return null;
        });

        conversations.withConversation(KEY, tx -> {
            assertThat(tx.processedResponse("m-2", "key-2", null)).isEmpty();
            assertThat(tx.openEscalation()).contains(requested);
            tx.transition("esc-1", Set.of("requested"), "resolved", Optional.empty(), "person", T0,
                    Optional.empty(), List.of(), Optional.empty());
            assertThat(tx.openEscalation()).isEmpty();
            return null;
        });
    }
}
