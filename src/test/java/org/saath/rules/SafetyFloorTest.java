package org.saath.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.channel.InboundMessage;
import org.saath.channel.TurnResult;
import org.saath.nlu.Intent;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;

/** The safety floor holds whatever the rule book says: configuration cannot turn it off. */
class SafetyFloorTest {

    /** A rule book an operator got wrong: everything, crises included, gets the out-of-scope answer. */
    private static final String CARELESS_RULES = """
            rules:
              - id: everything
                priority: 0
                then: {template: out_of_scope}
            """;

    @TempDir
    Path data;

    /** A rule book that answers everything with the next safety-plan question, crises included. */
    private static final String PLAN_FIRST_RULES = """
            rules:
              - id: plan-everything
                priority: 0
                then: {template: plan_q1, safety-plan: start}
            """;

    /** Whatever the rule book answers with (the out-of-scope reply, a safety-plan question), a crisis is a crisis. */
    @ParameterizedTest
    @ValueSource(strings = {CARELESS_RULES, PLAN_FIRST_RULES})
    void a_crisis_gets_the_emergency_reply_an_open_crisis_line_and_an_escalation_whatever_the_rules_say(
            String rules) {
        Components components = TestComponents.load(TestComponents.config(data), TestComponents.analyser(),
                Clock.fixed(TestComponents.PK_NIGHT, ZoneOffset.UTC),
                () -> new ByteArrayInputStream(rules.getBytes(StandardCharsets.UTF_8)), "operator.yaml");

        TurnResult result = components.turns().handle(new InboundMessage("test", "u-1", "m-1",
                "i am going to end my life", Optional.of("PK")));

        TurnResult.Reply reply = result.replies().get(0);
        assertThat(reply.helplines().get(0).id()).isEqualTo("pk-umang");
        assertThat(reply.helplines().get(0).openNow()).isTrue();
        assertThat(reply.text()).startsWith("Please call now:");
        assertThat(result.escalation()).isNotNull();
    }

    @Test
    void at_high_risk_every_safety_plan_step_gives_way_to_the_crisis_reply() {
        for (RiskLevel risk : List.of(RiskLevel.HIGH, RiskLevel.IMMINENT)) {
            TurnFacts facts = new TurnFacts(Intent.CRISIS, 0.9, false, risk, risk, Language.EN, "PK",
                    DialogueState.SAFETY_PLAN, false, false, Optional.empty());
            for (Decision.PlanStep step : List.of(Decision.PlanStep.START, Decision.PlanStep.ANSWER,
                    Decision.PlanStep.SHOW)) {
                Decision planned = new Decision("plan", "plan_q2", Set.of(), List.of(), false, "normal",
                        DialogueState.SAFETY_PLAN, false, step, null, false, null);

                Decision after = new SafetyPolicy().apply(planned, facts);

                assertThat(after.plan()).as(risk + " " + step).isEqualTo(Decision.PlanStep.NONE);
                assertThat(after.template()).as(risk + " " + step)
                        .isEqualTo(risk == RiskLevel.IMMINENT ? "crisis_imminent" : "crisis");
                assertThat(after.nextState()).as(risk + " " + step).isEqualTo(DialogueState.SAFETY_CHECK);
                assertThat(after.raisedBy()).as(risk + " " + step).contains("plan");
            }
        }
    }

    /** At high risk, against rules that already chose more than the floor would: nothing of theirs is lowered. */
    @Test
    void the_floor_only_raises_it_never_lowers_a_decision() {
        SafetyPolicy safety = new SafetyPolicy();
        Decision generous = new Decision("crisis-plus", "crisis_third_person", Set.of("crisis", "suicide", "gbv"),
                List.of("pk-madadgaar"), true, "urgent", DialogueState.ESCALATED, false, Decision.PlanStep.NONE, null,
                false, null);
        TurnFacts high = new TurnFacts(Intent.CRISIS, 0.9, false, RiskLevel.HIGH, RiskLevel.HIGH, Language.EN,
                "PK", DialogueState.OPEN, false, true, Optional.empty());

        Decision after = safety.apply(generous, high);

        assertThat(after.template()).isEqualTo("crisis_third_person");
        assertThat(after.helplineTopics()).containsAll(generous.helplineTopics());
        assertThat(after.helplineIds()).isEqualTo(generous.helplineIds());
        assertThat(after.escalate()).isTrue();
        assertThat(after.priority()).isEqualTo("urgent");
        assertThat(after.nextState()).isEqualTo(DialogueState.ESCALATED);
        assertThat(after.raisedBy()).isNull();
    }

    /** Imminent risk never gets a screening question first, whatever the rules chose. */
    @Test
    void at_imminent_risk_the_floor_raises_even_a_crisis_reply_to_the_one_that_leads_with_emergency_numbers() {
        TurnFacts imminent = new TurnFacts(Intent.CRISIS, 0.9, false, RiskLevel.IMMINENT, RiskLevel.IMMINENT,
                Language.EN, "PK", DialogueState.OPEN, false, false, Optional.empty());
        for (String chosen : List.of("crisis_check", "crisis", "out_of_scope")) {
            Decision raised = new SafetyPolicy().apply(new Decision("r", chosen, Set.of("gbv"), List.of(), true,
                    DialogueState.CRISIS_CHECK, null), imminent);

            assertThat(raised.template()).as(chosen).isEqualTo("crisis_imminent");
            assertThat(raised.nextState()).as(chosen).isEqualTo(DialogueState.SAFETY_CHECK);
            assertThat(raised.helplineTopics()).as(chosen).contains("gbv", "crisis", "suicide");
        }
    }

    @Test
    void at_high_risk_the_floor_switches_template_adds_crisis_topics_and_escalates() {
        Decision careless = new Decision("everything", "out_of_scope", Set.of(), List.of(), false,
                DialogueState.OPEN, null);
        TurnFacts thirdPerson = new TurnFacts(Intent.CRISIS, 0.9, false, RiskLevel.HIGH, RiskLevel.HIGH,
                Language.EN, "PK", DialogueState.OPEN, false, true, Optional.empty());

        Decision raised = new SafetyPolicy().apply(careless, thirdPerson);

        assertThat(raised.template()).isEqualTo("crisis_third_person");
        assertThat(raised.helplineTopics()).contains("crisis", "suicide");
        assertThat(raised.escalate()).isTrue();
        assertThat(raised.raisedBy()).startsWith("safety-floor:");
    }
}
