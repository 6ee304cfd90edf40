package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.saath.TestComponents;

class AnalyserTest {

    private static final RiskClassifier BROKEN_RISK = new RiskClassifier() {
        @Override
        public RiskEstimate estimate(Utterance message, java.util.List<Utterance> context) {
            throw new IllegalStateException("risk model corrupted");
        }

        @Override
        public RiskThresholds thresholds() {
            return new RiskThresholds(0.5, 0.5, 0.5, 0.5);
        }

        @Override
        public String modelVersion() {
            return "broken-risk";
        }
    };

    @Test
    void i_want_to_die_is_a_crisis_at_high_risk() {
        Analysis a = TestComponents.analyser().analyse("i want to die");

        assertThat(a.intent()).isEqualTo(Intent.CRISIS);
        assertThat(a.risk()).isIn(RiskLevel.HIGH, RiskLevel.IMMINENT);
        assertThat(a.language()).isEqualTo(Language.EN);
    }

    /**
     * What came before help came is in hands that can help: the act two messages back set no act before "i feel so
     * ashamed" once "the ambulance is here" came between (it had "call the emergency number now, unlock the door": a
     * dev probe, 7 December), and "im at the hospital now", support told, is no emergency on the model's word alone.
     */
    @Test
    void messages_before_help_came_are_not_read_with_what_follows() {
        Analyser analyser = TestComponents.analyser();

        Analysis after = analyser.analyse("i feel so ashamed", List.of("i took 20 panadol", "the ambulance is here"));
        Analysis without = analyser.analyse("i feel so ashamed", List.of("i took 20 panadol", "nobody is home"));

        assertThat(after.actBefore()).isEqualTo(Analysis.ActBefore.NONE);
        assertThat(without.actBefore()).isEqualTo(Analysis.ActBefore.OWN);
        assertThat(analyser.context(List.of("i took 20 panadol", "ambulance aa gayi hai")).messages()).isEmpty();
        assertThat(analyser.context(List.of("الاسعاف وصل", "بلعت حبوب كثير")).messages()).hasSize(1);
        for (String there : List.of("im at the hospital now", "main hospital mein hoon ab", "انا بالمستشفى الحين")) {
            Analysis a = analyser.analyse(there);
            assertThat(a.command()).as(there).contains(Command.HELP_HERE);
            assertThat(a.risk()).as(there).isLessThan(RiskLevel.HIGH);
        }
        assertThat(analyser.analyse("im at the hospital now and i took more pills").risk())
                .isEqualTo(RiskLevel.IMMINENT);
    }

    /**
     * Faith asked about and someone to be called are part of what the person is telling, not steers: read with the
     * messages before them ("will allah forgive me" after a plan for tonight is that plan's farewell; read alone, as a
     * steer, it had been low, and a fixed split's Arabic imminent recall fell with it).
     */
    @Test
    void faith_and_someone_to_call_are_read_with_what_came_before() {
        Analyser analyser = TestComponents.analyser();
        List<String> before = List.of("i have the pills ready and i'm taking them tonight");

        for (String said : List.of("will allah forgive me", "call my mum for me")) {
            Analysis a = analyser.analyse(said, before);
            assertThat(a.command()).as(said).isPresent();
            assertThat(a.command().get().steers()).as(said).isFalse();
            assertThat(a.risk()).as(said).isGreaterThan(analyser.analyse(said).risk());
        }
    }

    /**
     * A helper's question about keeping someone safe, read after their danger was told, is a question, not a danger of
     * its own (the s55 QA pass: "should i remove the razors and pills from her room?" was read imminent); an act told
     * with it still is one.
     */
    @Test
    void a_helpers_question_about_keeping_someone_safe_is_held_below_moderate_and_an_act_with_it_is_not() {
        Analyser analyser = TestComponents.analyser();
        List<String> before = List.of("my sister told me she wants to kill herself");

        for (String asked : List.of("should i remove the razors and pills from her room?",
                "kya main uski goliyan chhupa dun?", "اخبي الحبوب؟", "what do i say to her?", "should i call the police?")) {
            Analysis a = analyser.analyse(asked, before);
            assertThat(a.command()).as(asked).get().isIn(Command.REMOVE_MEANS, Command.WHAT_TO_SAY,
                    Command.CALL_POLICE);
            assertThat(a.risk()).as(asked).isLessThanOrEqualTo(RiskLevel.LOW);
        }
        Analysis act = analyser.analyse("she took a whole strip of pills, should i call the police?", before);
        assertThat(act.command()).contains(Command.CALL_POLICE);
        assertThat(act.risk()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(act.signals()).doesNotContain("asks-how-to-help");
    }

    /**
     * How to help someone low, with no danger told, is a helper's question too (the s56 QA pass: "My mother is depressed
     * and stopped eating. She won't see a doctor. What can I do?" was read high and asked "are you safe right now?"):
     * held at moderate, what the model may have heard in words the lexicon does not know; a wish told with it is still
     * heard.
     */
    @Test
    void how_to_help_someone_low_is_held_at_moderate_and_a_wish_with_it_is_not() {
        Analyser analyser = TestComponents.analyser();

        for (String asked : List.of("My mother is depressed and stopped eating. She won't see a doctor. What can I do?",
                "meri ammi bohat udaas rehti hain, main unke liye kya kar sakti hun?",
                "امي مكتئبة ومش بتاكل، ازاي اقنعها تروح لدكتور؟")) {
            Analysis a = analyser.analyse(asked);
            assertThat(a.command()).as(asked).contains(Command.HELP_SOMEONE);
            assertThat(a.risk()).as(asked).isLessThanOrEqualTo(RiskLevel.MODERATE);
        }
        assertThat(analyser.analyse("My mother is depressed and stopped eating. She won't see a doctor. What can I do?")
                .signals()).as("the model's high reading held").contains("asks-how-to-help");
        Analysis wish = analyser.analyse("my mother says she wants to die and won't see a doctor, what can i do for her?");
        assertThat(wish.command()).contains(Command.HELP_SOMEONE);
        assertThat(wish.risk()).isGreaterThanOrEqualTo(RiskLevel.HIGH);
        assertThat(wish.signals()).doesNotContain("asks-how-to-help");
    }

    /** Review finding 12: "how many paracetamol would kill me" was risk none and out of scope. */
    @Test
    void a_question_about_a_way_or_a_dose_is_marked_for_the_crisis_route_and_an_idiom_is_not() {
        Analyser analyser = TestComponents.analyser();

        assertThat(analyser.analyse("how many paracetamol would kill me").asksAboutMeans()).isTrue();
        assertThat(analyser.analyse("what's the highest bridge in karachi").asksAboutMeans()).isTrue();
        assertThat(analyser.analyse("kitni goliyan khane se insaan mar jata hai").asksAboutMeans()).isTrue();
        assertThat(analyser.analyse("this traffic is killing me").asksAboutMeans()).isFalse();
        assertThat(analyser.analyse("i want to die").asksAboutMeans()).as("a crisis in its own right").isFalse();
        assertThat(analyser.analyse("the noose is tied to the fan and i'm on the chair").asksAboutMeans())
                .as("a preparation told, no question").isFalse();
        assertThat(analyser.analyse("i want to die").categories()).contains(DistressCategory.IDEATION);
        // a method question in so many words is one however the classifier reads it (these two it reads as a crisis)
        Analysis arabic = analyser.analyse("كم حبة بنادول تكفي عشان الواحد يموت؟");
        Analysis urdu = analyser.analyse("کتنی گولیاں کھانے سے انسان مر جاتا ہے؟");
        assertThat(List.of(arabic, urdu)).allSatisfy(a -> {
            assertThat(a.intent()).isEqualTo(Intent.CRISIS);
            assertThat(a.asksAboutMeans()).as("%s", a.signals()).isTrue();
        });
        assertThat(analyser.analyse("main marna chahti hoon").gender().self()).isEqualTo(Gender.FEMININE);
    }

    @Test
    void broken_models_degrade_to_unsure_and_the_lexicon_still_finds_the_crisis() {
        IntentClassifier broken = new IntentClassifier() {
            @Override
            public Classification classify(NormalisedText text) {
                throw new IllegalStateException("model corrupted");
            }

            @Override
            public String modelVersion() {
                return "broken";
            }
        };
        TextNormaliser normaliser = new TextNormaliser();
        Analyser analyser = new Analyser(normaliser, new ScriptLanguageDetector(), broken, BROKEN_RISK,
                new DistressDetector(DistressLexicon.load(Path.of("models/lang"), normaliser)),
                CommandDetector.loadFromClasspath(normaliser), GenderCues.none(), 0.2);

        Analysis hello = analyser.analyse("hello there");
        Analysis crisis = analyser.analyse("i am going to kill myself");

        assertThat(hello.lowConfidence()).isTrue();
        assertThat(crisis.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(crisis.intent()).isEqualTo(Intent.CRISIS);
    }

    @Test
    void one_classifier_gives_identical_answers_on_many_threads() throws Exception {
        Analyser analyser = TestComponents.analyser();
        List<String> messages = List.of("i want to die", "hi", "exam ka bohat pressure hai", "بدي انتحر",
                "someone leaked my pictures", "میں بہت اداس ہوں", "thanks bye", "my husband beats me");
        List<Analysis> reference = messages.stream().map(analyser::analyse).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            results.add(pool.submit(() -> {
                for (int i = 0; i < 2_000; i++) {
                    int k = i % messages.size();
                    if (!analyser.analyse(messages.get(k)).equals(reference.get(k))) {
                        return false;
                    }
                }
                return true;
            }));
        }
        for (Future<Boolean> result : results) {
            assertThat(result.get()).isTrue();
        }
        pool.shutdown();
    }
}
