package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Sqlite;
import org.saath.TestComponents;

/** Whole conversations through the real {@link TurnProcessor}, store and all. */
class TurnProcessorConversationTest {

    @TempDir
    Path data;

    private ConversationScript chat(String user, String country, java.time.Instant now) {
        return new ConversationScript(TestComponents.components(data, now).turns(), user, country);
    }

    @Test
    void first_reply_greets_says_it_is_automated_and_carries_the_privacy_notice_once() {
        ConversationScript chat = chat("u-1", "PK", TestComponents.PK_AFTERNOON)
                .user("hi")
                .expectReplyContaining("automated assistant")
                .expectReplyContaining("Privacy")
                .expectNoHelplines()
                .expectNoHandoff();
        chat.user("hello again");
        assertThat(chat.allText()).doesNotContain("Privacy");
    }

    @Test
    void crisis_leads_with_an_open_line_escalates_and_a_later_fine_keeps_the_line() {
        ConversationScript chat = chat("u-2", "PK", TestComponents.PK_NIGHT)
                .user("i want to kill myself tonight, i have the pills")
                .expectFirstHelpline("pk-umang")
                .expectHandoff();
        assertThat(chat.replies().get(0).text()).startsWith("Please reach out to someone now:\n• Umang");

        chat.user("no im fine")
                .expectFirstHelpline("pk-umang")
                .expectHandoff();
        assertThat(Sqlite.count(data, "escalations")).isEqualTo(1);
        assertThat(Sqlite.strings(data, "SELECT conversation_risk FROM turns ORDER BY created_at"))
                .containsOnly("imminent");
    }

    @Test
    void third_person_crisis_is_answered_for_the_helper() {
        chat("u-3", "PK", TestComponents.PK_NIGHT)
                .user("my brother says he will kill himself")
                .expectFirstHelpline("pk-umang")
                .expectReplyContaining("Thank you for looking out for them")
                .expectHandoff();
    }

    @Test
    void an_idiom_does_not_raise_an_alarm() {
        chat("u-4", "PK", TestComponents.PK_AFTERNOON)
                .user("this traffic is killing me lol")
                .expectNoHandoff();
        assertThat(Sqlite.strings(data, "SELECT risk FROM turns")).containsExactly("none");
    }

    @Test
    void cyberbullying_in_the_afternoon_gets_the_drf_line_open() {
        chat("u-5", "PK", TestComponents.PK_AFTERNOON)
                .user("someone is blackmailing me with my pictures, he says he will post them")
                .expectFirstHelpline("pk-drf-cyber-harassment")
                .expectReply(r -> assertThat(r.replies().get(0).helplines().get(0).openNow()).isTrue());
    }

    @Test
    void roman_urdu_is_answered_in_roman_urdu_and_a_short_ok_does_not_switch_language() {
        ConversationScript chat = chat("u-6", "PK", TestComponents.PK_AFTERNOON)
                .user("yaar mujhe bohat ghabrahat ho rahi hai, dil tez dhadak raha hai");
        assertThat(chat.replies().get(0).text()).contains("ghabrahat");
        chat.user("ok thanks");
        assertThat(chat.allText()).contains("Apna khayal rakhiye");
    }

    @Test
    void asking_for_a_person_opens_an_escalation_and_says_so_honestly() {
        chat("u-7", "PK", TestComponents.PK_AFTERNOON)
                .user("can i talk to a human please")
                .expectHandoff()
                .expectReplyContaining("I can't promise how soon someone will reply");
    }

    @Test
    void a_crisis_in_a_country_with_no_open_line_says_so_and_points_to_emergency_services() {
        // 23:00 in Dubai: the UAE line (08:00–20:00) is closed and Saath knows no 24/7 line there
        chat("u-8", "AE", java.time.Instant.parse("2026-11-21T19:00:00Z"))
                .user("i want to end my life")
                .expectReplyContaining("None of the crisis lines I know for your country is open right now")
                .expectReply(r -> assertThat(r.replies().get(0).helplines().get(0).openNow()).isFalse())
                .expectHandoff();
    }
}
