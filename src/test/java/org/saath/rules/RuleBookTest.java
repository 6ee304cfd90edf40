package org.saath.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saath.dialogue.Templates;
import org.saath.helpline.HelplineDirectoryLoader;
import org.saath.nlu.Analysis;
import org.saath.nlu.Command;
import org.saath.nlu.DistressCategory;
import org.saath.nlu.Intent;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;

class RuleBookTest {

    private static final Set<String> TEMPLATES = Set.of("crisis", "greeting", "out_of_scope");
    private static final Set<String> TOPICS = Set.of("crisis", "depression", "suicide_loss");

    private static RuleBook load(String yaml) {
        return RuleBook.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml",
                TEMPLATES, TOPICS, id -> id.equals("pk-umang"));
    }

    private static final String DEFAULT = "  - {id: default, priority: 0, then: {template: out_of_scope}}\n";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{id: r1, priority: 5, when: {intents: [crisiss]}, then: {template: crisis}}|rule 'r1': unknown intent 'crisiss'",
        "{id: r2, priority: 5, then: {template: nothing}}|rule 'r2': unknown template 'nothing'",
        "{id: r3, priority: 5, then: {template: crisis, helplines: [pk-nope]}}|rule 'r3': unknown helpline id 'pk-nope'",
        "{id: r4, priority: 5, then: {template: crisis, helpline-topics: [astrology]}}|unknown helpline topic",
        "{id: r5, priority: 5, when: {risk-at-least: extreme}, then: {template: crisis}}|unknown risk level",
        "{id: r6, then: {template: crisis}}|rule 'r6': priority is missing",
        "{id: r7, priority: 1, when: {mood: sad}, then: {template: crisis}}|mood",
        "{id: r8, priority: 1, when: {signals: [despair]}, then: {template: crisis}}|unknown signal 'despair'",
        "{id: r9, priority: 1, when: {conversation-risk-at-least: dire}, then: {template: crisis}}|unknown risk",
        "{id: r10, priority: 1, when: {act-before: mine}, then: {template: crisis}}|act-before must be own",
        "{id: r11, priority: 1, when: {place-said: maybe}, then: {template: crisis}}|place-said must be true, false or"
    })
    void a_bad_rule_is_a_start_error_naming_the_file_and_the_rule(String rule, String message) {
        assertThatThrownBy(() -> load("rules:\n  - " + rule + "\n" + DEFAULT))
                .isInstanceOf(RuleBookException.class)
                .hasMessageContaining("test.yaml")
                .hasMessageContaining(message);
    }

    /** {@code place-said: true} is any place said, {@code alone} a place and nothing else, {@code false} none. */
    @Test
    void place_said_tells_a_place_alone_from_a_place_with_more() {
        RuleEngine engine = new RuleEngine(load("""
                rules:
                  - {id: alone, priority: 3, when: {place-said: alone}, then: {template: greeting}}
                  - {id: said, priority: 2, when: {place-said: true}, then: {template: crisis}}
                  - {id: none, priority: 1, when: {place-said: false}, then: {template: out_of_scope}}
                """ + DEFAULT));
        TurnFacts f = facts(Intent.OUT_OF_SCOPE, RiskLevel.NONE);
        assertThat(engine.decide(placed(f, TurnFacts.PlaceSaid.ALONE)).ruleId()).isEqualTo("alone");
        assertThat(engine.decide(placed(f, TurnFacts.PlaceSaid.SAID)).ruleId()).isEqualTo("said");
        assertThat(engine.decide(placed(f, TurnFacts.PlaceSaid.NONE)).ruleId()).isEqualTo("none");
    }

    private static TurnFacts placed(TurnFacts f, TurnFacts.PlaceSaid place) {
        return new TurnFacts(f.intent(), f.confidence(), f.lowConfidence(), f.risk(), f.conversationRisk(),
                f.language(), f.country(), f.state(), f.requestsHuman(), f.thirdPerson(), f.command(), f.topic(),
                f.topicSaid(), f.signals(), f.asksAboutMeans(), f.earlierRisk(), f.counsellorAvailable(), f.actBefore(),
                f.classified(), place);
    }

    /**
     * topic-lines: one table of the lines for what the conversation is about, read by every rule that follows the
     * topic, with a default for a topic it does not name (a conversation about nothing yet included).
     */
    @Test
    void a_rule_with_topic_lines_gets_the_lines_of_the_conversation_s_topic_or_the_default() {
        RuleEngine engine = new RuleEngine(load("""
                topic-lines:
                  suicide_loss: [crisis]
                  default: [depression]
                rules:
                  - {id: more, priority: 5, when: {commands: [more]}, then: {template: greeting, topic-lines: true}}
                  - {id: crisis, priority: 4, when: {intents: [crisis]},
                     then: {template: crisis, helpline-topics: [crisis, depression]}}
                """ + DEFAULT));
        TurnFacts more = new TurnFacts(Intent.OUT_OF_SCOPE, 0.9, false, RiskLevel.NONE, RiskLevel.NONE, Language.EN,
                "PK", DialogueState.OPEN, false, false, Optional.of(Command.MORE));

        assertThat(engine.decide(about(more, "suicide_loss", false)).helplineTopics()).containsExactly("crisis");
        assertThat(engine.decide(about(more, "depression", false)).helplineTopics()).containsExactly("depression");
        assertThat(engine.decide(more).helplineTopics()).containsExactly("depression");
        // a rule that names its own lines keeps them, whatever the conversation is about
        assertThat(engine.decide(about(facts(Intent.CRISIS, RiskLevel.NONE), "suicide_loss", false))
                .helplineTopics()).containsExactlyInAnyOrder("crisis", "depression");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "topic-lines: {astrology: [crisis], default: [crisis]}|topic-lines: unknown topic 'astrology'",
        "topic-lines: {crisis: [tarot], default: [crisis]}|topic-lines: unknown helpline topic 'tarot'",
        "topic-lines: {crisis: [], default: [crisis]}|topic-lines: no helpline topics for 'crisis'",
        "topic-lines: {crisis: [crisis]}|rule 'more': topic-lines needs a 'default' entry",
        "topic-lines: {default: [crisis]}|rule 'both': helpline-topics and topic-lines both name the lines"
    })
    void a_bad_topic_lines_table_or_use_is_a_start_error_naming_the_file(String table, String message) {
        String rule = message.contains("'both'")
                ? "  - {id: both, priority: 5, then: {template: greeting, topic-lines: true, "
                        + "helpline-topics: [crisis]}}\n"
                : "  - {id: more, priority: 5, then: {template: greeting, topic-lines: true}}\n";
        assertThatThrownBy(() -> load(table + "\nrules:\n" + rule + DEFAULT))
                .isInstanceOf(RuleBookException.class)
                .hasMessageContaining("test.yaml")
                .hasMessageContaining(message);
    }

    @Test
    void a_book_without_a_default_rule_is_refused() {
        assertThatThrownBy(() -> load("rules:\n  - {id: g, priority: 1, when: {intents: [greeting]}, "
                + "then: {template: greeting}}\n"))
                .hasMessageContaining("no default rule");
    }

    @Test
    void the_highest_priority_match_wins_and_the_default_catches_the_rest() {
        RuleEngine engine = new RuleEngine(load("""
                rules:
                  - {id: low-greeting, priority: 1, when: {intents: [greeting]}, then: {template: greeting}}
                  - {id: risky, priority: 9, when: {risk-at-least: moderate}, then: {template: crisis, escalate: true}}
                """ + DEFAULT));

        assertThat(engine.decide(facts(Intent.GREETING, RiskLevel.MODERATE)).ruleId()).isEqualTo("risky");
        assertThat(engine.decide(facts(Intent.GREETING, RiskLevel.NONE)).ruleId()).isEqualTo("low-greeting");
        assertThat(engine.decide(facts(Intent.ANXIETY, RiskLevel.LOW)).ruleId()).isEqualTo("default");
    }

    /** One reading of the book gives the matching rule's decision and the risk it raises the turn to. */
    @Test
    void a_ruling_carries_the_matching_rule_s_decision_and_risk_floor() {
        RuleEngine engine = new RuleEngine(load("""
                rules:
                  - {id: said-yes, priority: 5, when: {commands: [yes]}, then: {template: crisis, risk-at-least: high}}
                """ + DEFAULT));
        TurnFacts yes = new TurnFacts(Intent.OUT_OF_SCOPE, 0.9, false, RiskLevel.LOW, RiskLevel.LOW, Language.EN,
                "PK", DialogueState.SAFETY_CHECK, false, false, Optional.of(Command.YES));

        RuleEngine.Ruling raised = engine.rule(yes);
        RuleEngine.Ruling plain = engine.rule(facts(Intent.GREETING, RiskLevel.LOW));

        assertThat(raised.decision().ruleId()).isEqualTo("said-yes");
        assertThat(raised.decision().nextState()).isEqualTo(DialogueState.SAFETY_CHECK);
        assertThat(raised.riskFloor()).isEqualTo(RiskLevel.HIGH);
        assertThat(plain.decision().ruleId()).isEqualTo("default");
        assertThat(plain.riskFloor()).isEqualTo(RiskLevel.NONE);
    }

    /**
     * What the conversation remembers and what the message said: someone who already said they want to die is not
     * asked again (conversation risk), hopelessness is asked about (signals), a dose question is risk
     * (asks-about-means).
     */
    @Test
    void conditions_on_the_conversation_s_risk_the_message_s_signals_and_a_question_about_means() {
        RuleEngine engine = new RuleEngine(load("""
                rules:
                  - {id: means, priority: 9, when: {asks-about-means: true}, then: {template: crisis}}
                  - {id: remembered, priority: 8, when: {risk-at-least: moderate, conversation-risk-at-least: high},
                     then: {template: crisis}}
                  - {id: check, priority: 7, when: {risk-at-least: moderate}, then: {template: greeting}}
                  - {id: hopeless, priority: 6, when: {signals: [hopelessness]}, then: {template: greeting}}
                  - {id: no-wish, priority: 5, when: {risk-at-least: low, signals-none: [ideation, means]},
                     then: {template: greeting}}
                  - {id: nobody-to-offer, priority: 4, when: {intents: [depression], counsellor-available: false},
                     then: {template: greeting}}
                  - {id: offer, priority: 3, when: {intents: [depression]}, then: {template: greeting}}
                  - {id: said-a-command, priority: 2, when: {intents: [crisis], has-command: true},
                     then: {template: greeting}}
                  - {id: said-none, priority: 1, when: {intents: [crisis], has-command: false},
                     then: {template: greeting}}
                  - {id: loss-told, priority: 11, when: {topics: [suicide_loss], topic-said: true},
                     then: {template: greeting}}
                  - {id: loss-remembered, priority: 10, when: {topics: [suicide_loss], topic-said: false},
                     then: {template: greeting}}
                """ + DEFAULT));
        TurnFacts moderate = facts(Intent.CRISIS, RiskLevel.MODERATE);

        assertThat(engine.decide(moderate).ruleId()).isEqualTo("check");
        TurnFacts remembered = new TurnFacts(Intent.CRISIS, 0.9, false, RiskLevel.MODERATE, RiskLevel.HIGH,
                Language.EN, "PK", DialogueState.OPEN, false, false, Optional.empty());
        assertThat(engine.decide(remembered).ruleId()).isEqualTo("remembered");
        assertThat(engine.decide(with(facts(Intent.DEPRESSION, RiskLevel.LOW), Set.of(DistressCategory.HOPELESSNESS),
                false)).ruleId()).isEqualTo("hopeless");
        assertThat(engine.decide(with(facts(Intent.OUT_OF_SCOPE, RiskLevel.NONE), Set.of(DistressCategory.MEANS),
                true)).ruleId()).isEqualTo("means");
        // signals-none: none of the listed categories heard
        assertThat(engine.decide(with(facts(Intent.DEPRESSION, RiskLevel.LOW), Set.of(DistressCategory.TIMEFRAME),
                false)).ruleId()).isEqualTo("no-wish");
        assertThat(engine.decide(with(facts(Intent.DEPRESSION, RiskLevel.LOW), Set.of(DistressCategory.IDEATION),
                false)).ruleId()).isNotEqualTo("no-wish");
        // counsellor-available: whether a partner could be offered the conversation now
        assertThat(engine.decide(facts(Intent.DEPRESSION, RiskLevel.NONE).withCounsellorAvailable(false)).ruleId())
                .isEqualTo("nobody-to-offer");
        assertThat(engine.decide(facts(Intent.DEPRESSION, RiskLevel.NONE).withCounsellorAvailable(true)).ruleId())
                .isEqualTo("offer");
        // has-command: whether the message said any command
        assertThat(engine.decide(facts(Intent.CRISIS, RiskLevel.NONE)).ruleId()).isEqualTo("said-none");
        assertThat(engine.decide(new TurnFacts(Intent.CRISIS, 0.9, false, RiskLevel.NONE, RiskLevel.NONE, Language.EN,
                "PK", DialogueState.OPEN, false, false, Optional.of(Command.NO))).ruleId()).isEqualTo("said-a-command");
        // topic-said: the message named the topic itself, or the conversation remembers it from before
        assertThat(engine.decide(about(facts(Intent.OUT_OF_SCOPE, RiskLevel.NONE), "suicide_loss", true)).ruleId())
                .isEqualTo("loss-told");
        assertThat(engine.decide(about(facts(Intent.OUT_OF_SCOPE, RiskLevel.NONE), "suicide_loss", false)).ruleId())
                .isEqualTo("loss-remembered");
    }

    /** act-before: whose act on the body a message read with this one told, the person's own or someone else's. */
    @Test
    void act_before_tells_the_person_s_own_act_from_someone_else_s() {
        RuleEngine engine = new RuleEngine(load("""
                rules:
                  - {id: own, priority: 3, when: {act-before: own}, then: {template: crisis}}
                  - {id: theirs, priority: 2, when: {act-before: someone-else}, then: {template: crisis}}
                  - {id: nothing-told, priority: 1, when: {act-before: none}, then: {template: greeting}}
                """ + DEFAULT));
        RuleEngine any = new RuleEngine(load("""
                rules:
                  - {id: any, priority: 1, when: {act-before: any}, then: {template: crisis}}
                """ + DEFAULT));
        TurnFacts followUp = facts(Intent.OUT_OF_SCOPE, RiskLevel.LOW);

        assertThat(engine.decide(after(followUp, Analysis.ActBefore.OWN, false)).ruleId()).isEqualTo("own");
        assertThat(engine.decide(after(followUp, Analysis.ActBefore.SOMEONE_ELSE, true)).ruleId()).isEqualTo("theirs");
        assertThat(engine.decide(followUp).ruleId()).isEqualTo("nothing-told");
        assertThat(any.decide(after(followUp, Analysis.ActBefore.OWN, false)).ruleId()).isEqualTo("any");
        assertThat(any.decide(after(followUp, Analysis.ActBefore.SOMEONE_ELSE, true)).ruleId()).isEqualTo("any");
        assertThat(any.decide(followUp).ruleId()).isEqualTo("default");
    }

    /** classified-as: the intent classifier's own reading, which a risk of high read with the context overrides. */
    @Test
    void classified_as_reads_the_classifier_s_intent_before_the_risk_made_it_a_crisis() {
        RuleEngine engine = new RuleEngine(load("""
                rules:
                  - {id: shaken, priority: 2, when: {classified-as: [anxiety]}, then: {template: greeting}}
                  - {id: crisis, priority: 1, when: {intents: [crisis]}, then: {template: crisis}}
                """ + DEFAULT));
        TurnFacts f = facts(Intent.CRISIS, RiskLevel.HIGH);
        TurnFacts anxious = new TurnFacts(f.intent(), f.confidence(), f.lowConfidence(), f.risk(), f.conversationRisk(),
                f.language(), f.country(), f.state(), f.requestsHuman(), true, f.command(), f.topic(), f.topicSaid(),
                f.signals(), f.asksAboutMeans(), f.earlierRisk(), f.counsellorAvailable(), f.actBefore(),
                Intent.ANXIETY);

        assertThat(engine.decide(anxious).ruleId()).isEqualTo("shaken");
        assertThat(engine.decide(f).ruleId()).isEqualTo("crisis");
    }

    /**
     * The shipped rule book: a chosen place with a near time, which the risk rules read as {@code imminent}, is an
     * emergency; a place alone at {@code high} is a crisis; asking for a person in the middle of a safety plan or
     * after the question about suicide is a request, not an answer.
     */
    @Test
    void the_shipped_book_reads_a_place_now_as_an_emergency_and_a_request_for_a_person_as_one() throws IOException {
        RuleEngine engine;
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/rules.yaml"))) {
            engine = new RuleEngine(RuleBook.load(in, "rules.yaml", Templates.loadFromClasspath().ids(),
                    HelplineDirectoryLoader.TOPICS, id -> true));
        }
        TurnFacts high = facts(Intent.CRISIS, RiskLevel.HIGH);
        TurnFacts imminent = facts(Intent.CRISIS, RiskLevel.IMMINENT);

        // a place with a near time reaches the book as imminent (RiskRules, way-and-time: RiskRulesTest)
        Decision placeNow = engine.decide(with(imminent, Set.of(DistressCategory.PLACE, DistressCategory.TIMEFRAME),
                false));
        assertThat(placeNow.ruleId()).isEqualTo("crisis-imminent");
        assertThat(placeNow.template()).isEqualTo("crisis_imminent");
        assertThat(placeNow.priority()).isEqualTo("urgent");
        assertThat(engine.decide(with(high, Set.of(DistressCategory.PLACE), false)).ruleId()).isEqualTo("crisis");
        // after an act on the body, a follow-up ("what do i do", "he's not waking up", "i'm getting sleepy") gets
        // what to do until help comes, whoever's act it was; a command still steers
        TurnFacts followUp = facts(Intent.OUT_OF_SCOPE, RiskLevel.MODERATE);
        assertThat(engine.decide(after(followUp, Analysis.ActBefore.SOMEONE_ELSE, true)).template())
                .isEqualTo("first_steps_helper");
        assertThat(engine.decide(after(imminent, Analysis.ActBefore.SOMEONE_ELSE, true)).template())
                .isEqualTo("first_steps_helper");
        assertThat(engine.decide(after(followUp, Analysis.ActBefore.OWN, false)).template()).isEqualTo("first_steps");
        assertThat(engine.decide(after(imminent, Analysis.ActBefore.OWN, false)).template()).isEqualTo("first_steps");
        assertThat(engine.decide(after(followUp, Analysis.ActBefore.NONE, false)).template())
                .isNotIn("first_steps", "first_steps_helper");
        // care refused after an act: a doctor now all the same, to the person or to the helper
        TurnFacts refused = facts(Intent.OUT_OF_SCOPE, RiskLevel.LOW);
        refused = new TurnFacts(refused.intent(), refused.confidence(), refused.lowConfidence(), refused.risk(),
                refused.conversationRisk(), refused.language(), refused.country(), refused.state(), false, false,
                Optional.of(Command.NO_DOCTOR));
        assertThat(engine.decide(after(refused, Analysis.ActBefore.OWN, false)).template()).isEqualTo("care_refused");
        assertThat(engine.decide(after(refused, Analysis.ActBefore.SOMEONE_ELSE, false)).template())
                .isEqualTo("care_refused_helper");
        assertThat(engine.decide(after(refused, Analysis.ActBefore.NONE, false)).template()).isEqualTo("wound_care");
        for (DialogueState state : new DialogueState[] {DialogueState.SAFETY_PLAN, DialogueState.CRISIS_CHECK}) {
            // "no, but i want to talk to a real person": a no and a request for a person at once
            TurnFacts asks = new TurnFacts(Intent.SEEK_HELP, 0.9, false, RiskLevel.NONE, RiskLevel.MODERATE,
                    Language.EN, "PK", state, true, false, Optional.of(Command.NO));
            assertThat(engine.decide(asks).ruleId()).as("in %s", state).isEqualTo("asks-for-a-person");
        }
    }

    @Test
    void risk_levels_order_and_lower_within_a_floor() {
        assertThat(RiskLevel.IMMINENT.atLeast(RiskLevel.HIGH)).isTrue();
        assertThat(RiskLevel.HIGH.lowered(RiskLevel.LOW)).isEqualTo(RiskLevel.MODERATE);
        assertThat(RiskLevel.LOW.lowered(RiskLevel.LOW)).isEqualTo(RiskLevel.LOW);
    }

    private static TurnFacts with(TurnFacts f, Set<DistressCategory> signals, boolean asksAboutMeans) {
        return new TurnFacts(f.intent(), f.confidence(), f.lowConfidence(), f.risk(), f.conversationRisk(),
                f.language(), f.country(), f.state(), f.requestsHuman(), f.thirdPerson(), f.command(), f.topic(),
                f.topicSaid(), signals, asksAboutMeans, f.earlierRisk(), f.counsellorAvailable(), f.actBefore(),
                f.classified());
    }

    private static TurnFacts about(TurnFacts f, String topic, boolean said) {
        return new TurnFacts(f.intent(), f.confidence(), f.lowConfidence(), f.risk(), f.conversationRisk(),
                f.language(), f.country(), f.state(), f.requestsHuman(), f.thirdPerson(), f.command(), topic, said,
                f.signals(), f.asksAboutMeans(), f.earlierRisk(), f.counsellorAvailable(), f.actBefore(),
                f.classified());
    }

    private static TurnFacts after(TurnFacts f, Analysis.ActBefore act, boolean thirdPerson) {
        return new TurnFacts(f.intent(), f.confidence(), f.lowConfidence(), f.risk(), f.conversationRisk(),
                f.language(), f.country(), f.state(), f.requestsHuman(), thirdPerson, f.command(), f.topic(),
                f.topicSaid(), f.signals(), f.asksAboutMeans(), RiskLevel.IMMINENT, f.counsellorAvailable(), act,
                f.classified());
    }

    private static TurnFacts facts(Intent intent, RiskLevel risk) {
        return new TurnFacts(intent, 0.9, false, risk, risk, Language.EN, "PK", DialogueState.OPEN, false, false,
                Optional.empty());
    }
}
