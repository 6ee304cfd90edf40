package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.channel.InboundMessage;
import org.saath.channel.TurnResult;
import org.saath.escalation.Caller;
import org.saath.escalation.PartnerDirectory;
import org.saath.outbox.MutableClock;

/**
 * The right help in every country, at every hour, for the whole conversation (issue 10), through the real
 * {@link TurnProcessor}: countries without lines, honest handoffs, a conversation that keeps its topic, and a bot
 * that talks like a person.
 */
class RightHelpConversationTest {

    /** 02:00 in Paris. */
    private static final Instant FR_NIGHT = Instant.parse("2026-11-21T01:00:00Z");
    /** Phrases that promise lines: a bubble that says one must come with (or after) lines. */
    private static final List<String> PROMISES_LINES = List.of("lines above", "one of these lines", "these lines",
            "Lines you can reach", "People you can talk to:", "These people can listen", "reach out to someone now:",
            "can also reach", "Open now:", "marked open", "crisis lines I know");

    @TempDir
    Path data;
    private ConversationScript chat(String user, String country, Instant now) {
        return new ConversationScript(TestComponents.components(data, now).turns(), user, country);
    }

    /** MY (FR before its EU number came): "none of the lines I know is open… use the lines above" with none above. */
    @Test
    void a_country_without_lines_gets_the_truth_the_international_directories_and_its_emergency_number() {
        ConversationScript chat = chat("my-1", "MY", FR_NIGHT).user("i want to end my life")
                .expectHelplines("intl-find-a-helpline", "intl-befrienders-worldwide")
                .expectHandoff();

        assertThat(chat.replies().get(0).text())
                .startsWith("I don't know a crisis line in your country yet. If you are in danger, call your local "
                        + "emergency number (from a mobile phone, 112 may also work) now.")
                .contains("https://findahelpline.com", "https://www.befrienders.org")
                .doesNotContain("None of the crisis lines", "lines above");
        assertThat(chat.allText()).contains("No counsellor is available through Saath right now");
    }

    /**
     * A country whose only known number is the EU's 112 (the research: "112 also works in every EU country"): the
     * number first, not "112 may also work" (the s52 QA pass: a Syrian in Berlin at a seventh-floor window).
     */
    @Test
    void a_country_with_only_the_eu_number_gets_112_first() {
        ConversationScript chat = chat("de-1", "DE", FR_NIGHT)
                .user("أنا سوري عايش ببرلين، قاعد ع شباك الطابق السابع وبدي اقفز")
                .expectFirstHelpline("de-emergency-112");
        assertThat(chat.replies().get(0).text()).contains("112").doesNotContain("وقد يعمل");
    }

    /**
     * A crisis follow-up where no crisis line is open names none ("the people on the line above want to hear from
     * you" stood under the police alone in Saudi Arabia: the s52 QA pass), and no two follow-ups in a row are the same.
     */
    @Test
    void a_crisis_follow_up_where_no_crisis_line_is_open_speaks_of_no_line() {
        ConversationScript chat = chat("sa-1", "SA", FR_NIGHT).user("i want to end my life");
        List<String> followUps = new java.util.ArrayList<>();
        for (String answer : List.of("i dont know", "idk", "nothing helps")) {
            followUps.add(chat.user(answer).replies().get(0).text());
        }
        assertThat(followUps).allSatisfy(text -> assertThat(text).doesNotContain("line above", "call the line"))
                .allSatisfy(text -> assertThat(text).contains("999"));
        assertThat(followUps.get(0)).isNotEqualTo(followUps.get(1));
        assertThat(followUps.get(1)).isNotEqualTo(followUps.get(2));
    }

    @Test
    void no_sentence_speaks_of_lines_that_are_not_there_in_any_country_or_hour() {
        List<List<String>> conversations = List.of(
                List.of("i want to end my life", "ok"),
                List.of("i feel so empty and alone these days, nothing makes me happy", "yes"),
                List.of("i feel so empty and alone these days, nothing makes me happy", "no"),
                List.of("exams are stressing me out so much", "yes"),
                List.of("he beats me every day and i'm scared", "no"),
                List.of("can i talk to a human please"),
                List.of("someone is blackmailing me with my pictures"),
                List.of("my brother says he will kill himself"));
        MutableClock clock = new MutableClock(FR_NIGHT);
        Components app = TestComponents.components(data, clock);
        int n = 0;
        for (Duration later : List.of(Duration.ZERO, Duration.ofHours(9))) {
            clock.advance(later);
            for (String country : List.of("FR", "BH", "SA", "JO", "AE", "LB", "PK")) {
                Instant at = clock.instant();
                for (List<String> conversation : conversations) {
                    String user = "u-" + n++;
                    int id = 0;
                    for (String message : conversation) {
                        TurnResult r = app.turns().handle(new InboundMessage("test", user, "m-" + id++, message,
                                Optional.of(country)));
                        boolean linesSoFar = false;
                        for (TurnResult.Reply reply : r.replies()) {
                            linesSoFar |= !reply.helplines().isEmpty();
                            if (!linesSoFar) {
                                assertThat(reply.text()).as(country + " at " + at + ": " + message)
                                        .doesNotContain(PROMISES_LINES);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void with_a_partner_open_and_free_the_person_is_told_a_counsellor_was_asked_and_consent_is_asked() throws Exception {
        ConversationScript chat = withPartner("capacity: 2", Instant.parse("2026-11-21T09:00:00Z"))
                .user("can i talk to a human please")
                .expectReplyContaining("I've asked a human counsellor to join this conversation")
                .expectReplyContaining("may the counsellor read what you wrote here?");
        assertThat(chat.allText()).doesNotContain("no counsellor is available");
    }

    @Test
    void with_the_only_partner_closed_now_the_person_is_told_no_counsellor_is_available_and_what_is_open()
            throws Exception {
        String hours = "capacity: 2\n    hours: {zone: Asia/Karachi, days: [MON, SUN], from: \"09:00\", to: \"17:00\"}";
        ConversationScript chat = withPartner(hours, TestComponents.PK_NIGHT)
                .user("can i talk to a human please")
                .expectReplyContaining("no counsellor is available through Saath right now")
                .expectFirstHelpline("pk-umang");
        assertThat(chat.allText())
                .doesNotContain("I'll ask a human counsellor", "I've asked", "may the counsellor read");
    }

    @Test
    void with_the_only_partner_full_the_next_person_is_told_no_counsellor_is_available() throws Exception {
        Path partners = partners("capacity: 1");
        Components app = TestComponents.load(TestComponents.config(data).withPartnersFile(partners.toString()),
                TestComponents.analyser(), new MutableClock(TestComponents.PK_AFTERNOON));
        new ConversationScript(app.turns(), "first", "PK").user("i want to end my life");

        ConversationScript second = new ConversationScript(app.turns(), "second", "PK")
                .user("i want to end my life")
                .expectFirstHelpline("pk-umang");
        assertThat(second.allText()).contains("No counsellor is available through Saath right now")
                .doesNotContain("I've asked for a human counsellor");
    }

    /**
     * A request no partner could take (the only one full) waits; once a place is free, asking again offers it, rather
     * than the one open escalation of the conversation keeping the person from a counsellor for good.
     */
    @Test
    void a_waiting_request_is_offered_when_the_person_asks_again_and_a_place_is_free() throws Exception {
        Path partners = partners("capacity: 1");
        Components app = TestComponents.load(TestComponents.config(data).withPartnersFile(partners.toString()),
                TestComponents.analyser(), new MutableClock(TestComponents.PK_AFTERNOON));
        ConversationScript first = new ConversationScript(app.turns(), "first", "PK").user("i want to end my life");
        ConversationScript second = new ConversationScript(app.turns(), "second", "PK")
                .user("i want to end my life")
                .expectReply(r -> assertThat(r.escalation().state()).isEqualTo("requested"));
        first.user("stop");
        assertThat(app.handoffs().load("partner-a")).as("the place is free again").isZero();

        second.user("can i talk to a human please")
                .expectReply(r -> assertThat(r.escalation().state()).isEqualTo("offered"))
                .expectReplyContaining("counsellor");
        assertThat(second.allText()).doesNotContain("No counsellor is available", "no counsellor is available");
        assertThat(app.handoffs().load("partner-a")).isEqualTo(1);
        assertThat(app.handoffs().queue("partner-a")).singleElement()
                .satisfies(e -> assertThat(e.risk()).isEqualTo("high"));
    }

    /** Urdu, domestic violence: a breathing exercise, then the suicide question, then generic lines (issue 10). */
    @Test
    void abuse_at_home_keeps_its_topic_across_turns_safety_first_with_protection_lines() {
        MutableClock clock = new MutableClock(TestComponents.PK_NIGHT);
        ConversationScript chat = new ConversationScript(TestComponents.components(data, clock).turns(),
                "dv-1", "PK");
        for (String message : List.of("اس نے کل رات مجھے بہت بری طرح مارا، مجھے ڈر لگ رہا ہے",
                "میں اپنے بچوں کو لے کر کہاں جاؤں؟", "ہمیں کوئی محفوظ جگہ چاہیے")) {
            chat.user(message).expectNoHandoff();
            assertThat(RtlText.plain(chat.replies().get(0).text())).as(message)
                    .contains("15 (پولیس) یا 1122 (ایمبولینس، پورے پنجاب میں، دوسری جگہوں پر بعض اضلاع میں)",
                            "اگر کوئی آپ کو نقصان پہنچا رہا ہو یا زبردستی کر رہا ہو تو یہ لوگ مدد کرتے ہیں")
                    .doesNotContain("سانس", "اپنی جان لینے");
            assertThat(chat.replies().get(0).helplines()).extracting(TurnResult.HelplineView::id)
                    .contains("pk-mohr-1099", "pk-madadgaar").doesNotContain("pk-chitral-women-helpline");
        }
        assertThat(chat.replies().get(0).text()).contains("محفوظ");

        chat.user("نہیں")
                .expectHelplines("pk-police-15", "pk-rescue-1122", "pk-umang", "pk-mohr-1099", "pk-madadgaar")
                .expectHandoff();
        assertThat(RtlText.plain(chat.replies().get(0).text())).startsWith("ابھی کال کریں:");
    }

    /**
     * "more lines", "is it free?" and "nobody answered" follow what the conversation is about, from one table in the
     * rule book (topic-lines): after abuse the protection lines, after online harassment the cyber line, after low
     * mood the mental-health lines and no protection line.
     */
    @Test
    void the_lines_asked_for_again_follow_what_the_conversation_is_about() {
        ConversationScript abuse = chat("lines-1", "PK", TestComponents.PK_AFTERNOON)
                .user("my husband beats me every day").user("more lines");
        assertThat(helplineIds(abuse)).contains("pk-madadgaar", "pk-mohr-1099").doesNotContain("pk-mhpss-1282");
        abuse.user("is it free?");
        assertThat(helplineIds(abuse)).contains("pk-madadgaar").doesNotContain("pk-mhpss-1282");

        ConversationScript online = chat("lines-2", "PK", TestComponents.PK_AFTERNOON)
                .user("someone made a fake account with my pictures and is sending them to my family")
                .user("that number doesn't work");
        assertThat(helplineIds(online)).contains("pk-drf-cyber-harassment");

        ConversationScript low = chat("lines-3", "PK", TestComponents.PK_AFTERNOON)
                .user("feeling a bit low these days").user("more lines");
        assertThat(helplineIds(low)).contains("pk-mhpss-1282").doesNotContain("pk-madadgaar");
    }

    private static List<String> helplineIds(ConversationScript chat) {
        return chat.replies().stream().flatMap(r -> r.helplines().stream()).map(TurnResult.HelplineView::id).toList();
    }

    @Test
    void a_remembered_topic_fades_after_its_window_and_a_new_explicit_topic_replaces_it() {
        MutableClock clock = new MutableClock(TestComponents.PK_AFTERNOON);
        ConversationScript chat = new ConversationScript(TestComponents.components(data, clock).turns(),
                "t-1", "PK");
        chat.user("he beats me every day and i'm scared");
        assertThat(chat.allText()).contains("Are you safe right now?");

        chat.user("someone is blackmailing me with my pictures");
        assertThat(chat.allText()).contains("not your fault").doesNotContain("safe right now");

        chat.user("he beat me again today");
        clock.advance(Duration.ofHours(13));
        chat.user("where do i go with my children?");
        assertThat(chat.allText()).doesNotContain("hurting you or forcing you");
    }

    /**
     * While a counsellor holds the conversation the person's messages are relayed, and each is still a turn written
     * to the store: the topic and the last reply must survive them, so that after the hand-back the bot answers on
     * the same route.
     */
    @Test
    void a_topic_outlives_a_counsellor_holding_the_conversation() throws Exception {
        Path partners = partners("capacity: 2");
        MutableClock clock = new MutableClock(TestComponents.PK_AFTERNOON);
        Components app = TestComponents.load(TestComponents.config(data).withPartnersFile(partners.toString()),
                TestComponents.analyser(), clock);
        String[] escalation = new String[1];
        ConversationScript chat = new ConversationScript(app.turns(), "held-1", "PK")
                .user("he beats me every day and i'm scared")
                .user("can i talk to a human please").expectReply(r -> escalation[0] = r.escalation().id());
        app.desk().claim(Caller.partnerSystem(app.partners().byId("partner-a").orElseThrow()), escalation[0]);

        chat.user("thank you for being here").expectReply(r -> assertThat(r.replies()).isEmpty())
                .user("end chat");
        clock.advance(Duration.ofMinutes(10));
        chat.user("where do i go with my children?");

        assertThat(chat.allText()).contains("hurting you or forcing you");
    }

    @Test
    void not_really_is_read_as_a_no_to_the_counsellor_offer() throws IOException {
        withPartner("capacity: 2", TestComponents.PK_AFTERNOON)
                .user("i feel so empty and alone these days, nothing makes me happy")
                .expectReplyContaining("Would you like to talk to a human counsellor?")
                .user("not really, i just want to talk")
                .expectReplyContaining("That's okay. I'm still here")
                .expectNoHandoff();
    }

    /** A leading "no" is an answer only to what was asked: said with a crisis, it is a crisis. */
    @Test
    void a_no_said_together_with_a_crisis_is_answered_as_a_crisis() {
        chat("yn-2", "PK", TestComponents.PK_NIGHT)
                .user("i feel so empty and alone these days, nothing makes me happy")
                .user("no, i want to die")
                .expectFirstHelpline("pk-umang")
                .expectReplyContaining("Thank you for telling me you're thinking about ending your life")
                .expectHandoff();
    }

    /** The same exam-stress reply twice in a row; a second "thanks" gets an acknowledgement, not a copy. */
    @Test
    void the_same_reply_never_comes_twice_in_a_row() {
        ConversationScript chat = chat("rep-1", "PK", TestComponents.PK_AFTERNOON);
        String before = "";
        for (String message : List.of("exams are stressing me out so much", "exams are stressing me out so much",
                "exams are stressing me out so much", "thanks", "thanks")) {
            chat.user(message);
            String first = chat.replies().get(0).text();
            assertThat(first).as(message).isNotEqualTo(before);
            before = first;
        }
        assertThat(before).startsWith("I'm still here with you.");
    }

    /** "I'm an automated assistant" three times in two turns (issue 10); and the privacy notice only once. */
    @Test
    void the_bot_says_it_is_automated_at_most_once_a_turn_and_the_privacy_notice_only_on_the_first() {
        List<List<String>> conversations = List.of(
                List.of("hi", "i want to end my life", "can i talk to a human please"),
                List.of("assalam o alaikum", "mujhe jeena nahi hai", "kisi insaan se baat karni hai"),
                List.of("السلام علیکم", "مجھے جینا نہیں ہے"),
                List.of("مرحبا", "بدي انتحر ما عاد فيني"));
        List<String> markers = List.of("automated assistant", "خودکار اسسٹنٹ", "آلي");
        int n = 0;
        for (List<String> conversation : conversations) {
            ConversationScript chat = chat("bot-" + n++, "PK", TestComponents.PK_NIGHT);
            int turn = 0;
            for (String message : conversation) {
                chat.user(message);
                String all = chat.allText();
                for (String marker : markers) {
                    assertThat(all.split(marker, -1).length - 1).as(message + " says " + marker).isLessThanOrEqualTo(1);
                }
                assertThat(all.contains("Privacy") || all.contains("رازداری") || all.contains("الخصوصية"))
                        .as(message).isEqualTo(turn++ == 0);
            }
        }
    }

    @Test
    void each_line_carries_one_short_label_at_most() {
        ConversationScript chat = chat("lbl-1", "PK", TestComponents.PK_NIGHT).user("he beats me every day");
        List<String> labels = List.of("not confirmed", "hours not confirmed", "open 24/7", "open now", "closed now");
        List<String> lines = List.of(chat.replies().get(0).text().split("\n"));
        assertThat(lines).filteredOn(line -> line.startsWith("- ")).hasSizeGreaterThanOrEqualTo(3);
        for (String line : lines) {
            if (line.startsWith("- ")) {
                String label = line.substring(line.lastIndexOf('(') + 1, line.length() - 1);
                assertThat(labels).as(line).anyMatch(label::startsWith);
                assertThat(line).as(line).doesNotContain("not yet verified");
            }
        }
    }

    private ConversationScript withPartner(String extra, Instant now) throws IOException {
        Path partners = partners(extra);
        Components app = TestComponents.load(TestComponents.config(data).withPartnersFile(partners.toString()),
                TestComponents.analyser(), new MutableClock(now));
        return new ConversationScript(app.turns(), "p-1", "PK");
    }

    private Path partners(String extra) throws IOException {
        return Files.writeString(Files.createDirectories(data).resolve("partners.yaml"), """
                partners:
                  - id: partner-a
                    name: A
                    countries: [PK]
                    %s
                    api-key-sha256: %s
                """.formatted(extra, PartnerDirectory.sha256("key-a-0123456789")));
    }
}
