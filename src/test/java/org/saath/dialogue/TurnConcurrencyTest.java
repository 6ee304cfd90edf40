package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saath.Concurrently.runAll;
import static org.saath.Concurrently.together;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.TestStores;
import org.saath.channel.InboundMessage;
import org.saath.channel.TurnResult;
import org.saath.escalation.Caller;
import org.saath.escalation.PartnerDirectory;

/**
 * Messages of one person that arrive together (WhatsApp and SMS deliver bursts like this) are handled one after the
 * other, on SQLite and on PostgreSQL: one escalation, the remembered risk kept, a partner never offered more than its
 * capacity, a repeated "end chat" answered once.
 */
class TurnConcurrencyTest {

    private static final String CRISIS = "i want to kill myself tonight";

    @TempDir
    Path dir;
    private Components components;

    @AfterEach
    void close() {
        if (components != null) {
            components.database().close();
        }
    }

    private Components start(TestStores.Kind kind, int capacity) throws Exception {
        Path partners = Files.writeString(dir.resolve("partners.yaml"), """
                partners:
                  - {id: partner-a, name: A, countries: [PK], capacity: %d, api-key-sha256: %s}
                """.formatted(capacity, PartnerDirectory.sha256("partner-a-key-0123456789")));
        components = TestComponents.load(TestStores.on(TestComponents.config(dir.resolve("data")),
                        TestStores.fresh(kind, dir.resolve("data"), "turns")).withPartnersFile(partners.toString()),
                TestComponents.analyser(), Clock.fixed(TestComponents.PK_NIGHT, ZoneOffset.UTC));
        return components;
    }

    private static InboundMessage message(String user, String id, String text) {
        return new InboundMessage("generic", user, id, text, Optional.of("PK"));
    }

    /** Two crises of one new person at once: one escalation, never two. */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void two_crisis_messages_at_once_open_one_escalation(TestStores.Kind kind) throws Exception {
        Components c = start(kind, 100);
        for (int i = 0; i < 20; i++) {
            String user = "new-" + i;
            together(() -> c.turns().handle(message(user, "a", CRISIS)),
                    () -> c.turns().handle(message(user, "b", "i want to die, i have the pills")));
        }

        assertThat(count(c, "SELECT COUNT(*) FROM escalations")).isEqualTo(20);
        assertThat(count(c, "SELECT COUNT(DISTINCT conversation_id) FROM escalations")).isEqualTo(20);
    }

    /**
     * A crisis racing an ordinary message of someone already talking: the risk is remembered whatever the order, and
     * every turn after the crisis carries the open crisis line, the racing message when it came second and the next
     * message in any case (the race alone may go the same way twenty times, which left nothing to check).
     */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_crisis_racing_an_ordinary_message_keeps_the_risk_and_the_crisis_line(TestStores.Kind kind)
            throws Exception {
        Components c = start(kind, 100);
        for (int i = 0; i < 20; i++) {
            String user = "known-" + i;
            c.turns().handle(message(user, "0", "hello"));
            together(() -> c.turns().handle(message(user, "1", CRISIS)),
                    () -> c.turns().handle(message(user, "2", "ok what should i do now")));
            c.turns().handle(message(user, "3", "ok"));
        }

        assertThat(count(c, "SELECT COUNT(*) FROM conversations WHERE peak_risk IN ('high', 'imminent')"))
                .isEqualTo(20);
        assertThat(count(c, "SELECT COUNT(*) FROM escalations")).isEqualTo(20);
        List<String> after = c.database().read(sql -> sql.list("SELECT t.helplines FROM turns t WHERE t.turn_no > "
                + "(SELECT c.turn_no FROM turns c WHERE c.conversation_id = t.conversation_id AND c.text_redacted = ?)",
                rs -> rs.getString(1), CRISIS));
        assertThat(after).hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy(helplines -> assertThat(helplines).contains("pk-umang"));
    }

    /** Thirty people in crisis at once, one partner with three places: three offers, the rest honestly requested. */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void thirty_crises_against_a_partner_of_capacity_three_make_three_offers(TestStores.Kind kind) throws Exception {
        Components c = start(kind, 3);
        List<Callable<TurnResult>> crises = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String user = "person-" + i;
            crises.add(() -> c.turns().handle(message(user, "m", CRISIS)));
        }
        runAll(crises);

        assertThat(count(c, "SELECT COUNT(*) FROM escalations WHERE state = 'offered'")).isEqualTo(3);
        assertThat(count(c, "SELECT COUNT(*) FROM escalations WHERE state = 'requested'")).isEqualTo(27);
        assertThat(c.handoffs().load("partner-a")).isEqualTo(3);
    }

    /** The platform delivers "end chat" twice, at the same moment: one answer, one ending, one note for the person. */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_duplicated_end_chat_gets_one_answer(TestStores.Kind kind) throws Exception {
        Components c = start(kind, 3);
        String escalation = c.turns().handle(message("u-1", "m-1", CRISIS)).escalation().id();
        c.desk().claim(Caller.partnerSystem(c.partners().byId("partner-a").orElseThrow()), escalation);

        List<TurnResult> answers = together(() -> c.turns().handle(message("u-1", "m-2", "end chat")),
                () -> c.turns().handle(message("u-1", "m-2", "end chat")));
        TurnResult later = c.turns().handle(message("u-1", "m-2", "end chat"));

        assertThat(answers).containsOnly(later);
        assertThat(later.escalation().state()).isEqualTo("resolved");
        assertThat(c.handoffs().events(escalation)).filteredOn(e -> e.endsWith(">resolved by person")).hasSize(1);
        assertThat(later.replies()).singleElement().satisfies(r -> assertThat(r.text()).contains("ended the chat"));
        assertThat(c.turns().messagesFor("generic", "u-1", 0, c.handoffs())).filteredOn(m -> m.sender()
                .equals("saath")).hasSize(1);  // "a counsellor has joined"; "you have ended the chat" is the answer
        assertThat(c.handoffs().load("partner-a")).isZero();
    }

    private static long count(Components c, String sql) {
        return c.database().read(s -> s.one(sql, rs -> rs.getLong(1))).orElseThrow();
    }
}
