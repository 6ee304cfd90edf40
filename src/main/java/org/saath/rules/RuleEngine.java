package org.saath.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.saath.nlu.Command;
import org.saath.nlu.RiskLevel;

/**
 * Picks the first rule that matches, in the rule book's priority order. Pure: no I/O, no clock, no logging, so
 * the same facts always give the same decision. A rule that raises the risk ({@code risk-at-least}) says so in its
 * {@link Ruling}, so that the caller applies the safety floor to the raised facts.
 */
public final class RuleEngine {

    private static final int NO_COMMAND = Command.values().length;

    private final RuleBook book;
    /**
     * The rules that can match a turn in each dialogue state with each command (or none, at {@link #NO_COMMAND}), in
     * the book's order: most rules name a command or a state, and a turn need not ask the others (every turn asks).
     */
    private final Rule[][][] candidates;

    public RuleEngine(RuleBook book) {
        this.book = book;
        DialogueState[] states = DialogueState.values();
        Command[] commands = Command.values();
        this.candidates = new Rule[states.length][NO_COMMAND + 1][];
        for (DialogueState state : states) {
            for (int command = 0; command <= NO_COMMAND; command++) {
                Optional<Command> said = command < NO_COMMAND ? Optional.of(commands[command]) : Optional.empty();
                List<Rule> fit = new ArrayList<>();
                for (Rule rule : book.rules()) {
                    if (rule.when().allows(state, said)) {
                        fit.add(rule);
                    }
                }
                candidates[state.ordinal()][command] = fit.toArray(Rule[]::new);
            }
        }
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
        int command = facts.command().map(Command::ordinal).orElse(NO_COMMAND);
        for (Rule rule : candidates[facts.state().ordinal()][command]) {
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
