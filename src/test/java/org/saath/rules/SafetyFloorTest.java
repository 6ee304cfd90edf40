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

    @Test
    void a_crisis_gets_an_open_crisis_line_and_an_escalation_even_when_the_rules_ignore_it() {
        Components components = Components.load(TestComponents.config(data), TestComponents.analyser(),
                Clock.fixed(TestComponents.PK_NIGHT, ZoneOffset.UTC),
                () -> new ByteArrayInputStream(CARELESS_RULES.getBytes(StandardCharsets.UTF_8)), "careless.yaml");

        TurnResult result = components.turns().handle(new InboundMessage("test", "u-1", "m-1",
                "i am going to end my life", Optional.of("PK")));

        TurnResult.Reply reply = result.replies().get(0);
        assertThat(reply.helplines().get(0).id()).isEqualTo("pk-umang");
        assertThat(reply.helplines().get(0).openNow()).isTrue();
        assertThat(reply.text()).startsWith("Please reach out to someone now:");
        assertThat(result.escalation()).isNotNull();
    }

    @Test
    void the_floor_only_raises_it_never_lowers_a_decision() {
        SafetyPolicy safety = new SafetyPolicy();
        Decision escalating = new Decision("asks", "human_requested", Set.of("seek_help"), List.of(), true,
                DialogueState.ESCALATED, null);
        TurnFacts calm = new TurnFacts(Intent.SEEK_HELP, 0.9, false, RiskLevel.NONE, RiskLevel.NONE, Language.EN,
                "PK", DialogueState.OPEN, true, false, Optional.empty());

        assertThat(safety.apply(escalating, calm)).isEqualTo(escalating);
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
