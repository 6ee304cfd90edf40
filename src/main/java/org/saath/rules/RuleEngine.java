package org.saath.rules;

import org.saath.nlu.RiskLevel;

/**
 * Picks the first rule that matches, in the rule book's priority order. Pure: no I/O, no clock, no logging, so
 * the same facts always give the same decision. A rule that raises the risk ({@code risk-at-least}) says so in its
 * {@link Ruling}, so that the caller applies the safety floor to the raised facts.
 */
public final class RuleEngine {

    private final RuleBook book;

    public RuleEngine(RuleBook book) {
        this.book = book;
    }

    /**
     * What the first matching rule decides, and the risk it says the turn has at least ({@code none} when it says
     * nothing).
     */
    public record Ruling(Decision decision, RiskLevel riskFloor) {
    }

    /** The rule book read once for {@code facts}: the decision and the risk floor of the one rule that matches. */
    public Ruling rule(TurnFacts facts) {
        Rule rule = match(facts);
        RiskLevel floor = rule.then().riskAtLeast();
        return new Ruling(decision(rule, facts), floor == null ? RiskLevel.NONE : floor);
    }

    public Decision decide(TurnFacts facts) {
        return decision(match(facts), facts);
    }

    private Decision decision(Rule rule, TurnFacts facts) {
        Rule.Then then = rule.then();
        return new Decision(rule.id(), then.template(),
                then.topicLines() ? book.linesFor(facts.topic()) : then.helplineTopics(), then.helplineIds(),
                then.escalate(), then.priority(), then.nextState() == null ? facts.state() : then.nextState(),
                then.forget(), then.plan(), then.consent(), then.withdraw(), null);
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
