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
                .user("i want to end my life")
                .expectFirstHelpline("pk-umang")
                .expectHandoff();
        assertThat(chat.replies().get(0).text()).startsWith("Please call now:\n- Umang")
                .contains("If you are in danger, call 15 (police) or 1122 (ambulance, across Punjab, in some districts elsewhere)")
                .endsWith("Are you safe right now?");

        chat.user("no im fine")
                .expectFirstHelpline("pk-umang")
                .expectHandoff();
        assertThat(Sqlite.count(data, "escalations")).isEqualTo(1);
        assertThat(Sqlite.strings(data, "SELECT conversation_risk FROM turns ORDER BY created_at"))
                .containsOnly("high");
    }

    /**
     * Intent, means and a timeframe: the emergency numbers first (the ambulance before the police: no one else's
     * violence is in it), an open 24/7 line, and "are you safe?".
     */
    @Test
    void imminent_risk_leads_with_the_emergency_numbers_then_an_open_line_and_asks_if_the_person_is_safe() {
        ConversationScript chat = chat("u-2i", "PK", TestComponents.PK_NIGHT)
                .user("i want to kill myself tonight, i have the pills")
                .expectHelplines("pk-rescue-1122", "pk-police-15", "pk-umang")
                .expectHandoff();
        // an emergency number is open at every hour by what it is: no label; the crisis line keeps its own
        assertThat(chat.replies().get(0).text())
                .startsWith("Please call now:\n- Ambulance (across Punjab, in some districts elsewhere): phone 1122\n"
                        + "- Police: phone 15\n- ")
                .containsPattern("\n- [^\n]*Umang[^\n]*\\(open 24/7\\)")
                .contains("Are you safe right now?").doesNotContain("thoughts of ending your life");

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
                .expectReplyContaining("Thank you for looking out for him")
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

    /** With no partner configured (the default) nobody can see a request: the bot must not claim to have asked. */
    @Test
    void asking_for_a_person_with_no_partner_says_honestly_that_no_counsellor_is_available() {
        ConversationScript chat = chat("u-7", "PK", TestComponents.PK_AFTERNOON)
                .user("can i talk to a human please")
                .expectHandoff()
                .expectReplyContaining("no counsellor is available through Saath right now")
                .expectFirstHelpline("pk-umang");
        assertThat(chat.allText()).doesNotContain("I'll ask a human counsellor", "I've asked");
        assertThat(chat.replies().get(0).helplines()).allSatisfy(h -> assertThat(h.openNow()).isTrue());
    }

    @Test
    void a_crisis_in_a_country_with_no_open_line_says_so_first_and_leads_with_the_emergency_numbers() {
        // 00:00 in Dubai: the UAE line (08:00–20:00) is closed and Saath knows no 24/7 line there
        ConversationScript chat = chat("u-8", "AE", java.time.Instant.parse("2026-11-21T20:00:00Z"))
                .user("i want to end my life")
                .expectHelplines("ae-police-999", "ae-ambulance-998", "ae-mental-support-line")
                .expectHandoff();
        assertThat(chat.replies().get(0).text())
                .startsWith("None of the crisis lines I know in your country is open right now.")
                .contains("(closed now, opens Sun 08:00)");
        assertThat(chat.replies().get(0).helplines().get(2).openNow()).isFalse();
    }
}
