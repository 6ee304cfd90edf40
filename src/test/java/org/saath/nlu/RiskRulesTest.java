package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The written rules around the risk model, with the model's estimate set by hand: a model-only {@code high} needs a
 * second opinion from the lexicon, the context or the intent classifier, or a model sure of it, or it is read as
 * {@code moderate}.
 */
class RiskRulesTest {

    private static final TextNormaliser NORMALISER = new TextNormaliser();
    private static final DistressDetector DISTRESS =
            new DistressDetector(DistressLexicon.load(Path.of("models/lang"), NORMALISER));
    private static final RiskThresholds THRESHOLDS = new RiskThresholds(0.5, 0.5, 0.4, 0.3);
    /** High and imminent by the thresholds, but below {@link RiskThresholds#sureAlone}. */
    private static final RiskEstimate MODEL_SAYS_HIGH = new RiskEstimate(0.9, 0.8, 0.5, 0.1);
    private static final RiskEstimate MODEL_SAYS_IMMINENT = new RiskEstimate(0.9, 0.8, 0.55, 0.4);
    private final RiskRules rules = new RiskRules();

    private static Utterance read(String text) {
        NormalisedText normalised = NORMALISER.normalise(text);
        return new Utterance(normalised, DISTRESS.assess(normalised));
    }

    @Test
    void a_model_only_high_with_nothing_else_hearing_danger_is_read_as_moderate() {
        RiskRules.Judgement j = rules.judge(read("my neighbour bought a blue bicycle today"), List.of(),
                MODEL_SAYS_HIGH, THRESHOLDS, 0.01);

        assertThat(j.level()).isEqualTo(RiskLevel.MODERATE);
        assertThat(j.signals()).contains("model-unseconded:high").anyMatch(s -> s.startsWith("rule:model:moderate:"));
        assertThat(j.source()).isEqualTo("model-unseconded:high");
    }

    /** What set the final level is the last rule that raised it; a level the model read alone is the model's. */
    @Test
    void the_source_names_the_rule_that_set_the_final_level() {
        assertThat(rules.judge(read("hello"), List.of(), RiskEstimate.none(), THRESHOLDS, 0).source())
                .isEqualTo("model");
        RiskRules.Judgement lexicon = rules.judge(read("i want to kill myself"), List.of(), RiskEstimate.none(),
                THRESHOLDS, 0);
        assertThat(lexicon.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(lexicon.source()).isEqualTo("lexicon");
        RiskRules.Judgement context = rules.judge(read("tonight with the pills"), List.of(read("i want to die")),
                RiskEstimate.none(), THRESHOLDS, 0);
        assertThat(context.level()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(context.source()).isEqualTo("context");
        RiskRules.Judgement intent = rules.judge(read("everything is grey and i cant explain it"), List.of(),
                RiskEstimate.none(), THRESHOLDS, 0.5);
        assertThat(intent.level()).isEqualTo(RiskLevel.MODERATE);
        assertThat(intent.source()).isEqualTo("intent");
    }

    /** "tonight" after a declared intent is the time of it; after a wish alone it is a word. */
    @Test
    void a_time_after_a_declared_intent_is_imminent_by_context() {
        RiskRules.Judgement afterIntent = rules.judge(read("tonight"), List.of(read("i'm going to kill myself")),
                RiskEstimate.none(), THRESHOLDS, 0);
        assertThat(afterIntent.level()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(afterIntent.signals()).contains("rule:context:imminent");
        assertThat(rules.judge(read("الليلة"), List.of(read("رح انتحر")), RiskEstimate.none(), THRESHOLDS, 0)
                .level()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(rules.judge(read("tonight"), List.of(read("i want to die")), RiskEstimate.none(), THRESHOLDS, 0)
                .level()).isEqualTo(RiskLevel.NONE);
    }

    /**
     * Preparation told in despair, then a time, is a decision with its hour: "tonight" after "i cant do this anymore"
     * and "i wrote letters to everyone". The same preparation without despair, or despair without preparation, is not.
     */
    @Test
    void a_time_after_preparation_in_despair_is_imminent_by_context() {
        List<Utterance> despairAndLetters = List.of(read("i cant do this anymore"),
                read("i wrote letters to everyone"));
        RiskRules.Judgement tonight = rules.judge(read("tonight"), despairAndLetters, RiskEstimate.none(), THRESHOLDS,
                0);
        assertThat(tonight.level()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(tonight.signals()).contains("rule:context:imminent");
        List<Utterance> despairAndPills = List.of(read("ab bardasht nahi hota"), read("goliyan jama kar li hain"));
        assertThat(rules.judge(read("aaj raat"), despairAndPills, RiskEstimate.none(), THRESHOLDS, 0).level())
                .isEqualTo(RiskLevel.IMMINENT);
        assertThat(rules.judge(read("tonight"), List.of(read("i wrote letters to everyone")), RiskEstimate.none(),
                THRESHOLDS, 0).level()).isEqualTo(RiskLevel.NONE);
        assertThat(rules.judge(read("tonight"), List.of(read("i cant do this anymore")), RiskEstimate.none(),
                THRESHOLDS, 0).level()).isEqualTo(RiskLevel.NONE);
    }

    /**
     * "I want to do the same" after a message that told of a death or a suicide is a wish to follow them; after one that
     * told of a move abroad it is nothing, and so is the death told with nothing after it.
     */
    @Test
    void doing_the_same_after_a_death_told_is_a_wish_to_follow_by_context() {
        RiskRules.Judgement follow = rules.judge(read("honestly i keep thinking i should do the same"),
                List.of(read("my cousin passed away last week, they say he did it himself")), RiskEstimate.none(),
                THRESHOLDS, 0);
        assertThat(follow.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(follow.signals()).contains("rule:context:high");
        assertThat(rules.judge(read("aaj raat main bhi usi pul pe wesa hi karun"),
                List.of(read("hamare mohalle ke larke ne pul se jaan de di")), RiskEstimate.none(), THRESHOLDS, 0)
                .level()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(rules.judge(read("honestly i keep thinking i should do the same"),
                List.of(read("my cousin moved to toronto last week")), RiskEstimate.none(), THRESHOLDS, 0).level())
                .isEqualTo(RiskLevel.NONE);
        assertThat(rules.judge(read("it was so sad"), List.of(read("my cousin passed away last week")),
                RiskEstimate.none(), THRESHOLDS, 0).level()).isEqualTo(RiskLevel.NONE);
    }

    /**
     * An attempt told as long ago with a recovery, and nothing else heard, is held at moderate however sure the model
     * is (s51: "my uncle tried to kill himself years ago, he's fine now" got the helper's emergency reply); without
     * the recovery it is read as before: a goodbye the lexicon does not know may follow the attempt.
     */
    @Test
    void an_attempt_long_ago_with_a_recovery_told_holds_the_model_at_moderate() {
        RiskEstimate sure = new RiskEstimate(0.99, 0.95, 0.9, 0.8);
        for (String story : List.of("my uncle tried to kill himself years ago, he's fine now",
                "meri behen ne do saal pehle khudkushi ki koshish ki thi, ab theek hai",
                "اخوي حاول ينتحر من سنتين والحين الحمدلله بخير", "i tried to kill myself years ago but i'm fine now")) {
            RiskRules.Judgement j = rules.judge(read(story), List.of(), sure, THRESHOLDS, 0.9);
            assertThat(j.level()).as(story).isEqualTo(RiskLevel.MODERATE);
            assertThat(j.signals()).as(story).contains("model-recovery-told:imminent");
        }
        for (String notHeld : List.of("my sister tried to kill herself two years ago and now she is saying goodbye",
                "i tried to kill myself years ago")) {
            assertThat(rules.judge(read(notHeld), List.of(), sure, THRESHOLDS, 0.9).level()).as(notHeld)
                    .isNotEqualTo(RiskLevel.MODERATE);
        }
    }

    /**
     * A loss told as past and nothing else is asked about, never read as the writer's act now: "my brother took his
     * own life last month" was read imminent by the model sure alone and answered "call the police now". A wish of
     * the writer's own beside it, or danger heard before it, is not held; nor a death told with no time gone by.
     */
    @Test
    void a_death_told_with_nothing_else_heard_holds_even_a_sure_model_at_moderate() {
        RiskEstimate sure = new RiskEstimate(0.99, 0.95, 0.9, 0.8);
        for (String loss : List.of("my brother took his own life last month",
                "mera dost pichle mahine latak gaya tha", "میرا کزن پچھلے ہفتے لٹک گیا")) {
            Utterance told = read(loss);
            assertThat(told.lexicon().tellsDeath()).as(loss).isTrue();

            RiskRules.Judgement j = rules.judge(told, List.of(), sure, THRESHOLDS, 0.9);

            assertThat(j.level()).as(loss).isEqualTo(RiskLevel.MODERATE);
            assertThat(j.source()).as(loss).isEqualTo("model-death-told:imminent");
        }
        // the day before is a time gone by too; the last hours are not: it may have only just happened
        for (String loss : List.of("my brother took his own life last night", "ابن عمي قتل نفسه امبارح")) {
            assertThat(rules.judge(read(loss), List.of(), sure, THRESHOLDS, 0).source()).as(loss)
                    .isEqualTo("model-death-told:imminent");
        }
        assertThat(rules.judge(read("my brother took his own life an hour ago"), List.of(), sure, THRESHOLDS, 0)
                .level()).isEqualTo(RiskLevel.IMMINENT);
        // without a time gone by it may be an act just done: the emergency number first
        assertThat(rules.judge(read("my brother took his own life"), List.of(), sure, THRESHOLDS, 0).level())
                .isEqualTo(RiskLevel.IMMINENT);
        assertThat(rules.judge(read("ابن عمي قتل نفسه الشهر الماضي"), List.of(), sure, THRESHOLDS, 0).source())
                .isEqualTo("model-death-told:imminent");
        assertThat(rules.judge(read("my brother took his own life last month and i want to die too"), List.of(), sure,
                THRESHOLDS, 0).level()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(rules.judge(read("my brother took his own life last month"), List.of(read("i want to die")), sure,
                THRESHOLDS, 0).level()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(rules.judge(read("i want to go where he went"), List.of(read("my brother took his own life")),
                RiskEstimate.none(), THRESHOLDS, 0).level()).as("a wish to follow").isEqualTo(RiskLevel.HIGH);
    }

    /**
     * An attempt of one's own told as long ago, and nothing else the lexicon hears, is never answered as an act now:
     * "i took an overdose two years ago" and "pichle saal maine bohat saari goliyan kha li thi" were read imminent by
     * the model sure alone. It stays high, since the thoughts may be back in words only the model knows. A wish or a
     * time of today beside it, or danger said before it, is not held.
     */
    @Test
    void an_attempt_told_as_long_ago_with_nothing_else_heard_holds_a_model_reading_imminent_at_high() {
        RiskEstimate sure = new RiskEstimate(0.99, 0.95, 0.9, 0.8);
        for (String told : List.of("i took an overdose two years ago",
                "pichle saal maine bohat saari goliyan kha li thi",
                "پچھلے سال میں نے بہت ساری گولیاں کھا لی تھیں")) {
            RiskRules.Judgement j = rules.judge(read(told), List.of(), sure, THRESHOLDS, 0.9);

            assertThat(j.level()).as(told).isEqualTo(RiskLevel.HIGH);
            assertThat(j.source()).as(told).isEqualTo("model-attempt-long-ago:imminent");
        }
        assertThat(rules.judge(read("i took an overdose two years ago and i want to do it again tonight"), List.of(),
                sure, THRESHOLDS, 0).level()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(rules.judge(read("i took an overdose two years ago"), List.of(read("i want to die")), sure,
                THRESHOLDS, 0).level()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(rules.judge(read("last night i took 20 pills"), List.of(), sure, THRESHOLDS, 0).level())
                .as("a night ago is not long ago").isEqualTo(RiskLevel.IMMINENT);
        // a cap on what the model is believed, never a way past the hold of an unsure, unseconded reading
        RiskEstimate unsure = new RiskEstimate(0.9, 0.8, 0.45, 0.35);
        assertThat(rules.judge(read("i took an overdose two years ago"), List.of(), unsure, THRESHOLDS, 0).level())
                .isEqualTo(RiskLevel.MODERATE);
    }

    /**
     * Doing it again beside an attempt told, in the message or before it, is the thoughts back: a past attempt with
     * thoughts now, high by the lexicon alone. Negated ("i would never do it again") or without an attempt ("loved
     * the trip, want to do it again") it is nothing. Thinking about death is one's own thought, not a death told.
     */
    @Test
    void doing_it_again_after_an_attempt_told_is_the_thoughts_back() {
        for (String again : List.of("i tried to kill myself two years ago and this time i wont fail",
                "pichle saal goliyan kha li thi, is dafa pakka", "حاولت انتحر قبل سنتين، وبفكر اعيدها")) {
            Utterance u = read(again);

            assertThat(u.lexicon().signals()).as(again).contains(DistressDetector.AGAIN_AFTER_ATTEMPT);
            assertThat(rules.judge(u, List.of(), RiskEstimate.none(), THRESHOLDS, 0).level()).as(again)
                    .isEqualTo(RiskLevel.HIGH);
        }
        assertThat(read("i took an overdose last year and i would never do it again").lexicon().signals())
                .doesNotContain(DistressDetector.AGAIN_AFTER_ATTEMPT);
        assertThat(rules.judge(read("loved the trip, want to do it again"), List.of(), RiskEstimate.none(), THRESHOLDS,
                0).level()).isEqualTo(RiskLevel.NONE);
        assertThat(rules.judge(read("i feel like doing it again"), List.of(read("i took an overdose two years ago")),
                RiskEstimate.none(), THRESHOLDS, 0).level()).isEqualTo(RiskLevel.HIGH);
        assertThat(rules.judge(read("i feel like doing it again"), List.of(read("we went to murree last year")),
                RiskEstimate.none(), THRESHOLDS, 0).level()).isEqualTo(RiskLevel.NONE);
        // "again" alone is an everyday word: only the act again counts
        assertThat(rules.judge(read("ok kal dobara message karungi"),
                List.of(read("pichle saal maine bohat goliyan kha li thi")), RiskEstimate.none(), THRESHOLDS, 0)
                .level()).isLessThan(RiskLevel.HIGH);

        Utterance death = read("attempted as a teenager. been thinking about death all week");
        assertThat(RiskRules.SecondOpinion.of(death, List.of(), 0).deathTold()).isFalse();
        assertThat(rules.judge(death, List.of(), MODEL_SAYS_HIGH, THRESHOLDS, 0).level()).isEqualTo(RiskLevel.HIGH);
    }

    /** The answers below that put a means away; the others tell who the writer is or the support found. */
    private static final Set<String> PUT_AWAY = Set.of("i threw the pills in the bin", "goliyan ammi ko de di hain",
            "رميت الحبوب بالزبالة وعطيت أمي المفتاح");

    /**
     * An ordinary answer that steadies is read below {@code high} even when the model, hearing the messages before
     * it, is sure of an emergency: "میرا نام سمیرا ہے" (my name is Samira) after a past attempt was read imminent, "yes
     * i told my elder sister, she's with me now" after a blackmailer's threat high (the conversation probe of 6
     * December). A word of danger in the answer, a means beside the support or things given away that are not the
     * means end the hold; a means put away is held only when the model reads no danger in the answer without the
     * messages before it, while support told is held even then: "yes i told my elder sister, she's with me now" alone
     * read {@code imminent} (words the model learnt from helpers' crises) and stayed an emergency.
     */
    @Test
    void an_answer_that_steadies_is_read_below_high_however_sure_the_model_is() {
        RiskEstimate sure = new RiskEstimate(0.99, 0.95, 0.9, 0.8);
        List<Utterance> before = List.of(read("two years ago i tried to hang myself from the fan"));
        for (String answer : List.of("my name is samira", "im 16", "yes i told my elder sister, she's with me now",
                "i threw the pills in the bin", "mera naam bilal hai", "haan bhai ko bata diya",
                "goliyan ammi ko de di hain", "میرا نام سمیرا ہے", "میری عمر سولہ سال ہے", "اسمي سارة",
                "اه قلت لأختي الكبيرة وهي جنبي دلوقتي", "رميت الحبوب بالزبالة وعطيت أمي المفتاح")) {
            RiskRules.Judgement j = rules.judge(read(answer), before, sure, RiskEstimate.none(), THRESHOLDS, 0.9);

            assertThat(j.level()).as(answer).isEqualTo(RiskLevel.MODERATE);
            assertThat(j.source()).as(answer).isEqualTo("model-steadied:imminent");
            // the model reads danger in the answer's own words: a means put away is not held, support told is
            boolean putAway = PUT_AWAY.contains(answer);
            assertThat(rules.judge(read(answer), before, sure, sure, THRESHOLDS, 0.9).level()).as(answer)
                    .isEqualTo(putAway ? RiskLevel.IMMINENT : RiskLevel.MODERATE);
        }
        for (String danger : List.of("my name is ali and i took 30 pills an hour ago",
                "my sister is with me but i still want to die", "the pills are with me now",
                "گولیاں میرے پاس ہیں", "i gave my phone and my watch to my brother", "رميت نفسي من البلكونة",
                "mera naam bilal hai, aaj raat khud ko khatam kar lunga")) {
            assertThat(rules.judge(read(danger), before, sure, RiskEstimate.none(), THRESHOLDS, 0.9).level())
                    .as(danger).isEqualTo(RiskLevel.IMMINENT);
        }
        // nor is a time in it the time of the wish before it
        assertThat(rules.judge(read("my sister is with me now"), List.of(read("i want to die")), RiskEstimate.none(),
                THRESHOLDS, 0).level()).isLessThan(RiskLevel.HIGH);
        assertThat(rules.judge(read("the rope is ready now"), List.of(read("i want to die")), RiskEstimate.none(),
                THRESHOLDS, 0).level()).isGreaterThanOrEqualTo(RiskLevel.HIGH);
    }

    @Test
    void a_model_only_imminent_is_held_back_the_same_way() {
        RiskRules.Judgement j = rules.judge(read("going to the market tonight with my cousin"), List.of(),
                MODEL_SAYS_IMMINENT, THRESHOLDS, 0.05);

        assertThat(j.level()).isEqualTo(RiskLevel.MODERATE);
        assertThat(j.signals()).contains("model-unseconded:imminent");
    }

    /**
     * The thresholds are chosen per level, so P(≥ high) can reach its bar while P(≥ low) misses its own: an unseconded
     * high read again below it fell to none. A message that says something of its own is held at moderate: asked. A
     * short follow-up with no word the lexicon knows ("hi" after a breathing exercise) is read again below high: its
     * reading leans on the context.
     */
    @Test
    void an_unseconded_high_is_held_at_moderate_unless_the_message_says_nothing_of_its_own() {
        RiskEstimate flat = new RiskEstimate(0.45, 0.45, 0.45, 0);

        assertThat(rules.judge(read("hello"), List.of(), flat, THRESHOLDS, 0).level()).isEqualTo(RiskLevel.NONE);
        RiskRules.Judgement j = rules.judge(read("i sat in the car for an hour after work and didn't go in"), List.of(),
                flat, THRESHOLDS, 0);

        assertThat(j.level()).isEqualTo(RiskLevel.MODERATE);
        assertThat(j.signals()).contains("model-unseconded:high");
    }

    @Test
    void a_model_sure_of_it_is_believed_alone() {
        RiskEstimate sure = new RiskEstimate(0.95, 0.9, THRESHOLDS.sureAlone(), 0.1);

        RiskRules.Judgement j = rules.judge(read("my neighbour bought a blue bicycle today"), List.of(), sure,
                THRESHOLDS, 0);

        assertThat(j.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(j.signals()).contains("model-sure-alone").noneMatch(s -> s.startsWith("model-seconded"));
        assertThat(j.source()).isEqualTo("model-sure-alone");
    }

    @Test
    void the_intent_classifier_seconds_the_model() {
        RiskRules.Judgement j = rules.judge(read("i have sorted out who gets my cat and paid everyone back"),
                List.of(), MODEL_SAYS_HIGH, THRESHOLDS, THRESHOLDS.intentSeconds());

        assertThat(j.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(j.signals()).noneMatch(s -> s.startsWith("model-unseconded"))
                .contains("model-seconded:intent:p-crisis=0.20");
        assertThat(j.source()).as("without the probability, to be counted").isEqualTo("model-seconded:intent");
    }

    @Test
    void the_intent_classifier_does_not_second_the_model_on_a_topic_mention() {
        Utterance documentary = read("our class watched a documentary about suicide prevention today");
        assertThat(documentary.lexicon().cues()).contains(DistressCategory.TOPIC);

        RiskRules.Judgement j = rules.judge(documentary, List.of(), MODEL_SAYS_HIGH, THRESHOLDS, 0.9);

        assertThat(j.level()).isEqualTo(RiskLevel.MODERATE);
        assertThat(j.signals()).contains("model-unseconded:high");
        assertThat(seconds(documentary, List.of(), 0.9)).isFalse();
        assertThat(seconds(documentary, List.of(read("i want to die")), 0.9)).isTrue();
    }

    /** "sorry" as someone's first words: the intent classifier learnt them from farewells; after a wish it seconds. */
    @Test
    void the_intent_classifier_does_not_second_the_model_on_a_few_unknown_words_with_nothing_before_them() {
        for (String first : List.of("sorry", "im sorry", "maaf karna", "خلاص")) {
            Utterance apology = read(first);
            assertThat(apology.lexicon().categories()).as(first).isEmpty();

            RiskRules.Judgement j = rules.judge(apology, List.of(), MODEL_SAYS_HIGH, THRESHOLDS, 0.9);

            assertThat(j.level()).as(first).isLessThan(RiskLevel.HIGH);
            assertThat(j.signals()).as(first).contains("model-unseconded:high");
            assertThat(seconds(apology, List.of(), 0.9)).as(first).isFalse();
            assertThat(seconds(apology, List.of(read("everything is grey lately")), 0.9))
                    .as(first + " after an earlier message").isTrue();
            assertThat(rules.judge(apology, List.of(read("i can't do this anymore, i want to die")), MODEL_SAYS_HIGH,
                    THRESHOLDS, 0).level()).as(first + " after a wish to die").isEqualTo(RiskLevel.HIGH);
        }
        assertThat(seconds(read("i sorted out who gets my cat"), List.of(), 0.9))
                .as("more than a few words").isTrue();
    }

    /** "I'll die of shame": the intent classifier may make the bot ask, not escalate on the idiom's words. */
    @Test
    void the_intent_classifier_does_not_second_the_model_on_an_idiom_alone_but_still_has_the_bot_ask() {
        Utterance shame = read("result dekh kar sharam se mar jaunga yaar");
        assertThat(shame.lexicon().cues()).contains(DistressCategory.IDIOM);
        assertThat(shame.lexicon().categories()).isEmpty();

        RiskRules.Judgement j = rules.judge(shame, List.of(), MODEL_SAYS_HIGH, THRESHOLDS, 0.9);

        assertThat(j.level()).isEqualTo(RiskLevel.MODERATE);
        assertThat(j.signals()).contains("model-unseconded:high");
        assertThat(seconds(shame, List.of(), 0.9)).isFalse();
        assertThat(rules.judge(shame, List.of(), RiskEstimate.none(), THRESHOLDS, 0.9).level())
                .as("the intent rule still asks").isEqualTo(RiskLevel.MODERATE);
        assertThat(seconds(read("sharam se mar jaunga, ab jeena nahi chahta"), List.of(), 0.9))
                .as("an idiom beside a wish of one's own").isTrue();
    }

    /**
     * Love said in words of dying: with an idiom alone the intent classifier asks only when it is more likely than not
     * a crisis; the same probability without the idiom still asks.
     */
    @Test
    void an_idiom_alone_is_asked_about_only_when_the_intent_classifier_is_fairly_sure() {
        for (String love : List.of("بموت فيك يا حبيبي، تقبرني بس اشتقتلك كتير", "main tum pe marta hun jaan")) {
            Utterance message = read(love);
            assertThat(message.lexicon().cues()).as(love).contains(DistressCategory.IDIOM);
            assertThat(rules.judge(message, List.of(), RiskEstimate.none(), THRESHOLDS, 0.34).level()).as(love)
                    .isEqualTo(RiskLevel.NONE);
            assertThat(rules.judge(message, List.of(), RiskEstimate.none(), THRESHOLDS, 0.6).level()).as(love)
                    .isEqualTo(RiskLevel.MODERATE);
        }
        assertThat(rules.judge(read("i miss you so much it hurts"), List.of(), RiskEstimate.none(), THRESHOLDS, 0.34)
                .level()).as("no idiom: the usual bar").isEqualTo(RiskLevel.MODERATE);
    }

    @Test
    void the_lexicon_in_the_message_or_in_the_context_seconds_the_model() {
        RiskRules.Judgement inMessage = rules.judge(read("i don't want to wake up tomorrow"), List.of(),
                MODEL_SAYS_HIGH, THRESHOLDS, 0);
        assertThat(inMessage.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(inMessage.signals()).contains("model-seconded:lexicon");
        assertThat(inMessage.source()).isEqualTo("model-seconded:lexicon");
        assertThat(rules.judge(read("yes"), List.of(read("i want to die")), MODEL_SAYS_HIGH, THRESHOLDS, 0).level())
                .isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void a_means_or_place_alone_does_not_second_the_model_not_even_through_the_intent_classifier() {
        assertThat(seconds(read("where can i buy rope near the market"), List.of(), 0)).isFalse();
        assertThat(seconds(read("i need some rope to tie the boxes on the car roof"), List.of(), 0.5))
                .isFalse();
        assertThat(seconds(read("ok"), List.of(read("we went up to the roof")), 0)).isFalse();
    }

    /**
     * A means or a place with a time seconds a model that reads danger: "the rat poison packet is open, tonight when
     * he sleeps" was held at {@code moderate} and asked the suicide question. The price, chosen knowingly: "where can
     * i buy rope near the market today" is believed too when the model reads it {@code high}.
     */
    @Test
    void a_means_or_a_place_with_a_time_seconds_the_model() {
        Utterance poison = read("told everyone the rat poison was for the store room. house is empty tonight");
        RiskRules.Judgement j = rules.judge(poison, List.of(), MODEL_SAYS_HIGH, THRESHOLDS, 0);

        assertThat(j.signals()).contains("model-seconded:lexicon").anyMatch(s -> s.startsWith("rule:model:high:"));
        assertThat(seconds(read("chhat pe hun, aaj raat"), List.of(), 0)).isTrue();
        assertThat(seconds(read("ok"), List.of(read("we went up to the roof tonight")), 0)).isTrue();
        assertThat(rules.judge(read("told everyone the rat poison was for the store room"), List.of(),
                MODEL_SAYS_HIGH, THRESHOLDS, 0).level()).isEqualTo(RiskLevel.MODERATE);
    }

    /**
     * A {@code high} reading of the person's own with a means or a place and a near time is {@code imminent}: the way
     * and the hour are said. Not at {@code moderate} (the model unseconded), not about someone else (their helper is
     * answered), not with a means and no time.
     */
    @Test
    void a_high_with_a_way_and_a_near_time_is_imminent() {
        RiskRules.Judgement tablets = rules.judge(read("one more hour. then i take the tablets i kept in my drawer"),
                List.of(), MODEL_SAYS_HIGH, THRESHOLDS, 0);
        assertThat(tablets.level()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(tablets.source()).isEqualTo("way-and-time");
        assertThat(tablets.signals()).contains("rule:way-and-time:imminent");
        assertThat(rules.judge(read("fajr ke baad chhat se, faisla ho gaya"), List.of(), MODEL_SAYS_HIGH, THRESHOLDS,
                0).level()).isEqualTo(RiskLevel.IMMINENT);

        // the lexicon's hopelessness seconds the model in these two, so they are high
        assertThat(rules.judge(read("i cant go on. i take the tablets i kept in my drawer"), List.of(),
                MODEL_SAYS_HIGH, THRESHOLDS, 0).level()).as("no time").isEqualTo(RiskLevel.HIGH);
        assertThat(rules.judge(read("my brother says he cant go on. one more hour and then the tablets in his drawer"),
                List.of(), MODEL_SAYS_HIGH, THRESHOLDS, 0).level()).as("someone else").isEqualTo(RiskLevel.HIGH);
        assertThat(rules.judge(read("we went up to the roof tonight to see the moon"), List.of(), RiskEstimate.none(),
                THRESHOLDS, 0).level().atLeast(RiskLevel.HIGH)).as("nothing reads danger").isFalse();
    }

    /**
     * A time alone is no benign means: it does not silence the intent classifier, which alone heard "I'll jump in
     * front of the train today" (no means the lexicon knew), and the bot asks. It seconds no model-only high, as
     * for a means: a time word is what most often made the model read danger where there was none.
     */
    @Test
    void a_time_alone_leaves_the_intent_classifier_heard_for_asking() {
        Utterance time = read("kal subah sab ke uthne se pehle chali jaungi");
        assertThat(time.lexicon().categories()).containsExactly(DistressCategory.TIMEFRAME);

        assertThat(seconds(time, List.of(), 0.5)).isFalse();
        RiskRules.Judgement j = rules.judge(time, List.of(), RiskEstimate.none(), THRESHOLDS, 0.5);
        assertThat(j.level()).isEqualTo(RiskLevel.MODERATE);
        assertThat(j.signals()).contains("rule:intent:moderate:p-crisis=0.50");
    }

    /**
     * Recovery told in the words of an act ("i took an overdose years ago") seconds nothing: the model must be sure
     * alone. A wish or hopelessness today beside it, in the message or before it, seconds as ever.
     */
    @Test
    void a_past_attempt_told_as_long_ago_does_not_second_the_model_but_a_wish_today_does() {
        Utterance recovery = read("i took an overdose years ago, now i volunteer at a helpline");
        RiskRules.Judgement j = rules.judge(recovery, List.of(), MODEL_SAYS_HIGH, THRESHOLDS, 0.9);

        assertThat(j.level()).isEqualTo(RiskLevel.MODERATE);
        assertThat(j.signals()).contains("model-unseconded:high");
        assertThat(recovery.lexicon().signals()).contains("past_attempt:took an overdose");
        assertThat(seconds(read("teen saal pehle zeher pi liya tha"), List.of(), 0.9)).isFalse();
        assertThat(seconds(read("i took an overdose years ago and i want to die again"), List.of(), 0)).isTrue();
        assertThat(seconds(recovery, List.of(read("i have nothing to live for")), 0)).isTrue();
        assertThat(seconds(read("i took an overdose last week"), List.of(), 0)).isTrue();
    }

    @Test
    void how_sure_the_model_must_be_alone_and_what_the_intent_classifier_must_say_come_from_the_thresholds() {
        Utterance bicycle = read("my neighbour bought a blue bicycle today");
        RiskThresholds trusting = new RiskThresholds(0.5, 0.5, 0.4, 0.3, 0.5, 0.05);

        assertThat(rules.judge(bicycle, List.of(), MODEL_SAYS_HIGH, trusting, 0).level()).isEqualTo(RiskLevel.HIGH);
        assertThat(rules.judge(bicycle, List.of(), MODEL_SAYS_HIGH, THRESHOLDS, 0).level())
                .isEqualTo(RiskLevel.MODERATE);
        Utterance cat = read("i have sorted out who gets my cat and paid everyone back");
        RiskThresholds surer = new RiskThresholds(0.5, 0.5, 0.4, 0.3, 0.9, 0.05);
        assertThat(rules.judge(cat, List.of(), MODEL_SAYS_HIGH, surer, 0.06).level()).isEqualTo(RiskLevel.HIGH);
        assertThat(rules.judge(cat, List.of(), MODEL_SAYS_HIGH, surer, 0.04).level()).isEqualTo(RiskLevel.MODERATE);
        assertThat(rules.judge(cat, List.of(), MODEL_SAYS_HIGH, THRESHOLDS, 0.06).level())
                .isEqualTo(RiskLevel.MODERATE);
    }

    private static boolean seconds(Utterance message, List<Utterance> context, double crisisProbability) {
        return RiskRules.SecondOpinion.of(message, context, crisisProbability).seconds(THRESHOLDS);
    }
}
