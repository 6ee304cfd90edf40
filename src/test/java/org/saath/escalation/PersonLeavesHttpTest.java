package org.saath.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saath.HandoffApp.KEY_A;
import static org.saath.HandoffApps.TRACEABLE_CRISIS;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saath.HandoffApp;
import org.saath.HandoffApps;
import org.saath.TestComponents;
import org.saath.TestStores;

/**
 * "delete my data" and "stop" work in every state of an escalation, a counsellor's chat included, and "end chat" and
 * "cancel the counsellor" before a counsellor holds it (once one does, the relay hears them), over real HTTP:
 * never relayed, the escalation ends (resolved by the person, with why), the partner is told by webhook and in its
 * console, its place is given back, and its access ends. After "delete my data" nothing about the person stays:
 * not in any row of any table (SQLite and PostgreSQL), nor in the bytes of the SQLite files; what is kept of the
 * escalation says only that it ended, by whom, why and for which partner.
 */
class PersonLeavesHttpTest {

    /** How far the escalation got before the person leaves. */
    enum Stage {
        REQUESTED, OFFERED, CLAIMED, ACTIVE
    }

    @RegisterExtension
    final HandoffApps apps = new HandoffApps();
    private HandoffApp app;

    static Stream<Arguments> cases() {
        Stream<Arguments> sqlite = Stream.of(Stage.values()).flatMap(stage -> Stream.of(
                Arguments.of(TestStores.Kind.SQLITE, stage, "delete my data"),
                Arguments.of(TestStores.Kind.SQLITE, stage, "stop")));
        // "end chat" while a counsellor holds the chat is heard on the relay's path (TurnRecords.relayed; HandoffHttpTest)
        Stream<Arguments> endChat = Stream.of(Stage.REQUESTED, Stage.OFFERED)
                .map(stage -> Arguments.of(TestStores.Kind.SQLITE, stage, "end chat"));
        // no counsellor after all, before one holds the chat (then the counsellor hears it, and "end chat" ends it)
        Stream<Arguments> withdrawn = Stream.of(Stage.REQUESTED, Stage.OFFERED)
                .map(stage -> Arguments.of(TestStores.Kind.SQLITE, stage, "cancel the counsellor"));
        return Stream.of(sqlite, endChat, withdrawn, Stream.of(
                Arguments.of(TestStores.Kind.POSTGRESQL, Stage.ACTIVE, "delete my data"),
                Arguments.of(TestStores.Kind.POSTGRESQL, Stage.ACTIVE, "stop"))).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{2} on {0} while {1}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void the_person_can_leave_in_every_state_and_the_counsellor_is_told(TestStores.Kind kind, Stage stage,
                                                                       String command) throws Exception {
        app = apps.start(kind, TestComponents.PK_NIGHT, "leaves");
        String escalation = escalate(stage);
        String[] person = app.components().database().read(sql -> sql.one("SELECT user_ref, id FROM conversations",
                rs -> new String[] {rs.getString(1), rs.getString(2)})).orElseThrow();

        JsonNode left = app.send("u-1", "m-leave", command);

        assertThat(left.at("/replies/0/text").asText()).as("answered by the bot, not relayed")
                .contains(switch (command) {
                    case "delete my data" -> "deleted everything";
                    case "cancel the counsellor" -> "I've cancelled the request";
                    default -> "I'll stop here";
                });
        String reason = switch (command) {
            case "stop" -> "stopped";
            case "end chat" -> "ended_chat";
            case "cancel the counsellor" -> "withdrawn";
            default -> "data_deleted";
        };
        if (stage != Stage.REQUESTED) {
            assertThat(app.delivered()).as("the partner's webhook is told the person left")
                    .anyMatch(r -> r.body().contains("escalation.resolved") && r.body().contains(escalation)
                            && r.body().contains("\"by\":\"person\"") && r.body().contains("\"reason\":\"" + reason))
                    .noneMatch(r -> r.body().contains(command + "\""));
            Partner a = app.components().partners().byId("partner-a").orElseThrow();
            assertThat((List<Object>) app.components().console().view().state(a).get("left"))
                    .as("and so is the console").contains(Map.of("id", escalation, "reason", reason, "at",
                            app.clock().instant().toString()));
            assertThat(app.call("GET", "/v1/partner/escalations/" + escalation + "/transcript", null, KEY_A, 403)
                    .get("error").asText()).contains("ended", "the person left");
        }
        assertThat(app.components().handoffs().load("partner-a")).as("the partner's place is given back").isZero();
        app.components().ops().impact().flush();
        assertThat(app.rows().get("impact_escalations")).as("the anonymous counts hear of the ending")
                .anyMatch(row -> row.contains("|resolved|person|"));
        if (!command.equals("delete my data")) {
            assertLeft(escalation, reason);
        } else {
            assertNothingAboutThePerson(kind, escalation, stage, person[0], person[1]);
        }
    }

    /** The escalation is resolved by the person with the given outcome; the bot answers the next message. */
    private void assertLeft(String escalation, String outcome) throws Exception {
        assertThat(app.components().handoffs().escalation(escalation).orElseThrow().state()).isEqualTo("resolved");
        assertThat(app.components().handoffs().events(escalation)).last().asString().endsWith(">resolved by person");
        assertThat(app.rows().get("escalations")).hasSize(1);
        assertThat(app.components().handoffs().escalation(escalation).orElseThrow().outcome()).isEqualTo(outcome);
        assertThat(app.send("u-1", "m-next", "hello").get("replies")).as("not relayed to anyone").isNotEmpty();
    }

    private void assertNothingAboutThePerson(TestStores.Kind kind, String escalation, Stage stage, String userRef,
                                             String conversationId) throws Exception {
        Map<String, List<String>> rows = app.rows();
        assertThat(rows.get("escalation_endings")).as("who ended it and why, for which partner, nothing else")
                .containsExactly(escalation + "|" + (stage == Stage.REQUESTED ? "null" : "partner-a") + "|"
                        + stage.name().toLowerCase() + "|resolved|person|data_deleted|"
                        + org.saath.store.Times.format(app.clock().instant()));
        rows.forEach((table, content) -> assertThat(String.join("\n", content)).as(table)
                .doesNotContain(userRef, conversationId, "zafarabad", "kill myself", "7654321", "scared"));
        for (String table : List.of("conversations", "turns", "processed_messages", "escalations",
                "escalation_events", "safety_plans", "user_messages", "request_outcomes")) {
            assertThat(rows.get(table)).as(table).isEmpty();
        }
        if (kind == TestStores.Kind.SQLITE) {
            assertThat(app.storeBytes()).doesNotContain(userRef, conversationId, "zafarabad", "7654321", "scared");
        }
    }

    /** The person's crisis, taken as far as {@code stage}; a request (no partner) for a person in India. */
    /** "stop", then "delete my data" before the partner heard of the stop: the partner is still told the person left. */
    @ParameterizedTest(name = "on {0}")
    @org.junit.jupiter.params.provider.EnumSource(TestStores.Kind.class)
    void deleting_the_data_right_after_stopping_still_tells_the_partner(TestStores.Kind kind) throws Exception {
        app = apps.start(kind, TestComponents.PK_NIGHT, "stop-then-forget");
        String escalation = escalate(Stage.ACTIVE);
        app.delivered();

        app.send("u-1", "m-stop", "stop");
        app.send("u-1", "m-forget", "delete my data");

        assertThat(app.delivered()).as("the stop's notice survived the deletion")
                .anyMatch(r -> r.body().contains("escalation.resolved") && r.body().contains(escalation)
                        && r.body().contains("\"reason\":\"stopped\""));
        assertThat(app.rows().get("conversations")).isEmpty();
        assertThat(String.join("\n", app.rows().get("outbox"))).doesNotContain("zafarabad", "7654321");
    }

    private String escalate(Stage stage) throws Exception {
        if (stage == Stage.REQUESTED) {
            return app.send("u-1", "m-1", TRACEABLE_CRISIS, "IN").at("/escalation/id").asText();
        }
        String escalation = app.send("u-1", "m-1", TRACEABLE_CRISIS).at("/escalation/id").asText();
        app.send("u-1", "m-2", "yes");
        String path = "/v1/partner/escalations/" + escalation;
        if (stage == Stage.CLAIMED || stage == Stage.ACTIVE) {
            app.raw("POST", path + "/claim", null, KEY_A, "claim-key-0001");
            assertThat(app.send("u-1", "m-3", "i am scared, the zafarabad uncle is here").get("replies")).isEmpty();
        }
        if (stage == Stage.ACTIVE) {
            app.call("POST", path + "/messages", Map.of("text", "I'm Sara, a counsellor. I'm here."), KEY_A, 200);
        }
        return escalation;
    }
}
