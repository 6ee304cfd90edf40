package org.saath.rules;

import java.util.List;
import java.util.Set;

/**
 * What to do with a turn: the reply template, which helplines to offer (by topic and by id), whether to escalate
 * to a human and how urgently, the next dialogue state, and the special actions: forget everything about the
 * person, a safety-plan step, recording the person's answer about sharing the conversation ({@code consent}:
 * {@code yes}, {@code no} or null), or ending the open escalation because the person no longer wants a counsellor
 * ({@code withdraw}). {@code raisedBy} names what the safety policy changed, if anything.
 */
public record Decision(String ruleId, String template, Set<String> helplineTopics, List<String> helplineIds,
                       boolean escalate, String priority, DialogueState nextState, boolean forget, PlanStep plan,
                       String consent, boolean withdraw, String raisedBy) {

    /** What a rule does with the person's safety plan. */
    public enum PlanStep { NONE, START, ANSWER, SHOW }

    public Decision {
        helplineTopics = Set.copyOf(helplineTopics);
        helplineIds = List.copyOf(helplineIds);
        plan = plan == null ? PlanStep.NONE : plan;
        priority = priority == null ? "normal" : priority;
    }

    /** A plain decision: reply, helplines, escalation and next state, no special action. */
    public Decision(String ruleId, String template, Set<String> helplineTopics, List<String> helplineIds,
                    boolean escalate, DialogueState nextState, String raisedBy) {
        this(ruleId, template, helplineTopics, helplineIds, escalate, "normal", nextState, false, PlanStep.NONE, null,
                false, raisedBy);
    }
}
