package org.saath.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.saath.helpline.HelplineDirectory;
import org.saath.helpline.HelplineOffer;
import org.saath.nlu.RiskLevel;

/**
 * The safety floor, applied in code after the rules; configuration cannot turn it off and it can only raise.
 * At risk {@code high} or above: the reply uses a crisis template (the helper's version for third-person crises),
 * the conversation is escalated, crisis topics are added, and a crisis line of the person's country that is open
 * now leads the helplines.
 */
public final class SafetyPolicy {

    /** Templates that already speak to a crisis; the floor leaves them as the rules chose. */
    public static final Set<String> CRISIS_TEMPLATES = Set.of("crisis", "crisis_third_person");

    public Decision apply(Decision decision, TurnFacts facts) {
        if (!facts.risk().atLeast(RiskLevel.HIGH)) {
            return decision;
        }
        List<String> raised = new ArrayList<>();
        String template = decision.template();
        if (!CRISIS_TEMPLATES.contains(template)) {
            template = facts.thirdPerson() ? "crisis_third_person" : "crisis";
            raised.add("template");
        }
        Set<String> topics = new LinkedHashSet<>(decision.helplineTopics());
        if (topics.add("crisis") | topics.add("suicide")) {
            raised.add("helpline-topics");
        }
        if (!decision.escalate()) {
            raised.add("escalate");
        }
        DialogueState next = decision.nextState() == DialogueState.NEW ? DialogueState.OPEN : decision.nextState();
        return new Decision(decision.ruleId(), template, topics, decision.helplineIds(), true, "urgent",
                decision.escalate() ? next : DialogueState.ESCALATED, decision.forget(), decision.plan(),
                decision.consent(), raised.isEmpty() ? null : "safety-floor:" + String.join(",", raised));
    }

    /**
     * Puts an open crisis line of {@code country} first when the risk is {@code high}+ and none of the offers is
     * an open crisis line. Returns the offers unchanged when the country has no open crisis line at all; the
     * reply then says so honestly.
     */
    public List<HelplineOffer> ensureOpenCrisisLine(List<HelplineOffer> offers, RiskLevel risk,
                                                    HelplineDirectory directory, String country, String language,
                                                    Instant now) {
        if (!risk.atLeast(RiskLevel.HIGH)) {
            return offers;
        }
        Optional<HelplineOffer> open = directory.openCrisisLine(country, language, now);
        if (open.isEmpty()) {
            return offers;
        }
        List<HelplineOffer> out = new ArrayList<>();
        out.add(open.get());
        offers.stream().filter(o -> !o.helpline().id().equals(open.get().helpline().id())).forEach(out::add);
        return out;
    }
}
