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
 * At risk {@code high} or above: the reply uses a crisis template (the helper's version for third-person crises;
 * at {@code imminent} the one that leads with the emergency numbers and asks "are you safe right now?", never a
 * screening question), the conversation is escalated, crisis topics are added, and a crisis line of the person's
 * country that is open now leads the helplines. A crisis template the rules chose (one fit for the risk:
 * {@link CrisisTemplates}) keeps the state they chose (its question waits for its answer); one the floor put in asks
 * "are you safe right now?" (the helper's reply asks nothing). A safety-plan step the rules chose (its next question,
 * the plan shown) is dropped: it would answer in place of the crisis reply; the plan can be taken up again once the
 * person is safe.
 */
public final class SafetyPolicy {

    public Decision apply(Decision decision, TurnFacts facts) {
        if (!facts.risk().atLeast(RiskLevel.HIGH)) {
            return decision;
        }
        List<String> raised = new ArrayList<>();
        String template = decision.template();
        boolean imminent = facts.risk().atLeast(RiskLevel.IMMINENT) && !facts.thirdPerson();
        if (!CrisisTemplates.FIT_AT_HIGH.contains(template)
                || imminent && !CrisisTemplates.FIT_AT_IMMINENT.contains(template)) {
            // someone else's act in progress: call the emergency number now and stay with them
            String helper = facts.risk().atLeast(RiskLevel.IMMINENT) ? "crisis_third_person_imminent"
                    : "crisis_third_person";
            template = facts.thirdPerson() ? helper : imminent ? "crisis_imminent" : "crisis";
            raised.add("template");
        }
        Set<String> topics = new LinkedHashSet<>(decision.helplineTopics());
        if (topics.add("crisis") | topics.add("suicide")) {
            raised.add("helpline-topics");
        }
        if (!decision.escalate()) {
            raised.add("escalate");
        }
        if (decision.plan() != Decision.PlanStep.NONE) {
            raised.add("plan");   // a safety-plan step answers with its own question: the crisis reply comes first
        }
        DialogueState next = decision.nextState() == DialogueState.NEW ? DialogueState.OPEN : decision.nextState();
        if (raised.contains("template") || next == DialogueState.SAFETY_PLAN) {
            // crisis and crisis_imminent end with "are you safe right now?"; the helper's reply asks nothing
            next = template.startsWith("crisis_third_person") ? DialogueState.ESCALATED : DialogueState.SAFETY_CHECK;
        }
        return new Decision(decision.ruleId(), template, topics, decision.helplineIds(), true, "urgent", next,
                decision.forget(), Decision.PlanStep.NONE,
                decision.consent(), false, raised.isEmpty() ? null : "safety-floor:" + String.join(",", raised));
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
