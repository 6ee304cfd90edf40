package org.saath.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.App;
import org.saath.Components;
import org.saath.GenericClient;
import org.saath.Sqlite;
import org.saath.TestComponents;
import org.saath.TestPartners;
import org.saath.outbox.OutboxDispatcher;
import org.saath.outbox.PartnerEndpoint;

/**
 * A warm handoff over real HTTP: a crisis escalates to the partner that fits, the partner is notified (signed, no
 * user text), a counsellor claims through the partner API, the bot goes silent and relays, the counsellor's words
 * reach the person, and resolving hands the conversation back to the bot.
 */
class HandoffHttpTest {

    private static final String KEY_A = TestPartners.KEY_A;
    private static final String KEY_B = TestPartners.KEY_B;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private PartnerEndpoint endpoint;
    private Components components;
    private Javalin app;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void start() throws Exception {
        endpoint = new PartnerEndpoint("partner-a-webhook-secret");
        components = TestComponents.load(TestComponents.config(dir.resolve("data"))
                .withPartnersFile(TestPartners.file(dir, endpoint.url(), endpoint.secret()).toString()),
                TestComponents.analyser(), Clock.systemUTC());
        app = App.create(components).start(0);
        dispatcher = new OutboxDispatcher(components.handoffs(), components.partners(), http, Clock.systemUTC(),
                () -> 0.5, Duration.ofMillis(1), 5);
    }

    @AfterEach
    void stop() {
        app.stop();
        endpoint.close();
    }

    private JsonNode send(String text, String id) throws Exception {
        return call("POST", "/v1/messages", JSON.writeValueAsString(Map.of("user", "u-1", "id", id, "text", text,
                "country", "PK")), GenericClient.token(dir.resolve("data")), 200);
    }

    private JsonNode poll(long after) throws Exception {
        return call("GET", "/v1/messages?user=u-1&after=" + after, null, GenericClient.token(dir.resolve("data")),
                200);
    }

    private JsonNode call(String method, String path, String body, String key, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    @Test
    void a_crisis_is_handed_to_a_counsellor_and_back() throws Exception {
        JsonNode first = send("i want to kill myself, my number is 0300-1234567", "m-1");
        String escalation = first.at("/escalation/id").asText();
        assertThat(first.at("/escalation/state").asText()).isEqualTo("offered");

        dispatcher.dispatchDue();
        assertThat(endpoint.received()).singleElement().satisfies(r -> {
            assertThat(r.signatureValid()).isTrue();
            assertThat(r.body()).contains("escalation.offered", escalation, "\"risk\":\"high\"")
                    .doesNotContain("kill myself", "1234567");
        });

        JsonNode queue = call("GET", "/v1/partner/escalations", null, KEY_A, 200);
        assertThat(queue.at("/escalations/0/id").asText()).isEqualTo(escalation);
        assertThat(queue.toString()).doesNotContain("kill myself");
        call("POST", "/v1/partner/escalations/" + escalation + "/claim", null, KEY_A, 200);
        assertThat(poll(0).at("/messages/0/text").asText()).contains("counsellor has joined");

        JsonNode whileHeld = send("i am still here, scared", "m-2");
        assertThat(whileHeld.get("replies")).isEmpty();
        dispatcher.dispatchDue();
        assertThat(endpoint.received().get(1).body()).contains("conversation.user_message", "still here, scared");

        call("POST", "/v1/partner/escalations/" + escalation + "/messages", "{\"text\":\"I'm Sara, a counsellor. "
                + "I'm here with you.\"}", KEY_A, 200);
        JsonNode messages = poll(1);
        assertThat(messages.at("/messages/0/sender").asText()).isEqualTo("counsellor");
        assertThat(messages.at("/messages/0/text").asText()).contains("I'm here with you");

        call("POST", "/v1/partner/escalations/" + escalation + "/resolve", null, KEY_A, 200);
        assertThat(poll(2).at("/messages/0/text").asText()).contains("automated assistant again");
        assertThat(send("thanks, bye", "m-3").get("replies")).isNotEmpty();
        assertThat(components.handoffs().events(escalation)).containsExactly("null>requested by saath",
                "requested>offered by saath", "offered>claimed by partner:partner-a",
                "claimed>active by partner:partner-a", "active>resolved by partner:partner-a");
        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT risk FROM turns WHERE rule_id = 'relayed-to-counsellor'"))
                .as("risk keeps being scored while a human holds the conversation").hasSize(1);
    }

    @Test
    void the_transcript_reaches_a_partner_only_after_the_person_says_yes() throws Exception {
        JsonNode first = send("i want to kill myself, call me on 0300-7654321", "m-1");
        String escalation = first.at("/escalation/id").asText();
        assertThat(first.get("replies").toString()).as("the crisis reply asks one thing: are you safe right now?")
                .contains("Are you safe right now?").doesNotContain("may the counsellor read");
        JsonNode safe = send("yes", "m-2");
        assertThat(safe.get("replies").toString()).contains("may the counsellor read what you wrote here?");
        call("GET", "/v1/partner/escalations/" + escalation + "/transcript", null, KEY_A, 403);
        assertThat(call("GET", "/v1/partner/escalations", null, KEY_A, 200).at("/escalations/0/transcript_shared")
                .asBoolean()).isFalse();

        send("yes", "m-3");

        JsonNode transcript = call("GET", "/v1/partner/escalations/" + escalation + "/transcript", null, KEY_A, 200);
        assertThat(transcript.at("/messages/0/text").asText()).contains("kill myself", "[PHONE]")
                .doesNotContain("7654321");
        call("GET", "/v1/partner/escalations/" + escalation + "/transcript", null, KEY_B, 404);
    }

    @Test
    void a_transfer_offers_the_escalation_to_the_other_partner_and_the_first_loses_it() throws Exception {
        String escalation = send("i want to end my life", "m-1").at("/escalation/id").asText();

        call("POST", "/v1/partner/escalations/" + escalation + "/transfer", "{\"partner\":\"partner-b\"}", KEY_A, 200);

        assertThat(call("GET", "/v1/partner/escalations", null, KEY_A, 200).get("escalations")).isEmpty();
        assertThat(call("GET", "/v1/partner/escalations", null, KEY_B, 200).at("/escalations/0/id").asText())
                .isEqualTo(escalation);
        call("POST", "/v1/partner/escalations/" + escalation + "/claim", null, KEY_A, 403);
        call("POST", "/v1/partner/escalations/" + escalation + "/claim", null, KEY_B, 200);
        assertThat(call("GET", "/health", null, null, 200).get("outbox_backlog").asInt())
                .as("the offers to partner A and then B, not dispatched in this test").isEqualTo(2);
    }

    /**
     * QA s41 finding 1: a counsellor talked with the person, then transferred the conversation to another partner;
     * the person was handed back to the bot unannounced, and the bot's next reply ("I'm still here with you") read
     * as the counsellor's.
     */
    @Test
    void a_transfer_by_the_counsellor_tells_the_person_the_automated_assistant_answers_again() throws Exception {
        String escalation = send("i want to die", "m-1").at("/escalation/id").asText();
        call("POST", "/v1/partner/escalations/" + escalation + "/claim", null, KEY_A, 200);
        call("POST", "/v1/partner/escalations/" + escalation + "/messages", "{\"text\":\"I'm Sara, a counsellor.\"}",
                KEY_A, 200);
        assertThat(send("thank you for listening", "m-2").get("replies")).isEmpty();

        call("POST", "/v1/partner/escalations/" + escalation + "/transfer", "{\"partner\":\"partner-b\"}", KEY_A, 200);

        JsonNode told = poll(2).get("messages");
        assertThat(told).singleElement().satisfies(m -> {
            assertThat(m.get("sender").asText()).isEqualTo("saath");
            assertThat(m.get("text").asText()).as("at high risk it leads with an open crisis line of their country")
                    .contains("another organisation", "automated assistant again", "0311-7786264");
        });
        JsonNode next = send("i also lost my job", "m-3");
        assertThat(next.at("/replies/0/text").asText()).as("the bot's next reply says it is the bot")
                .contains("automated assistant");
        assertThat(send("i still feel bad", "m-4").at("/replies/0/text").asText()).as("once, not on every reply")
                .doesNotStartWith("I'm an automated assistant.");
    }

    /**
     * QA s41 finding 9: "end chat" while a counsellor held the conversation answered {@code "replies": []}, and the
     * hand-back, kept only for polling, had no crisis line though the conversation's risk was high.
     */
    @Test
    void end_chat_at_high_risk_answers_in_the_response_with_an_open_crisis_line() throws Exception {
        String escalation = send("i want to die", "m-1").at("/escalation/id").asText();
        call("POST", "/v1/partner/escalations/" + escalation + "/claim", null, KEY_A, 200);
        call("POST", "/v1/partner/escalations/" + escalation + "/messages", "{\"text\":\"I'm Sara.\"}", KEY_A, 200);

        JsonNode ended = send("end chat", "m-2");

        assertThat(ended.at("/escalation/state").asText()).isEqualTo("resolved");
        assertThat(ended.get("replies")).singleElement().satisfies(r -> assertThat(r.get("text").asText())
                .contains("You have ended the chat", "automated assistant again", "0311-7786264"));
        assertThat(send("end chat", "m-2")).as("a redelivery gets the same answer").isEqualTo(ended);
        assertThat(send("i also lost my job", "m-3").at("/replies/0/text").asText()).contains("automated assistant");
    }

    @Test
    void a_declined_offer_with_no_other_partner_comes_back_to_the_bot_with_a_crisis_line() throws Exception {
        String escalation = send("i want to end my life", "m-1").at("/escalation/id").asText();

        call("POST", "/v1/partner/escalations/" + escalation + "/decline", null, KEY_A, 200);

        assertThat(components.handoffs().escalation(escalation).orElseThrow().state()).isEqualTo("declined");
        assertThat(poll(0).at("/messages/0/text").asText())
                .contains("No counsellor could take the conversation", "0311-7786264");
        call("POST", "/v1/partner/escalations/" + escalation + "/decline", null, KEY_A, 403);
    }

    @Test
    void a_no_keeps_the_transcript_closed() throws Exception {
        String escalation = send("i want to end my life", "m-1").at("/escalation/id").asText();
        send("yes", "m-2"); // safe right now; then the consent question

        assertThat(send("no", "m-3").get("replies").toString()).contains("won't see what you wrote");
        call("GET", "/v1/partner/escalations/" + escalation + "/transcript", null, KEY_A, 403);
    }

    @Test
    void a_partner_sees_and_touches_only_its_own_escalations() throws Exception {
        String escalation = send("i want to end my life", "m-1").at("/escalation/id").asText();

        assertThat(call("GET", "/v1/partner/escalations", null, KEY_B, 200).get("escalations")).isEmpty();
        call("POST", "/v1/partner/escalations/" + escalation + "/claim", null, KEY_B, 404);
        call("POST", "/v1/partner/escalations/" + escalation + "/messages", "{\"text\":\"hi\"}", KEY_B, 404);
        call("POST", "/v1/partner/escalations/" + escalation + "/resolve", null, KEY_B, 404);
        call("GET", "/v1/partner/escalations", null, null, 401);
        call("GET", "/v1/partner/escalations", null, "not-a-key", 401);
        call("POST", "/v1/partner/escalations/" + escalation + "/messages", "{\"text\":\"hi\"}", KEY_A, 409);
    }

    @Test
    void a_crisis_written_while_waiting_for_a_human_moves_the_escalation_up_the_partner_s_queue() throws Exception {
        String other = call("POST", "/v1/messages", JSON.writeValueAsString(Map.of("user", "u-2", "id", "o-1",
                "text", "i want to kill myself", "country", "PK")), GenericClient.token(dir.resolve("data")), 200)
                .at("/escalation/id").asText();
        String waiting = send("please let me talk to a human", "m-1").at("/escalation/id").asText();
        assertThat(components.handoffs().escalation(waiting).orElseThrow().risk()).isEqualTo("none");
        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT priority FROM escalations WHERE id = '" + waiting
                + "'")).containsExactly("normal");
        assertThat(call("GET", "/v1/partner/escalations", null, KEY_A, 200).at("/escalations/0/id").asText())
                .isEqualTo(other);

        send("i have swallowed all my sleeping pills just now", "m-2");

        assertThat(components.handoffs().escalation(waiting).orElseThrow().risk()).isEqualTo("imminent");
        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT priority FROM escalations")).as("the crisis rules' "
                + "escalate-priority").containsExactly("urgent", "urgent");
        JsonNode queue = call("GET", "/v1/partner/escalations", null, KEY_A, 200);
        assertThat(queue.at("/escalations/0/id").asText()).isEqualTo(waiting);
        assertThat(queue.at("/escalations/0/risk").asText()).isEqualTo("imminent");
        assertThat(queue.at("/escalations/1/id").asText()).isEqualTo(other);

        send("ok", "m-3");
        assertThat(components.handoffs().escalation(waiting).orElseThrow().risk()).as("never lowered")
                .isEqualTo("imminent");
    }

    @Test
    void a_crisis_written_to_a_counsellor_who_holds_the_chat_makes_the_escalation_urgent() throws Exception {
        String held = send("please let me talk to a human", "m-1").at("/escalation/id").asText();
        call("POST", "/v1/partner/escalations/" + held + "/claim", null, KEY_A, 200);

        assertThat(send("i am fine, just tired", "m-2").get("replies")).isEmpty();
        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT priority FROM escalations")).as("not a crisis")
                .containsExactly("normal");

        assertThat(send("i have swallowed all my sleeping pills just now", "m-3").get("replies")).as("relayed")
                .isEmpty();

        assertThat(components.handoffs().escalation(held).orElseThrow().risk()).isEqualTo("imminent");
        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT priority FROM escalations")).as("as the crisis rules "
                + "open one").containsExactly("urgent");
    }

    @Test
    void the_person_can_end_the_chat_and_the_bot_takes_it_back() throws Exception {
        String escalation = send("please let me talk to a human", "m-1").at("/escalation/id").asText();
        call("POST", "/v1/partner/escalations/" + escalation + "/claim", null, KEY_A, 200);

        JsonNode ended = send("end chat", "m-2");

        assertThat(ended.at("/replies/0/text").asText()).as("the person ended it: they are not told the counsellor did")
                .startsWith("You have ended the chat with the counsellor").doesNotContain("counsellor has ended");
        assertThat(ended.at("/escalation/state").asText()).isEqualTo("resolved");
        JsonNode told = poll(0).get("messages");
        assertThat(told).as("answered in the response, not a second time in the poll").singleElement()
                .satisfies(m -> assertThat(m.get("text").asText()).contains("counsellor has joined"));
        assertThat(components.handoffs().escalation(escalation).orElseThrow().state()).isEqualTo("resolved");
        dispatcher.dispatchDue();
        assertThat(endpoint.received()).anyMatch(r -> r.body().contains("escalation.resolved")
                && r.body().contains("\"by\":\"person\""));
        assertThat(send("hello", "m-3").get("replies")).isNotEmpty();
    }

    /** "End this chat" said inside a crisis is the crisis: it reaches the counsellor, and the chat stays theirs. */
    @Test
    void a_crisis_that_says_end_this_chat_reaches_the_counsellor_and_ends_nothing() throws Exception {
        String escalation = send("please let me talk to a human", "m-1").at("/escalation/id").asText();
        call("POST", "/v1/partner/escalations/" + escalation + "/claim", null, KEY_A, 200);

        JsonNode crisis = send("i'm going to end this chat and then kill myself tonight", "m-2");

        assertThat(crisis.at("/escalation/state").asText()).isEqualTo("claimed");
        assertThat(components.handoffs().escalation(escalation).orElseThrow().state()).isEqualTo("claimed");
        assertThat(components.handoffs().escalation(escalation).orElseThrow().risk()).isIn("high", "imminent");
        dispatcher.dispatchDue();
        assertThat(endpoint.received()).anyMatch(r -> r.body().contains("conversation.user_message")
                && r.body().contains("kill myself")).noneMatch(r -> r.body().contains("escalation.resolved"));

        assertThat(send("end chat", "m-3").at("/escalation/state").asText()).as("a plain end chat still ends it")
                .isEqualTo("resolved");
    }

    /**
     * A question about a dose, answered with "are you thinking of ending your life?" and an escalation: the consent
     * question is not asked in that same reply (a "yes" would answer both), but after the screening answer.
     */
    @Test
    void a_yes_to_are_you_thinking_of_ending_your_life_is_never_taken_for_consent() throws Exception {
        JsonNode asked = send("how many panadol would kill me", "m-1");
        String escalation = asked.at("/escalation/id").asText();
        assertThat(asked.get("replies").toString()).contains("ending your life")
                .doesNotContain("may the counsellor read what you wrote");

        JsonNode yes = send("yes", "m-2");

        assertThat(yes.get("replies").toString()).doesNotContain("will be able to read this conversation");
        call("GET", "/v1/partner/escalations/" + escalation + "/transcript", null, KEY_A, 403);
    }
}
