package org.saath.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saath.dialogue.GoldenConversations;

/**
 * The hub's promise: the directory API gives exactly the lines the chat gives. Each case asks the chat (through
 * {@code POST /v1/messages}, as a new person) and the API for the same topic, country and moment, and compares the
 * lines in order; the emergency numbers and international directories the chat adds around them are compared with
 * the API's own lists.
 */
class DirectoryMatchesChatHttpTest {

    @TempDir
    static Path dir;
    private static GoldenConversations.ScriptClock clock;
    private static HubApp hub;
    private static int people;

    @BeforeAll
    static void start() {
        clock = new GoldenConversations.ScriptClock(Instant.parse("2026-11-20T20:00:00Z"));
        hub = HubApp.start(dir, clock, c -> c.withHub(new org.saath.config.SaathConfig.Hub(List.of(), 10_000)));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @ParameterizedTest(name = "{0} in {1} at {2}")
    @CsvSource(delimiter = '|', value = {   // in time order: the clock only moves forward
        "crisis|PK|2026-11-20T21:00:00Z|i want to end my life",
        "cyberbullying|PK|2026-11-20T21:00:00Z|someone is blackmailing me with my private photos",
        "abuse_violence|PK|2026-11-20T21:00:00Z|my husband beats me every day",
        "crisis|EG|2026-11-20T23:00:00Z|i want to end my life",
        "crisis|PK|2026-11-21T09:00:00Z|میں اپنی زندگی ختم کرنا چاہتا ہوں",
        "cyberbullying|PK|2026-11-21T09:00:00Z|someone is blackmailing me with my private photos",
        "abuse_violence|GB|2026-11-21T09:00:00Z|my husband beats me every day",
        "anxiety|PK|2026-11-21T09:00:00Z|i keep having panic attacks",
        "depression|PK|2026-11-21T09:00:00Z|i feel so empty and sad all the time",
        "substance|PK|2026-11-21T09:00:00Z|i cant stop drinking alcohol every night",
        "substance|EG|2026-11-21T09:00:00Z|i am addicted to drugs",
        "work_stress|PK|2026-11-21T09:00:00Z|my boss is crushing me with deadlines and work stress>yes",
        "professional|PK|2026-11-21T09:00:00Z|i need help",
        "crisis|AE|2026-11-21T19:00:00Z|i want to end my life",
        // no line of Britain for it: Samaritans, open, before the directories, in the chat and the API alike
        "cyberbullying|GB|2026-11-21T23:00:00Z|im 16 and someone on insta says theyll send my nudes to my school"
    })
    void the_api_lists_the_lines_the_chat_gives(String topic, String country, String at, String messages)
            throws Exception {
        clock.moveTo(Instant.parse(at));
        String person = "person-" + (++people);
        JsonNode reply = null;
        int id = 0;
        for (String text : messages.split(">")) {
            reply = HubApp.json(hub.post("/v1/messages", HubApp.JSON.writeValueAsString(Map.of("user", person,
                    "id", "m-" + (++id), "text", text, "country", country)), hub.generic()));
        }
        HttpResponse<String> api = hub.get("/v1/helplines?country=" + country + "&topic=" + topic + "&at="
                + URLEncoder.encode(at, StandardCharsets.UTF_8));
        JsonNode help = HubApp.json(api);

        Set<String> around = Set.copyOf(ids(help.get("emergency"), help.get("international"), help.get("listening")));
        List<String> chat = new ArrayList<>(ids(reply.at("/replies/0/helplines")));
        List<String> chatAround = chat.stream().filter(around::contains).toList();
        chat.removeIf(around::contains);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(chat).as("the chat's lines for " + topic).isEqualTo(ids(help.get("helplines")));
        assertThat(around).as("what the chat added around them").containsAll(chatAround);
    }

    private static List<String> ids(JsonNode... lists) {
        List<String> out = new ArrayList<>();
        for (JsonNode list : lists) {
            list.forEach(h -> out.add(h.get("id").asText()));
        }
        return out;
    }
}
