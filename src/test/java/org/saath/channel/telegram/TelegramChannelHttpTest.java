package org.saath.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.saath.channel.FakePlatform;
import org.saath.channel.PlatformFixture;
import org.saath.config.ChannelsConfig;
import org.saath.config.SaathConfig;

/**
 * Telegram end to end: the real app, a fake Bot API on loopback, the outbox dispatcher. The updates are the Bot API
 * documentation's examples, verbatim ({@code src/test/resources/webhooks/telegram-*.json}); a conversation uses them
 * with other update ids and words.
 */
class TelegramChannelHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOT_TOKEN = "123456:ABC-test-token";
    private static final String SECRET = "s3cr3t_T0ken-abc";
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    @RegisterExtension
    final PlatformFixture platform = new PlatformFixture(T0,
            new FakePlatform.Answer(200, "{\"ok\":true,\"result\":{}}"),
            url -> new ChannelsConfig(null, null, new ChannelsConfig.Telegram(BOT_TOKEN, SECRET, url), null));
    private long nextUpdate = 20000;

    private static ObjectNode fixture(String name) throws IOException {
        return (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("src/test/resources/webhooks", name)));
    }

    private HttpResponse<String> post(byte[] body, String secret) throws Exception {
        return secret == null ? platform.rig().post("/webhooks/telegram", body, "Content-Type", "application/json")
                : platform.rig().post("/webhooks/telegram", body, "Content-Type", "application/json",
                        "X-Telegram-Bot-Api-Secret-Token", secret);
    }

    /** The documentation's text update with a new update id and these words. */
    private HttpResponse<String> say(String words) throws Exception {
        ObjectNode update = fixture("telegram-text.json").put("update_id", nextUpdate++);
        ((ObjectNode) update.get("message")).put("text", words);
        return post(JSON.writeValueAsBytes(update), SECRET);
    }

    /** The documentation's callback query: a tap on one of Saath's buttons, in the private chat. */
    private HttpResponse<String> tap(String data) throws Exception {
        ObjectNode update = fixture("telegram-callback-query.json").put("update_id", nextUpdate++);
        ((ObjectNode) update.get("callback_query")).put("data", data);
        return post(JSON.writeValueAsBytes(update), SECRET);
    }

    private List<JsonNode> sent() {
        return platform.api().accepted().stream().map(FakePlatform.Request::json).toList();
    }

    @Test
    void the_secret_token_header_is_required_exactly_and_nothing_is_stored_without_it() throws Exception {
        byte[] body = Files.readAllBytes(Path.of("src/test/resources/webhooks/telegram-text.json"));

        assertThat(post(body, null).statusCode()).isEqualTo(401);
        assertThat(post(body, "s3cr3t_T0ken-abd").statusCode()).isEqualTo(401);
        assertThat(post(body, "S3CR3T_T0KEN-ABC").statusCode()).isEqualTo(401);
        assertThat(platform.rig().storedAboutPeople()).isZero();

        assertThat(post(body, SECRET).statusCode()).isEqualTo(200);
        assertThat(platform.rig().count("turns")).isEqualTo(1);
    }

    @Test
    void a_date_telegram_could_not_have_sent_or_a_nul_in_the_text_still_gets_an_answer() throws Exception {
        for (long date : List.of(Long.MAX_VALUE, Long.MIN_VALUE, -62_167_219_200_000L, 99_999_999_999L)) {
            ObjectNode update = fixture("telegram-text.json").put("update_id", nextUpdate++);
            ((ObjectNode) update.get("message")).put("date", date).put("text", "hello\u0000 there");

            assertThat(post(JSON.writeValueAsBytes(update), SECRET).statusCode()).as("date " + date).isEqualTo(200);
        }
        assertThat(platform.rig().count("turns")).isEqualTo(4);
        assertThat(platform.rig().strings("SELECT text_redacted FROM turns")).allSatisfy(t ->
                assertThat(t).isEqualTo("hello there"));
    }

    @Test
    void a_question_gets_yes_no_buttons_and_a_tap_answers_it_and_is_acknowledged() throws Exception {
        say("i feel so anxious, my heart is racing and i can't calm down");
        platform.rig().dispatch();
        JsonNode question = sent().stream().filter(m -> m.has("reply_markup")).findFirst().orElseThrow();
        assertThat(question.get("chat_id").asText()).isEqualTo("1111111");
        assertThat(question.at("/reply_markup/inline_keyboard/0/0/text").asText()).isEqualTo("Yes");
        String no = question.at("/reply_markup/inline_keyboard/0/1/callback_data").asText();
        assertThat(no).as("the question's tag, then the words").matches("[0-9a-f]{8}\\|No");
        assertThat(platform.api().accepted().get(0).path()).isEqualTo("/bot" + BOT_TOKEN + "/sendMessage");

        HttpResponse<String> tapped = tap(question.at("/reply_markup/inline_keyboard/0/0/callback_data").asText());

        JsonNode ack = JSON.readTree(tapped.body());
        assertThat(ack.get("method").asText()).isEqualTo("answerCallbackQuery");
        assertThat(ack.get("callback_query_id").asText()).isEqualTo("4382bfdwdsb323b2d9");
        assertThat(platform.rig().strings("SELECT rule_id FROM turns ORDER BY created_at, rowid")).last().asString()
                .endsWith("-yes");
    }

    /**
     * Buttons stay under old messages. A tap on an old question's "Yes" once the bot has moved on to another question
     * answered the new one: it could share the person's words with a counsellor or close a risk check. It now
     * answers nothing (acknowledged, no reply, nothing changed); a tap on the question asked now still answers it,
     * and a button sent before the tags were (its words alone) still does too.
     */
    @Test
    void a_tap_on_an_old_question_s_button_answers_nothing() throws Exception {
        say("i feel so anxious, my heart is racing and i can't calm down");
        platform.rig().dispatch();
        String oldYes = sent().stream().filter(m -> m.has("reply_markup")).findFirst().orElseThrow()
                .at("/reply_markup/inline_keyboard/0/0/callback_data").asText();
        say("my exams are tomorrow and i can't sleep");
        long turns = platform.rig().count("turns");

        HttpResponse<String> stale = tap(oldYes);

        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(stale.body()).get("method").asText()).isEqualTo("answerCallbackQuery");
        assertThat(platform.rig().count("turns")).as("no turn, no reply").isEqualTo(turns);
        assertThat(tap("Yes").statusCode()).as("a button without a tag").isEqualTo(200);
        assertThat(platform.rig().count("turns")).isEqualTo(turns + 1);
    }

    /**
     * QA s41 pass 2, finding 5: a tap on a button Saath never made (the Bot API documentation's own callback query,
     * {@code "data":"Data from button callback"}, verbatim) was stored and answered as if the person had typed it.
     * It is now acknowledged, so the person's client stops waiting, and nothing more: no turn, no reply, not even
     * while the bot waits for a yes or a no. Saath's own buttons, tagged or sent before the tags, still answer.
     */
    @Test
    void a_tap_on_a_button_saath_did_not_make_is_acknowledged_and_answers_nothing() throws Exception {
        byte[] verbatim = Files.readAllBytes(Path.of("src/test/resources/webhooks/telegram-callback-query.json"));

        HttpResponse<String> foreign = post(verbatim, SECRET);

        assertThat(foreign.statusCode()).isEqualTo(200);
        JsonNode ack = JSON.readTree(foreign.body());
        assertThat(ack.get("method").asText()).isEqualTo("answerCallbackQuery");
        assertThat(ack.get("callback_query_id").asText()).isEqualTo("4382bfdwdsb323b2d9");
        platform.rig().dispatch();
        assertThat(platform.rig().storedAboutPeople()).as("no turn, no reply queued").isZero();
        assertThat(platform.api().received()).as("nothing sent").isEmpty();

        say("i feel so anxious, my heart is racing and i can't calm down");
        platform.rig().dispatch();
        String yes = sent().stream().filter(m -> m.has("reply_markup")).findFirst().orElseThrow()
                .at("/reply_markup/inline_keyboard/0/0/callback_data").asText();
        long turns = platform.rig().count("turns");
        int messages = sent().size();
        for (String data : List.of("Data from button callback", "yes", "Yes please")) {
            assertThat(JSON.readTree(tap(data).body()).get("method").asText()).as(data)
                    .isEqualTo("answerCallbackQuery");
        }
        platform.rig().dispatch();
        assertThat(platform.rig().count("turns")).as("none of them answers the question").isEqualTo(turns);
        assertThat(sent()).hasSize(messages);

        assertThat(tap(yes).statusCode()).isEqualTo(200);
        assertThat(platform.rig().strings("SELECT rule_id FROM turns ORDER BY created_at, rowid")).hasSize(
                (int) turns + 1).last().asString().endsWith("-yes");
    }

    /**
     * "Are you safe right now?" asked twice (the crisis reply, then its follow-up under a new tag): a tap on the first
     * one's "No" is heard (the emergency numbers, an urgent escalation); its "Yes" is not.
     */
    @Test
    void a_tap_on_an_older_no_while_are_you_safe_is_open_is_heard_as_not_safe() throws Exception {
        say("i want to kill myself");
        platform.rig().dispatch();
        JsonNode first = sent().stream().filter(m -> m.has("reply_markup")).findFirst().orElseThrow();
        String oldYes = first.at("/reply_markup/inline_keyboard/0/0/callback_data").asText();
        String oldNo = first.at("/reply_markup/inline_keyboard/0/1/callback_data").asText();
        say("i'm scared");
        platform.rig().dispatch();
        assertThat(platform.rig().strings("SELECT state FROM conversations")).containsExactly("safety_check");
        long turns = platform.rig().count("turns");

        tap(oldYes);
        assertThat(platform.rig().count("turns")).as("an old yes closes nothing").isEqualTo(turns);
        tap(oldNo);
        platform.rig().dispatch();

        assertThat(platform.rig().strings("SELECT rule_id FROM turns ORDER BY created_at, rowid")).last()
                .isEqualTo("not-safe");
        assertThat(sent()).last().satisfies(m -> assertThat(m.get("text").asText()).startsWith("Please call now:")
                .contains("15", "1122"));
    }

    @Test
    void a_group_chat_is_acknowledged_and_skipped() throws Exception {
        ObjectNode update = fixture("telegram-text.json");
        ((ObjectNode) update.at("/message/chat")).put("type", "group").put("id", -100123);
        ObjectNode tap = fixture("telegram-callback-query.json");
        ((ObjectNode) tap.get("callback_query")).put("data", "Yes").putObject("message").putObject("chat")
                .put("type", "group").put("id", -100123);

        assertThat(post(JSON.writeValueAsBytes(update), SECRET).statusCode()).isEqualTo(200);
        HttpResponse<String> tapped = post(JSON.writeValueAsBytes(tap), SECRET);
        assertThat(JSON.readTree(tapped.body()).path("method").asText()).as("the client stops waiting")
                .isEqualTo("answerCallbackQuery");
        assertThat(platform.rig().storedAboutPeople()).isZero();
    }

    @Test
    void voice_notes_documents_and_audio_get_the_text_only_reply() throws Exception {
        for (String name : List.of("telegram-voice.json", "telegram-document.json", "telegram-audio.json")) {
            post(JSON.writeValueAsBytes(fixture(name).put("update_id", nextUpdate++)), SECRET);
        }
        platform.rig().dispatch();

        assertThat(platform.rig().strings("SELECT rule_id FROM turns")).containsOnly("media").hasSize(3);
        assertThat(sent()).filteredOn(m -> m.get("text").asText().contains("I can only read text")).hasSize(3);
    }

    /**
     * An edit answers no question asked since the message was first written ("ok" edited while the bot asks "are
     * you safe?" is no yes): Telegram's published edited message changes nothing, its repeat neither. It is read again
     * for danger only: an edit that adds a crisis is answered as one.
     */
    @Test
    void an_edited_message_is_heard_for_danger_only_and_answers_no_question() throws Exception {
        byte[] edited = Files.readAllBytes(Path.of("src/test/resources/webhooks/telegram-edited-message.json"));

        assertThat(post(edited, SECRET).statusCode()).isEqualTo(200);
        assertThat(post(edited, SECRET).statusCode()).isEqualTo(200);
        platform.rig().dispatch();
        assertThat(platform.rig().count("turns")).isZero();
        assertThat(platform.api().received()).isEmpty();

        ObjectNode crisis = (ObjectNode) JSON.readTree(edited);
        crisis.put("update_id", nextUpdate++);
        ((ObjectNode) crisis.get("edited_message")).put("text", "i want to kill myself tonight");
        assertThat(post(JSON.writeValueAsBytes(crisis), SECRET).statusCode()).isEqualTo(200);
        assertThat(platform.rig().strings("SELECT risk FROM turns")).singleElement().asString()
                .isIn("high", "imminent");

        say("i feel so alone and empty, nothing matters anymore");     // the bot asks a yes/no question
        ObjectNode yes = (ObjectNode) JSON.readTree(edited);
        yes.put("update_id", nextUpdate++);
        ((ObjectNode) yes.get("edited_message")).put("text", "yes");
        long turns = platform.rig().count("turns");
        post(JSON.writeValueAsBytes(yes), SECRET);
        assertThat(platform.rig().count("turns")).as("an edited yes answers nothing").isEqualTo(turns);
    }

    @Test
    void the_bot_api_down_for_ten_minutes_loses_no_reply() throws Exception {
        platform.api().down(true);
        say("hello");
        say("i am very stressed about my exams");
        platform.rig().dispatchFor(Duration.ofMinutes(10), Duration.ofSeconds(15));
        assertThat(platform.api().accepted()).isEmpty();

        platform.api().down(false);
        platform.rig().dispatchFor(Duration.ofMinutes(10), Duration.ofSeconds(15));

        String replies = String.join("\n",
                platform.rig().strings("SELECT reply_text FROM turns ORDER BY created_at, rowid"));
        assertThat(String.join("\n", sent().stream().map(m -> m.get("text").asText()).toList())).isEqualTo(replies);
        assertThat(platform.rig().strings("SELECT DISTINCT state FROM outbox")).containsExactly("delivered");
    }

    @Test
    void a_flood_from_one_person_gets_429_with_retry_after_but_a_crisis_still_goes_through() throws Exception {
        platform.restart("flood", c -> c.withLimits(new SaathConfig.Limits(2, 3, Duration.ofHours(24), 5)));
        say("hello");
        say("how are you");

        HttpResponse<String> flooded = say("are you there");
        HttpResponse<String> crisis = say("i want to kill myself tonight");

        assertThat(flooded.statusCode()).isEqualTo(429);
        assertThat(flooded.headers().firstValue("Retry-After")).isPresent();
        assertThat(crisis.statusCode()).isEqualTo(200);
        assertThat(platform.rig().count("turns")).isEqualTo(3);
    }

    @Test
    void a_person_who_blocked_the_bot_is_not_retried_forever() throws Exception {
        platform.api().answerNext(new FakePlatform.Answer(403,
                "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}"));
        say("hello");

        platform.rig().dispatchFor(Duration.ofMinutes(1), Duration.ofSeconds(15));

        assertThat(platform.rig().strings("SELECT state FROM outbox ORDER BY seq")).first().isEqualTo("undelivered");
    }

    /**
     * Telegram's flood control answers 429 with how many seconds to wait ({@code parameters.retry_after}): the reply
     * is tried again after that wait, not in 1-2 seconds, which would spend its attempts hammering a limit.
     */
    @Test
    void a_reply_telegram_rate_limits_is_tried_again_after_the_wait_it_asked_for() throws Exception {
        platform.api().answerNext(new FakePlatform.Answer(429, "{\"ok\":false,\"error_code\":429,"
                + "\"description\":\"Too Many Requests: retry after 120\",\"parameters\":{\"retry_after\":120}}"));
        say("hello");
        Instant sentAt = platform.rig().clock.instant();

        platform.rig().dispatch();

        assertThat(platform.rig().strings("SELECT state || ' ' || attempts FROM outbox ORDER BY seq")).first()
                .isEqualTo("pending 1");
        Instant next = Instant.parse(platform.rig().strings("SELECT next_attempt_at FROM outbox ORDER BY seq")
                .get(0).strip());
        assertThat(next).isAfterOrEqualTo(sentAt.plusSeconds(120));
        platform.rig().clock.advance(Duration.ofSeconds(121));
        platform.rig().dispatch();
        assertThat(platform.rig().strings("SELECT state FROM outbox ORDER BY seq")).first().isEqualTo("delivered");
    }

    /**
     * A forwarded message is someone else's words (a friend's, shown to the person): a crisis in it is answered for
     * the helper, as "my friend says she will…" is, not as if the person were about to act.
     */
    /**
     * An update id answered before, sent again with another text, is another message (Telegram picks an update's id at
     * random after a week without updates): it gets its own answer, and a redelivery of it nothing more.
     */
    @Test
    void an_update_id_met_again_with_another_text_is_a_new_message() throws Exception {
        ObjectNode first = fixture("telegram-text.json").put("update_id", 777);
        ((ObjectNode) first.get("message")).put("text", "hello");
        assertThat(post(JSON.writeValueAsBytes(first), SECRET).statusCode()).isEqualTo(200);
        ObjectNode later = fixture("telegram-text.json").put("update_id", 777);
        ((ObjectNode) later.get("message")).put("text", "i took all my pills an hour ago");
        assertThat(post(JSON.writeValueAsBytes(later), SECRET).statusCode()).isEqualTo(200);
        assertThat(post(JSON.writeValueAsBytes(later), SECRET).statusCode()).isEqualTo(200);

        assertThat(platform.rig().strings("SELECT risk FROM turns ORDER BY turn_no")).hasSize(2).last()
                .isEqualTo("imminent");
        assertThat(platform.rig().count("processed_messages")).isEqualTo(2);
    }

    @Test
    void a_forwarded_crisis_is_answered_for_the_helper() throws Exception {
        ObjectNode update = fixture("telegram-text.json").put("update_id", nextUpdate++);
        ObjectNode message = (ObjectNode) update.get("message");
        message.put("text", "I have the pills in my hand, taking them all tonight");
        message.putObject("forward_origin").put("type", "hidden_user").put("sender_user_name", "A friend")
                .put("date", message.get("date").asLong() - 60);

        assertThat(post(JSON.writeValueAsBytes(update), SECRET).statusCode()).isEqualTo(200);

        assertThat(platform.rig().strings("SELECT rule_id FROM turns")).singleElement().asString()
                .contains("third-person");
        say("I have the pills in my hand, taking them all tonight");
        assertThat(platform.rig().strings("SELECT rule_id FROM turns ORDER BY turn_no")).last().asString()
                .as("the same words, the person's own").doesNotContain("third-person");
    }
}
