package org.saath.rules;

/**
 * Picks the first rule that matches, in the rule book's priority order. Pure: no I/O, no clock, no logging, so
 * the same facts always give the same decision.
 */
public final class RuleEngine {

    private final RuleBook book;

    public RuleEngine(RuleBook book) {
        this.book = book;
    }

    public Decision decide(TurnFacts facts) {
        for (Rule rule : book.rules()) {
            if (rule.matches(facts)) {
                Rule.Then then = rule.then();
                return new Decision(rule.id(), then.template(), then.helplineTopics(), then.helplineIds(),
                        then.escalate(), then.nextState() == null ? facts.state() : then.nextState(), null);
            }
        }
        throw new IllegalStateException("the rule book has no default rule"); // RuleBook guarantees one
    }
}
