package org.saath.rules;

import org.saath.nlu.RiskLevel;

/**
 * Picks the first rule that matches, in the rule book's priority order. Pure: no I/O, no clock, no logging, so
 * the same facts always give the same decision. A rule that raises the risk ({@code risk-at-least}) is reported
 * through {@link #riskFloor}, so that the caller applies the safety floor to the raised facts.
 */
public final class RuleEngine {

    private final RuleBook book;

    public RuleEngine(RuleBook book) {
        this.book = book;
    }

    public Decision decide(TurnFacts facts) {
        Rule rule = match(facts);
        Rule.Then then = rule.then();
        return new Decision(rule.id(), then.template(),
                then.topicLines() ? book.linesFor(facts.topic()) : then.helplineTopics(), then.helplineIds(),
                then.escalate(), then.priority(), then.nextState() == null ? facts.state() : then.nextState(),
                then.forget(), then.plan(), then.consent(), null);
    }

    /** The risk the matching rule says this turn has at least ({@code none} when it says nothing). */
    public RiskLevel riskFloor(TurnFacts facts) {
        RiskLevel floor = match(facts).then().riskAtLeast();
        return floor == null ? RiskLevel.NONE : floor;
    }

    private Rule match(TurnFacts facts) {
        for (Rule rule : book.rules()) {
            if (rule.matches(facts)) {
                return rule;
            }
        }
        throw new IllegalStateException("the rule book has no default rule"); // RuleBook guarantees one
    }

    public RuleBook book() {
        return book;
    }
}
