package org.saath.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Sqlite;

/** The JDBC store on a real SQLite file, migrated by Flyway. */
class JdbcConversationStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @TempDir
    Path data;
    private JdbcConversationStore store;

    @BeforeEach
    void open() {
        DataSource dataSource = SqliteDatabase.open(data);
        store = new JdbcConversationStore(dataSource);
    }

    private static TurnWrite write(String conversationId, boolean isNew, String messageId, String response,
                                   Optional<EscalationRow> escalation) {
        ConversationRow row = new ConversationRow(conversationId, "generic", "ref-1", "en", "open", "high", T0, 1, T0,
                null, 0);
        TurnRow turn = new TurnRow("turn-" + messageId, conversationId, messageId, T0, "hello [PHONE]", "en",
                "crisis", 0.9, "high", "high", "ideation:want* to die", "crisis", "pk-umang", "reply", "v1");
        return new TurnWrite(row, isNew, messageId, response, turn, escalation, Optional.empty());
    }

    @Test
    void a_recorded_turn_can_be_read_back_with_its_conversation_and_escalation() {
        EscalationRow escalation = new EscalationRow("esc-1", "c-1", "requested", "risk", "high", "crisis", "en", T0);

        store.record(write("c-1", true, "m-1", "{\"replies\":[]}", Optional.of(escalation)));

        assertThat(store.processedResponse("generic", "ref-1", "m-1")).contains("{\"replies\":[]}");
        ConversationRow conversation = store.conversation("generic", "ref-1").orElseThrow();
        assertThat(conversation.peakRisk()).isEqualTo("high");
        assertThat(conversation.peakRiskAt()).isEqualTo(T0);
        assertThat(store.openEscalation("c-1")).map(EscalationRow::id).contains("esc-1");
        assertThat(Sqlite.strings(data, "SELECT text_redacted FROM turns")).containsExactly("hello [PHONE]");
    }

    @Test
    void the_store_survives_reopening_the_file() {
        store.record(write("c-1", true, "m-1", "{}", Optional.empty()));

        JdbcConversationStore reopened = new JdbcConversationStore(SqliteDatabase.open(data));

        assertThat(reopened.conversation("generic", "ref-1")).isPresent();
        assertThat(reopened.processedResponse("generic", "ref-1", "m-1")).contains("{}");
    }

    @Test
    void a_duplicate_message_id_keeps_the_first_response_and_writes_nothing() {
        store.record(write("c-1", true, "m-1", "first", Optional.empty()));

        String stored = store.record(write("c-1", false, "m-1", "second", Optional.empty()));

        assertThat(stored).isEqualTo("first");
        assertThat(Sqlite.count(data, "turns")).isEqualTo(1);
    }

    @Test
    void concurrent_deliveries_of_one_message_record_it_once() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String response = "response-" + i;
            tasks.add(() -> store.record(write("c-" + response, true, "m-1", response, Optional.empty())));
        }
        List<String> answers = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(tasks)) {
            answers.add(f.get());
        }
        pool.shutdown();

        assertThat(answers).containsOnly(answers.get(0));
        assertThat(Sqlite.count(data, "turns")).isEqualTo(1);
        assertThat(Sqlite.count(data, "conversations")).isEqualTo(1);
    }

    @Test
    void two_first_messages_of_a_new_user_share_one_conversation() {
        store.record(write("c-a", true, "m-1", "one", Optional.empty()));
        store.record(write("c-b", true, "m-2", "two", Optional.empty()));

        assertThat(Sqlite.count(data, "conversations")).isEqualTo(1);
        assertThat(Sqlite.strings(data, "SELECT DISTINCT conversation_id FROM turns")).containsExactly("c-a");
    }
}
