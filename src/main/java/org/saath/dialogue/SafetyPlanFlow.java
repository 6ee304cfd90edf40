package org.saath.dialogue;

import java.util.Optional;

import org.saath.rules.Decision;
import org.saath.rules.DialogueState;
import org.saath.store.TurnWrite;

/**
 * The guided safety plan: five short questions, one a turn (warning signs, things that calm me, people and places,
 * professionals, making my space safer), after Stanley and Brown's safety-planning intervention. Each answer is
 * stored redacted and can be shown again ("show my safety plan") or deleted with everything else.
 */
public final class SafetyPlanFlow {

    public static final int STEPS = 5;

    /** What this turn does to the plan: the template to answer with, the next step and state, the answer to keep. */
    public record Outcome(String template, int nextStep, DialogueState nextState,
                          Optional<TurnWrite.PlanAnswer> answer, boolean showPlan) {
    }

    public Outcome next(Decision decision, int currentStep, String answerRedacted) {
        return switch (decision.plan()) {
            case NONE -> new Outcome(decision.template(),
                    decision.nextState() == DialogueState.SAFETY_PLAN ? currentStep : 0, decision.nextState(),
                    Optional.empty(), false);
            case START -> new Outcome("plan_q1", 1, DialogueState.SAFETY_PLAN, Optional.empty(), false);
            case SHOW -> new Outcome("plan_show", currentStep, decision.nextState(), Optional.empty(), true);
            case ANSWER -> answer(Math.max(1, currentStep), answerRedacted);
        };
    }

    private static Outcome answer(int step, String answerRedacted) {
        Optional<TurnWrite.PlanAnswer> answer = Optional.of(new TurnWrite.PlanAnswer(step, answerRedacted));
        if (step < STEPS) {
            return new Outcome("plan_q" + (step + 1), step + 1, DialogueState.SAFETY_PLAN, answer, false);
        }
        return new Outcome("plan_done", 0, DialogueState.OPEN, answer, true);
    }
}
