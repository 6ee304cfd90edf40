package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.channel.InboundMessage;
import org.saath.channel.TurnResult;
import org.saath.escalation.Partner;
import org.saath.escalation.PartnerDirectory;
import org.saath.store.HandoffStore;
import org.saath.outbox.MutableClock;

/**
 * A person who says where they are gets that country's lines, through the real {@link TurnProcessor}, for the rest
 * of the conversation: on the generic channel with no country (the deployment's default is Pakistan) and over a
 * country the channel gives. Someone else's place counts for a message about their danger only.
 */
class SaidCountryConversationTest {

    /** The note that a country's numbers may not connect from a phone in another one. */
    private static final String ELSEWHERE = "From a phone in another country they may not connect";

    @TempDir
    Path data;

    private ConversationScript chat(String user, String country) {
        return new ConversationScript(TestComponents.components(data, TestComponents.PK_AFTERNOON).turns(), user,
                country);
    }

    /** Every line in the last answer, with at least one. */
    private static List<String> lines(ConversationScript chat) {
        List<String> ids = chat.replies().stream().flatMap(r -> r.helplines().stream())
                .map(TurnResult.HelplineView::id).toList();
        assertThat(ids).as("the answer offers lines").isNotEmpty();
        return ids;
    }

    private static void onlyLinesOf(ConversationScript chat, String country) {
        assertThat(lines(chat)).as(chat.allText())
                .allMatch(id -> id.startsWith(country + "-") || id.startsWith("intl-"))
                .anyMatch(id -> id.startsWith(country + "-"));
    }

    @Test
    void a_person_who_said_they_live_in_dubai_gets_the_emirates_lines_when_the_crisis_comes_later() {
        ConversationScript chat = chat("said-1", null)
                .user("hi, i live in dubai and i have been feeling really low")
                .user("i keep thinking about it")
                .user("i want to end my life");
        onlyLinesOf(chat, "ae");
        assertThat(chat.allText()).contains("999").doesNotContain("1122", "15 (", ELSEWHERE);
    }

    @Test
    void where_the_person_says_they_are_beats_the_country_the_channel_gives() {
        onlyLinesOf(chat("said-2", "PK").user("I'm in Dubai and I want to end my life"), "ae");
    }

    /** A Pakistani number (WhatsApp, SMS) gives Pakistan's lines, until its owner says they are in Dubai. */
    @Test
    void where_the_person_says_they_are_beats_the_country_of_their_phone_number() {
        TurnProcessor turns = TestComponents.components(data, TestComponents.PK_AFTERNOON).turns();
        TurnResult home = turns.handle(new InboundMessage("test", "said-18", "m-1", "i want to end my life",
                Optional.empty(), Optional.of("+923001234567")));
        TurnResult away = turns.handle(new InboundMessage("test", "said-19", "m-1",
                "I'm in Dubai and I want to end my life", Optional.empty(), Optional.of("+923001234567")));
        assertThat(ids(home)).isNotEmpty().allMatch(id -> id.startsWith("pk-") || id.startsWith("intl-"));
        assertThat(ids(away)).isNotEmpty().allMatch(id -> id.startsWith("ae-") || id.startsWith("intl-"));
    }

    private static List<String> ids(TurnResult result) {
        return result.replies().stream().flatMap(r -> r.helplines().stream()).map(TurnResult.HelplineView::id)
                .toList();
    }

    /**
     * A helper's message about someone else's danger gets the lines of where that someone is: Pakistan's 15 and 1122
     * cannot reach a brother in Dubai. It is not kept: the helper's own danger gets their own lines.
     */
    @Test
    void a_message_about_someone_else_s_danger_gets_the_lines_of_where_they_are_for_that_message_only() {
        ConversationScript chat = chat("said-3", null)
                .user("my brother lives in dubai and he says he wants to kill himself");
        onlyLinesOf(chat, "ae");
        assertThat(chat.allText()).contains("999", ELSEWHERE).doesNotContain("1122");
        onlyLinesOf(chat.user("honestly i want to end my life too"), "pk");
        assertThat(chat.allText()).doesNotContain(ELSEWHERE);
        // a country with no line known: the honest answer and the directories, which reach anyone
        assertThat(chat("said-37", "PK").user("my brother lives in kuala lumpur and he says he wants to kill himself")
                .allText()).contains("local emergency number").doesNotContain(ELSEWHERE, "1122");
    }


    /** A helper tells where someone is first, and their danger after it. */
    @Test
    void where_someone_else_is_said_a_message_before_their_danger_still_counts() {
        ConversationScript chat = chat("said-25", "PK")
                .user("my sister lives in riyadh, she has been very low since her divorce")
                .user("she just told me she swallowed all her sleeping pills");
        onlyLinesOf(chat, "sa");
        assertThat(chat.allText()).contains("911").doesNotContain("1122");
        onlyLinesOf(chat.user("i feel like i want to die too"), "pk");
    }

    @Test
    void where_someone_else_lives_leaves_the_person_s_own_lines_for_their_own_danger() {
        ConversationScript own = chat("said-20", null)
                .user("my brother lives in dubai and i miss him, i want to end my life");
        onlyLinesOf(own, "pk");
        assertThat(own.allText()).doesNotContain(ELSEWHERE);
        onlyLinesOf(chat("said-21", "PK").user("my sister moved to riyadh last year. i want to kill myself"), "pk");
    }

    @Test
    void someone_else_s_place_is_heard_in_roman_urdu_urdu_and_arabic() {
        onlyLinesOf(chat("said-22", "PK").user("meri behen dubai mein rehti hai aur usne saari goliyan kha li hain"),
                "ae");
        onlyLinesOf(chat("said-23", null).user("میرا بھائی سعودیہ میں رہتا ہے اور وہ کہتا ہے کہ خودکشی کر لے گا"),
                "sa");
        onlyLinesOf(chat("said-24", null).user("اخوي ساكن في دبي وقال انه بينتحر الليلة"), "ae");
    }

    @Test
    void lines_asked_for_someone_else_s_country_are_given_once_and_not_kept_for_the_person() {
        ConversationScript chat = chat("said-4", null)
                .user("is there a helpline in dubai for my sister? she is not okay");
        onlyLinesOf(chat, "ae");
        assertThat(chat.allText()).contains(ELSEWHERE);         // the README says lines asked for her get it too
        onlyLinesOf(chat.user("honestly i want to end my life too"), "pk");
    }

    @Test
    void lines_asked_for_a_country_are_kept_for_the_person_who_asked() {
        ConversationScript chat = chat("said-5", null).user("is there any helpline in egypt?");
        onlyLinesOf(chat, "eg");
        onlyLinesOf(chat.user("i want to end my life"), "eg");
    }

    @Test
    void roman_urdu_urdu_and_arabic_speakers_are_heard_too() {
        onlyLinesOf(chat("said-6", null).user("main saudia mein rehti hoon").user("main khudkushi karna chahti hoon"),
                "sa");
        onlyLinesOf(chat("said-7", null).user("میں قطر میں رہتا ہوں").user("میں خودکشی کرنا چاہتا ہوں"), "qa");
        onlyLinesOf(chat("said-8", null).user("انا ساكنة في الأردن").user("بدي انتحر"), "jo");
    }

    @Test
    void where_the_person_is_from_counts_only_when_the_channel_tells_nothing() {
        onlyLinesOf(chat("said-9", null).user("انا مصرية").user("بدي انتحر"), "eg");
        onlyLinesOf(chat("said-10", "AE").user("انا مصرية").user("بدي انتحر"), "ae");
    }

    @Test
    void saying_where_one_is_from_does_not_undo_where_one_said_one_lives() {
        ConversationScript chat = chat("said-11", null).user("i live in doha").user("i'm from lahore originally")
                .user("i want to end my life");
        onlyLinesOf(chat, "qa");
    }

    @Test
    void a_message_that_only_says_where_the_person_is_is_answered_as_heard_not_as_out_of_scope() {
        ConversationScript chat = chat("said-12", null).user("hi, i moved to riyadh last year for work");
        assertThat(chat.allText()).contains("Thank you for telling me where you are").doesNotContain("can't help");
        assertThat(chat("said-13", null).user("salam, main aaj kal doha mein hoon").allText())
                .contains("yaad rakhoon ga ke aap kahan hain");
        assertThat(chat("said-14", null).user("انا ساكنة في الأردن").allText()).contains("أين أنت");
        // a place with a need in it goes the need's way
        assertThat(chat("said-15", null).user("i live in dubai and i want to end my life").allText())
                .doesNotContain("Thank you for telling me where you are");
    }

    /**
     * A message that says only where the person is ("hi i live in doha", «انا عايشة في دبي») was read by the risk
     * model as a wish not to live, or by the intent classifier as low mood, and asked about suicide: it is thanked
     * for. With anything more said, the reply is for that.
     */
    @Test
    void a_message_of_a_place_alone_is_not_asked_about_suicide() {
        ConversationScript doha = chat("said-26", null).user("hi i live in doha");
        assertThat(doha.allText()).contains("Thank you for telling me where you are")
                .doesNotContain("ending your life");
        assertThat(chat("said-27", null).user("انا عايشة في دبي").allText()).contains("أين أنت")
                .doesNotContain("إنهاء حياتك");
        assertThat(chat("said-28", "PK").user("main saudia mein rehti hoon").allText())
                .contains("yaad rakhoon ga ke aap kahan hain");
        assertThat(chat("said-29", null).user("میں دبئی میں رہتی ہوں").allText()).contains("آپ کہاں ہیں");
        assertThat(chat("said-30", null).user("i live in doha and i feel so empty inside").allText())
                .doesNotContain("Thank you for telling me where you are");
        // after it, the crisis gets the lines of the place told
        onlyLinesOf(doha.user("i want to end my life"), "qa");
    }

    /** A helper in Dubai writing about a friend's cut in Karachi gets Karachi's lines, and their own later. */
    @Test
    void a_helper_abroad_gets_the_lines_of_where_the_person_in_danger_is() {
        ConversationScript chat = chat("said-31", null)
                .user("im in dubai, my friend in karachi just told me she cut herself and is bleeding");
        onlyLinesOf(chat, "pk");
        assertThat(chat.allText()).contains(ELSEWHERE).doesNotContain("999");
        onlyLinesOf(chat.user("honestly i want to die too"), "ae");
    }

    /**
     * "my mum back home in Pakistan" is someone else's place, not the writer's: it had replaced the writer's Doha
     * with Pakistan for the rest of the conversation (the second s50 QA pass).
     */
    @Test
    void a_mother_back_home_is_not_the_writer_s_own_place() {
        ConversationScript chat = chat("said-42", null).user("hi, I live in Doha")
                .user("my mum back home in Pakistan keeps saying she wants to die");
        onlyLinesOf(chat, "pk");
        assertThat(chat.allText()).contains(ELSEWHERE);
        onlyLinesOf(chat.user("honestly i want to end my life too"), "qa");
    }

    /** "she's in Dubai" after the danger, as people add it, counts as well as before it. */
    @Test
    void someone_else_s_place_said_after_their_danger_counts() {
        onlyLinesOf(chat("said-32", "PK").user("my sister keeps saying she wants to die. she's in Dubai"), "ae");
        onlyLinesOf(chat("said-33", "PK").user("mera dost keh raha hai ab jeena nahi chahta. woh Jeddah mein hai"),
                "sa");
        onlyLinesOf(chat("said-34", "SA").user("اخوي يقول ما يبي يعيش. هو الحين في كراتشي"), "pk");
    }

    /**
     * "I'm not in Pakistan anymore" on a channel that says Pakistan: its 15 and 1122 would not reach them. They get the
     * honest answer, the international directories and the local emergency number, for the rest of the conversation,
     * until they say where they are.
     */
    @Test
    void a_person_who_says_they_are_not_in_the_channel_s_country_is_not_given_its_numbers() {
        ConversationScript chat = chat("said-35", "PK")
                .user("I'm not in pakistan anymore, moved abroad last year. I want to die");
        assertThat(ids(chat)).isNotEmpty().allMatch(id -> id.startsWith("intl-"));
        assertThat(chat.allText()).contains("local emergency number").doesNotContain("1122", "Umang");
        chat.user("i keep thinking about ending it");
        assertThat(ids(chat)).allMatch(id -> id.startsWith("intl-"));
        onlyLinesOf(chat.user("i live in dubai now. i want to end my life"), "ae");
        ConversationScript arabic = chat("said-36", "SA").user("انا مو في السعودية الحين، سافرت. ابي اموت");
        assertThat(ids(arabic)).isNotEmpty().allMatch(id -> id.startsWith("intl-"));
    }

    private static List<String> ids(ConversationScript chat) {
        return chat.replies().stream().flatMap(r -> r.helplines().stream()).map(TurnResult.HelplineView::id)
                .toList();
    }

    /**
     * Abuse told of someone else, in another country: the writer is thanked as a helper and gets the lines of where
     * the person hurt is, not "I'm sorry this is happening to you" with their own country's (the s50 QA pass).
     */
    @Test
    void abuse_told_of_someone_else_is_answered_to_the_helper_with_the_lines_of_where_they_are() {
        ConversationScript english = chat("said-38", "PK")
                .user("my friend in Abu Dhabi, her husband beats her, she's terrified");
        onlyLinesOf(english, "ae");
        assertThat(english.allText()).contains("Thank you for looking out for them", "999")
                .doesNotContain("happening to you", "Are you safe right now", "1122");
        ConversationScript arabic = chat("said-39", "PK").user("اختي في دبي زوجها يضربها كل يوم");
        onlyLinesOf(arabic, "ae");
        assertThat(arabic.allText()).contains("شكرا لاهتمامك بهذا الشخص");
        onlyLinesOf(chat("said-40", "PK").user("meri behen ko uska shohar roz maarta hai, woh riyadh mein hai"), "sa");
        // the person's own abuse is theirs
        assertThat(chat("said-41", "PK").user("my husband beats me every day").allText())
                .contains("happening to you").doesNotContain("looking out for");
    }

    /**
     * A helper's next messages keep the other person's place (the s51 QA passes: "he's not replying now" after a
     * friend's overdose in Dubai got Pakistan's 1122; "khoon ruk nahi raha" after a sister's cut in Dubai was answered
     * as the writer's own, with Pakistan's numbers; a helper who then said where they are, «انا بعمان شو بقدر اعمل»,
     * got that country's numbers for a friend in Riyadh), and the writer's own place is still theirs afterwards.
     */
    @Test
    void a_helper_s_next_messages_keep_the_other_person_s_place() {
        ConversationScript notReplying = chat("said-60", "PK")
                .user("my friend in Dubai just told me on snap he took a bottle of pills, im in karachi, what do i do")
                .user("he's not replying now");
        onlyLinesOf(notReplying, "ae");
        assertThat(notReplying.allText()).contains("may not connect");

        ConversationScript bleeding = chat("said-61", "PK")
                .user("meri behen dubai mein hai, usne abhi video call pe haath kaat liya")
                .user("khoon ruk nahi raha");
        onlyLinesOf(bleeding, "ae");
        assertThat(bleeding.allText()).doesNotContain("aap ki hifazat");

        ConversationScript fromAmman = chat("said-62", "JO")
                .user("صاحبي بعتلي انو رح ينتحر الليلة وهو بالسعودية بالرياض")
                .user("انا بعمان شو بقدر اعمل");
        onlyLinesOf(fromAmman, "sa");
        ConversationScript notMe = chat("said-63", "AE")
                .user("My friend in Riyadh just texted me he took a lot of pills")
                .user("اخوي مو انا، هو بالسعودية وانا بدبي");
        onlyLinesOf(notMe, "sa");

        // the helper's own wish afterwards is theirs, with the lines of where they are
        onlyLinesOf(fromAmman.user("وانا كمان بدي موت"), "jo");
    }

    /**
     * With no country from the channel, the phone or the person's words, the deployment's default (Pakistan) counts
     * for a message in a language written there: Arabic gets the honest answer (the s51 QA pass: a woman on a Cairo
     * bridge and an Amman plan for tonight got Pakistan's 15, 1122 and Umang), Roman Urdu and English Pakistan's.
     */
    @Test
    void with_nothing_telling_where_an_arabic_writer_is_they_get_no_pakistani_numbers() {
        ConversationScript bridge = chat("said-70", null).user("انا واقفة على الجسر دلوقتي وعايزة انط");
        assertThat(lines(bridge)).allMatch(id -> id.startsWith("intl-"));
        assertThat(bridge.allText()).doesNotContain("1122", "15 ");
        onlyLinesOf(chat("said-71", null).user("mujhe jeena nahi hai"), "pk");
        onlyLinesOf(chat("said-72", null).user("i want to end my life"), "pk");
        // a place said later gives that country's lines
        onlyLinesOf(bridge.user("انا في مصر"), "eg");
    }

    /**
     * Lines asked for Pakistan by someone in Houston are Pakistan's for that message (the s51 QA pass: the US lines
     * came), and the person's own wish afterwards gets the lines of where they are.
     */
    @Test
    void lines_asked_for_another_country_come_and_the_person_s_own_place_is_kept() {
        ConversationScript houston = chat("said-80", null).user("what's the suicide helpline number in Pakistan? my "
                + "friend in Peshawar needs it, I'm in Houston");
        onlyLinesOf(houston, "pk");
        onlyLinesOf(houston.user("honestly i also feel like ending my life sometimes"), "us");
    }

    /** The service with one partner, open now, that covers Pakistan only, with {@code capacity} places. */
    private Components withPakistaniPartnerOnly(int capacity) throws java.io.IOException {
        Path partners = Files.writeString(Files.createDirectories(data).resolve("partners.yaml"), """
                partners:
                  - id: partner-pk
                    name: PK only
                    countries: [PK]
                    capacity: %d
                    api-key-sha256: %s
                """.formatted(capacity, PartnerDirectory.sha256("key-pk-0123456789")));
        return TestComponents.load(TestComponents.config(data).withPartnersFile(partners.toString()),
                TestComponents.analyser(), new MutableClock(TestComponents.PK_AFTERNOON));
    }

    /** A partner for Pakistan only is never offered a person who said they are in Dubai; they are told the truth. */
    @Test
    void a_partner_of_another_country_is_not_offered_the_person_and_they_are_told_no_counsellor_is_available()
            throws Exception {
        Components app = withPakistaniPartnerOnly(2);
        ConversationScript inDubai = new ConversationScript(app.turns(), "said-16", "PK")
                .user("i'm in dubai now. can i talk to a human please");
        assertThat(inDubai.allText()).contains("no counsellor is available through Saath right now")
                .doesNotContain("I've asked a human counsellor");
        assertThat(lines(inDubai)).allMatch(id -> id.startsWith("ae-") || id.startsWith("intl-"));

        ConversationScript inLahore = new ConversationScript(app.turns(), "said-17", null)
                .user("can i talk to a human please");
        assertThat(inLahore.allText()).contains("I've asked a human counsellor to join this conversation");
    }

    /**
     * A helper's counsellor is looked for where the helper is, then where the person they write about is: a helper
     * in Pakistan about a sister in Dubai had been told no counsellor was available, the escalation following the
     * sister's lines to a country no partner covers (s51). The lines stay the sister's; the escalation keeps the
     * country its partner was found for, whose lines a later note carries.
     */
    @Test
    void a_helper_s_counsellor_is_looked_for_where_the_helper_is_then_where_the_other_person_is() throws Exception {
        Components app = withPakistaniPartnerOnly(5);
        // in Pakistan, about a sister in Dubai: Dubai's numbers, a Pakistani counsellor for the helper
        ConversationScript fromLahore = new ConversationScript(app.turns(), "said-50", "PK")
                .user("my sister lives in dubai, she just told me she swallowed all her sleeping pills");
        assertThat(fromLahore.allText()).contains("asked a human counsellor")
                .doesNotContain("no counsellor is available");
        assertThat(lines(fromLahore)).allMatch(id -> id.startsWith("ae-") || id.startsWith("intl-"));
        // in Dubai, about a friend in Karachi: no partner where the helper is, so one where the friend is
        ConversationScript fromDubai = new ConversationScript(app.turns(), "said-51", null)
                .user("im in dubai, my friend in karachi just told me she cut herself and is bleeding");
        assertThat(fromDubai.allText()).contains("asked a human counsellor");
        assertThat(lines(fromDubai)).anyMatch(id -> id.startsWith("pk-"));
        // in Dubai about themselves: no partner covers them, as before
        ConversationScript ownInDubai = new ConversationScript(app.turns(), "said-52", null)
                .user("im in dubai and i want to end my life, can i talk to a human");
        assertThat(ownInDubai.allText()).contains("No counsellor is available")
                .doesNotContain("I've asked a human counsellor");

        Partner pk = app.partners().byId("partner-pk").orElseThrow();
        assertThat(app.desk().queue(pk)).extracting(HandoffStore.Escalation::country)
                .containsExactlyInAnyOrder("PK", "PK");
    }
}
