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
 * country that is open now leads the helplines. A crisis template the rules chose keeps the state they chose (its
 * question waits for its answer); one the floor put in asks "are you safe right now?" (the helper's reply asks
 * nothing). A safety-plan step the rules chose (its next question, the plan shown) is dropped: it would answer in
 * place of the crisis reply; the plan can be taken up again once the person is safe.
 */
public final class SafetyPolicy {

    /**
     * Templates that already speak to a crisis; the floor leaves them as the rules chose (below imminent).
     * {@code crisis_means} answers a question about a way or a dose: no facts, a direct question, an open line.
     * {@code not_safe} answers "I'm not safe" with the emergency numbers first. {@code suicide_loss} answers a death by
     * suicide told: the loss, the emergency number if it has only just happened, and the direct question.
     */
    public static final Set<String> CRISIS_TEMPLATES = Set.of("crisis", "crisis_third_person",
            "crisis_third_person_imminent", "crisis_imminent", "crisis_means", "not_safe", "line_unanswered",
            "dont_call", "calling", "write_instead", "call_for_me", "wont_call", "wound_care", "suicide_loss");

    /**
     * Templates fit for imminent risk: they lead with the emergency numbers and ask no screening question; the
     * floor leaves them. Besides {@code crisis_imminent}: {@code not_safe} (asking "are you safe right now?" of
     * someone who has just said they are not would be the wrong question), {@code line_unanswered} (a call not
     * answered: the emergency numbers first again), and the answers to what a person asks of Saath in danger, each
     * with the emergency numbers first while an act or a plan for now is remembered: {@code dont_call} (Saath calls
     * nobody), {@code write_instead} (they cannot talk on the phone) and {@code call_for_me} (Saath sends nobody).
     */
    private static final Set<String> IMMINENT_TEMPLATES = Set.of("crisis_imminent", "not_safe", "line_unanswered",
            "dont_call", "write_instead", "call_for_me");

    public Decision apply(Decision decision, TurnFacts facts) {
        if (!facts.risk().atLeast(RiskLevel.HIGH)) {
            return decision;
        }
        List<String> raised = new ArrayList<>();
        String template = decision.template();
        boolean imminent = facts.risk().atLeast(RiskLevel.IMMINENT) && !facts.thirdPerson();
        if (!CRISIS_TEMPLATES.contains(template) || imminent && !IMMINENT_TEMPLATES.contains(template)) {
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
