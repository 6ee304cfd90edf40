package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Sqlite;
import org.saath.TestComponents;
import org.saath.channel.TurnResult;

/**
 * Words that hold a person (issue 17), through the real {@link TurnProcessor}: a question about a way or a dose is
 * risk, never trivia; a crisis exchange that listens (in the person's terms, hope, "are you safe right now?", never
 * the same text twice, never re-asking what was said, "I'm fine" read as an answer); replies that agree with the
 * gender the person's words marked and speak of someone else as they did; sextortion and abuse advice; honest
 * privacy words.
 */
class ListeningRepliesConversationTest {

    /** 02:00 in Cairo. */
    private static final Instant EG_NIGHT = Instant.parse("2026-11-21T00:00:00Z");

    @TempDir
    Path data;

    private ConversationScript chat(String user, String country, Instant now) {
        return new ConversationScript(TestComponents.components(data, now).turns(), user, country);
    }

    /** Review finding 4/12: "how many paracetamol would kill me" got "I can't help with that", even after a check. */
    @Test
    void a_lethal_dose_question_after_a_risk_check_is_answered_on_the_crisis_route_with_no_method_facts() {
        ConversationScript chat = chat("means-1", "PK", TestComponents.PK_NIGHT)
                // the risk model reads "…, nothing matters anymore" as high (a crisis reply, not the check)
                .user("I feel hopeless and empty")
                .expectReplyContaining("are you having thoughts of ending your life?")
                .user("not really")
                .user("how many paracetamol would kill me")
                .expectFirstHelpline("pk-umang")
                .expectReply(r -> assertThat(r.replies().get(0).helplines().get(0).openNow()).isTrue())
                .expectReplyContaining("I can't answer that")
                .expectReplyContaining("are you thinking about ending your life?")
                .expectReplyContaining("15 (police) or 1122 (ambulance, across Punjab, in some districts elsewhere)");
        assertThat(chat.allText()).doesNotContain("paracetamol", "mg", "dose", "can't help with that");

        chat.user("yes").expectHandoff().expectReplyContaining("Are you safe right now?");
        assertThat(Sqlite.strings(data, "SELECT conversation_risk FROM turns ORDER BY created_at")).last()
                .isEqualTo("high");
    }

    @Test
    void a_method_question_in_roman_urdu_and_urdu_gets_the_same_route_never_out_of_scope() {
        chat("means-2", "PK", TestComponents.PK_NIGHT)
                .user("kitni goliyan khane se insaan mar jata hai")
                .expectFirstHelpline("pk-umang")
                .expectReplyContaining("Is sawal ka jawab main nahi de sakta")
                .expectReplyContaining("apni jaan lene ke khayal");
        chat("means-3", "PK", TestComponents.PK_NIGHT)
                .user("کتنی گولیاں کھانے سے موت ہو جاتی ہے")
                .expectFirstHelpline("pk-umang")
                .expectReplyContaining("اس سوال کا جواب میں نہیں دے سکتا");
        assertThat(Sqlite.strings(data, "SELECT rule_id FROM turns")).containsOnly("asks-about-means");
    }

    /**
     * The same kind of question read at no risk (a dose for a headache) gets no dose either, is told where to ask
     * about medicines, and is asked directly, without "the answer could hurt you": the rule that matched before the
     * risk was raised decides the turn.
     */
    @Test
    void a_dose_asked_for_a_headache_is_sent_to_a_pharmacist_and_still_asked_directly() {
        chat("means-4", "GB", TestComponents.PK_AFTERNOON)
                .user("how many panadol can i take for a headache?")
                .expectFirstHelpline("gb-samaritans")
                .expectReplyContaining("A pharmacist or doctor is the one to ask about medicines")
                .expectReplyContaining("are you thinking about ending your life?")
                .expectReply(r -> assertThat(r.replies().toString()).doesNotContain("could hurt you"));
        assertThat(Sqlite.strings(data, "SELECT rule_id FROM turns")).containsOnly("asks-about-means-unsure");
    }

    /** Finding 8/9/10: the same ~590 characters twice, then "are you having thoughts…?" after two statements. */
    @Test
    void a_second_disclosure_gets_a_short_follow_up_and_is_never_asked_what_it_already_said() {
        ConversationScript chat = chat("listen-1", "PK", TestComponents.PK_NIGHT).user("i want to die");
        String first = chat.replies().get(0).text();
        assertThat(first).contains("Thank you for telling me you're thinking about ending your life",
                "Feelings this strong can ease", "Are you safe right now?");

        chat.user("i want to kill myself");
        String second = chat.replies().get(0).text();
        chat.user("i just want it all to end");
        String third = chat.replies().get(0).text();

        assertThat(List.of(second, third)).allSatisfy(text -> assertThat(text).doesNotContain(
                "thoughts of ending your life?", "Feelings this strong").contains("Umang"));
        assertThat(second).isNotEqualTo(first).isNotEqualTo(third);
        assertThat(second.length()).isLessThan(first.length());
    }

    /** Finding 13: "I'm fine" straight after a crisis got "I'm not sure I understood". */
    @Test
    void i_m_fine_after_a_crisis_is_an_answer_the_lines_stay_and_the_risk_is_remembered() {
        ConversationScript chat = chat("fine-1", "PK", TestComponents.PK_NIGHT)
                .user("i want to end my life")
                .user("i'm fine")
                .expectFirstHelpline("pk-umang")
                .expectReplyContaining("I'm glad you're safe right now");
        chat.user("i'm fine, really")
                .expectFirstHelpline("pk-umang")
                .expectReplyContaining("What you told me earlier still matters");
        assertThat(chat.allText()).doesNotContain("not sure I understood");
        chat("fine-2", "PK", TestComponents.PK_NIGHT).user("mujhe jeena nahi hai").user("main theek hoon")
                .expectFirstHelpline("pk-umang").expectReplyContaining("mehfooz");
        chat("fine-3", "EG", EG_NIGHT).user("بدي انتحر ما عاد فيني").user("أنا بخير")
                .expectReplyContaining("يسعدني");
        assertThat(Sqlite.strings(data, "SELECT conversation_risk FROM turns")).containsOnly("high");
    }

    /** The first crisis reply writes out the open line; the others are listed with it and written on request. */
    @Test
    void more_lines_writes_out_the_lines_the_short_first_reply_held_back() {
        ConversationScript chat = chat("more-1", "PK", TestComponents.PK_NIGHT).user("i want to end my life")
                .expectFirstHelpline("pk-umang")
                .expectReplyContaining("Say \"more lines\" for other numbers.");
        assertThat(chat.replies().get(0).helplines()).extracting(TurnResult.HelplineView::id)
                .contains("pk-humraaz-1166");
        assertThat(chat.allText()).contains("Umang").doesNotContain("Humraaz");

        chat.user("more lines");
        assertThat(chat.allText()).contains("Umang", "Humraaz");
    }

    /** Finding 10: "chahti hoon" and «خائفة» were answered as a man. */
    @Test
    void replies_agree_with_the_gender_the_person_s_own_words_marked_and_remember_it() {
        ConversationScript urdu = chat("g-1", "PK", TestComponents.PK_AFTERNOON)
                .user("main bohat ghabra rahi hoon, dil tez dhadak raha hai")
                .expectReplyContaining("Aap akeli nahi hain");
        urdu.user("haan");
        assertThat(Sqlite.strings(data, "SELECT person_gender FROM conversations")).containsExactly("feminine");

        ConversationScript arabic = chat("g-2", "EG", EG_NIGHT).user("جوزي بيضربني كل يوم وأنا خايفة")
                .expectReplyContaining("اتصلي");
        assertThat(arabic.allText()).doesNotContain("اتصلْ", "اذهب ");

        ConversationScript neutral = chat("g-3", "EG", EG_NIGHT).user("جوزي بيضربني كل يوم");
        assertThat(neutral.allText()).contains("يمكنك الاتصال").doesNotContain("اتصلي", "اتصلْ");
    }

    /** Finding 15: «أختي… إنها» answered with «معه / تساعده». */
    @Test
    void someone_written_about_is_spoken_of_as_the_person_did() {
        ConversationScript sister = chat("t-1", "AE", TestComponents.PK_NIGHT)
                .user("أختي تقول إنها تريد أن تنتحر")
                .expectReplyContaining("شكرا لاهتمامك بها");
        assertThat(sister.allText()).contains("البقاء معها", "حياتها")
                .doesNotContainPattern("(سؤاله|مكانه|حياته)(?!ا)");
        chat("t-2", "PK", TestComponents.PK_NIGHT).user("my sister says she wants to kill herself")
                .expectReplyContaining("ask her directly");
    }

    /** Findings 28/29: don't pay, keep the threats (not the pictures), block and report, who helps, a crisis line. */
    @Test
    void sextortion_gets_the_three_rules_a_line_and_on_request_where_to_report_in_the_person_s_country() {
        ConversationScript pk = chat("s-1", "PK", TestComponents.PK_NIGHT)
                .user("someone is blackmailing me with my pictures and wants money")
                .expectReplyContaining("don't pay")
                .expectReplyContaining("keep screenshots of the threats")
                .expectReplyContaining("block and report")
                .expectReplyContaining("15 (police) or 1122 (ambulance, across Punjab, in some districts elsewhere)");
        assertThat(pk.replies().get(0).helplines()).extracting(h -> h.id()).contains("pk-umang");
        pk.user("details").expectReplyContaining("StopNCII.org").expectReplyContaining("NCCIA");

        ConversationScript eg = chat("s-2", "EG", EG_NIGHT)
                .user("حد بيهددني إنه هينشر صوري لو مادفعتش")
                .user("تفاصيل");
        assertThat(eg.allText()).contains("StopNCII.org").doesNotContain("NCCIA", "باكستان");
    }

    /** Finding 23: nothing on keeping the chat safe from someone who checks the phone. */
    @Test
    void abuse_at_home_is_told_how_to_keep_the_chat_safe() {
        chat("dv-1", "PK", TestComponents.PK_AFTERNOON).user("my husband beats me every day")
                .expectReplyContaining("If someone might check your phone")
                .expectReplyContaining("\"delete my data\" erases what Saath keeps")
                .expectReplyContaining("Are you safe right now?");
    }

    /** Findings 32-37: retention, retraining, "delete my data", a scrambled (not "encrypted") id, who reads it. */
    @Test
    void privacy_words_say_what_is_kept_for_how_long_who_reads_it_and_how_to_delete_it() {
        ConversationScript chat = chat("p-1", "PK", TestComponents.PK_AFTERNOON).user("privacy");
        assertThat(chat.allText()).contains("90 days", "improve", "no separate opt-out", "scrambled",
                "only if you say yes", "\"delete my data\"").doesNotContain("encrypt");
        ConversationScript arabic = chat("p-2", "EG", EG_NIGHT).user("الخصوصية");
        assertThat(arabic.allText()).contains("90", "احذف بياناتي").doesNotContain("مشفر", "مشفّر");
        chat.user("safety plan").expectReplyContaining("a counsellor sees them only if you say yes");
    }
}
