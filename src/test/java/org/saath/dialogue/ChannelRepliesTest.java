package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Components;
import org.saath.Sqlite;
import org.saath.TestComponents;
import org.saath.channel.InboundMessage;
import org.saath.channel.ReplyTo;
import org.saath.channel.TurnResult;
import org.saath.nlu.Command;
import org.saath.nlu.Language;
import org.saath.privacy.SealedAddress;

/**
 * What a turn does for a platform channel: its replies are queued in the outbox, in order, to the sealed address,
 * once per platform message id; a yes/no question says so (with the answers in the person's language); something
 * Saath cannot read gets a kind reply in the conversation's language.
 */
class ChannelRepliesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SealedAddress ADDRESS = new SealedAddress("a1:sealed-for-test");

    @TempDir
    Path data;

    private static InboundMessage whatsapp(String id, String text, boolean media) {
        return new InboundMessage("whatsapp", "923001234567", id, text, Optional.empty(),
                Optional.of("+923001234567"), media,
                Optional.of(new ReplyTo(ADDRESS, TestComponents.PK_AFTERNOON)));
    }

    private List<JsonNode> queued() throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String payload : Sqlite.strings(data, "SELECT payload FROM outbox WHERE destination = 'channel' "
                + "ORDER BY seq")) {
            out.add(JSON.readTree(payload));
        }
        return out;
    }

    @Test
    void replies_are_queued_in_order_to_the_sealed_address_once_per_message_id() throws Exception {
        Components c = TestComponents.components(data, TestComponents.PK_AFTERNOON);

        TurnResult result = c.turns().handle(whatsapp("wamid.1", "i feel anxious all the time", false));
        c.turns().handle(whatsapp("wamid.1", "i feel anxious all the time", false));

        List<JsonNode> rows = queued();
        assertThat(rows.stream().map(r -> r.get("text").asText()).toList())
                .isEqualTo(result.replies().stream().map(TurnResult.Reply::text).toList());
        assertThat(rows).allMatch(r -> r.get("address").asText().equals(ADDRESS.value())
                && r.get("sender").asText().equals("saath"));
    }

    @Test
    void a_yes_no_question_is_marked_and_carries_the_answers_in_the_person_s_language() throws Exception {
        Components c = TestComponents.components(data, TestComponents.PK_AFTERNOON);

        TurnResult result = c.turns().handle(whatsapp("wamid.1", "mujhe bohat ghabrahat ho rahi hai", false));

        assertThat(result.replies().get(0).expects()).isEqualTo(TurnResult.Reply.YES_NO);
        assertThat(result.replies().subList(1, result.replies().size())).allMatch(r -> r.expects() == null);
        assertThat(queued().get(0).get("choices").toString()).isEqualTo("[\"Haan\",\"Nahi\"]");
    }

    /** "Are you safe right now?" after abuse at home is a yes/no question too: Telegram shows it with buttons. */
    @Test
    void are_you_safe_right_now_is_marked_as_a_yes_no_question() {
        Components c = TestComponents.components(data, TestComponents.PK_AFTERNOON);

        TurnResult result = c.turns().handle(whatsapp("wamid.1", "he beats me every day and i'm scared", false));

        assertThat(result.replies().get(0).text()).contains("Are you safe right now?");
        assertThat(result.replies().get(0).expects()).isEqualTo(TurnResult.Reply.YES_NO);
        assertThat(Sqlite.strings(data, "SELECT state FROM conversations")).containsExactly("safety_check");
    }

    /** A voice note in answer to "are you safe right now?" keeps the question open and gives the protection lines. */
    @Test
    void a_voice_note_while_asked_whether_they_are_safe_keeps_the_question_and_gives_protection_lines() {
        Components c = TestComponents.components(data, TestComponents.PK_AFTERNOON);
        c.turns().handle(whatsapp("wamid.1", "he beats me every day and i'm scared", false));

        TurnResult voice = c.turns().handle(whatsapp("wamid.2", "", true));

        assertThat(voice.replies().get(0).text()).contains("can only read text");
        assertThat(voice.replies().get(0).helplines()).extracting(TurnResult.HelplineView::id)
                .contains("pk-madadgaar");
        assertThat(Sqlite.strings(data, "SELECT state FROM conversations")).containsExactly("safety_check");
    }

    @Test
    void the_generic_channel_answers_in_its_response_and_queues_nothing() {
        Components c = TestComponents.components(data, TestComponents.PK_AFTERNOON);

        c.turns().handle(new InboundMessage("generic", "u-1", "m-1", "i feel anxious", Optional.of("PK")));

        assertThat(Sqlite.count(data, "outbox")).isZero();
    }

    @Test
    void a_voice_note_in_an_urdu_conversation_gets_the_urdu_text_only_reply_and_keeps_the_question_open() {
        Components c = TestComponents.components(data, TestComponents.PK_AFTERNOON);
        c.turns().handle(whatsapp("wamid.1", "مجھے بہت گھبراہٹ ہو رہی ہے", false));
        String state = Sqlite.strings(data, "SELECT state FROM conversations").get(0);

        TurnResult voice = c.turns().handle(whatsapp("wamid.2", "", true));

        assertThat(voice.replies().get(0).text()).contains("صرف لکھے ہوئے پیغام");
        assertThat(Sqlite.strings(data, "SELECT state FROM conversations")).containsExactly(state);
    }

    @Test
    void the_answer_words_on_buttons_are_heard_as_yes_and_no_in_every_language() {
        ReplyRenderer renderer = new ReplyRenderer(Templates.loadFromClasspath());
        for (Language language : Language.supported()) {
            List<String> answers = renderer.yesNo(language);
            assertThat(TestComponents.analyser().analyse(answers.get(0)).command()).as(language + " yes")
                    .contains(Command.YES);
            assertThat(TestComponents.analyser().analyse(answers.get(1)).command()).as(language + " no")
                    .contains(Command.NO);
        }
    }
}
