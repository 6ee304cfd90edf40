package org.saath.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.saath.nlu.Analysis;
import org.saath.nlu.Command;
import org.saath.nlu.DistressCategory;
import org.saath.nlu.Intent;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;

/**
 * One rule of the rule book: when every condition that is set holds, its action is taken. Unset conditions
 * ({@code null} or empty) match anything.
 */
public record Rule(String id, int priority, When when, Then then) {

    /**
     * Conditions. {@code riskAtLeast}/{@code riskAtMost} look at this message's risk, the {@code conversationRisk…}
     * pair at the conversation's (the peak still remembered), {@code earlierRiskAtLeast} at the conversation's before
     * this message; {@code signals} must all have been heard in this message, {@code signalsNone} none of them;
     * {@code counsellorAvailable} whether a partner could be offered the conversation now; {@code hasCommand}
     * whether the message said a command at all ("no", "stop", "more lines"…; {@link Command#counted}: not "not
     * sure"); {@code topicSaid} whether this message's own words or intent named the topic, rather than the
     * conversation remembering it;
     * {@code actBefore} whose act on the body the turn follows ({@link TurnFacts}; empty: anyone's or none);
     * {@code classifiedAs} the intent classifier's own reading, before a risk of {@code high} made the intent a crisis;
     * {@code placeSaid} whether this message said where the person is ("I live in Riyadh": {@code SAID} or
     * {@code ALONE} match {@code true}, {@code NONE} matches {@code false}), or said nothing else ({@code ALONE}).
     */
    public record When(Set<Intent> intents, RiskLevel riskAtLeast, RiskLevel riskAtMost, Set<Language> languages,
                       Set<String> countries, Set<DialogueState> states, Double minConfidence,
                       Boolean lowConfidence, Boolean requestsHuman, Boolean thirdPerson, Set<Command> commands,
                       Set<String> topics, RiskLevel conversationRiskAtLeast, RiskLevel conversationRiskAtMost,
                       Set<DistressCategory> signals, Boolean asksAboutMeans, RiskLevel earlierRiskAtLeast,
                       Set<DistressCategory> signalsNone, Boolean counsellorAvailable, Boolean hasCommand,
                       Boolean topicSaid, Set<Analysis.ActBefore> actBefore, Set<Intent> classifiedAs,
                       TurnFacts.PlaceSaid placeSaid) {

        /** Conditions without the conversation's risk, signals or means. */
        public When(Set<Intent> intents, RiskLevel riskAtLeast, RiskLevel riskAtMost, Set<Language> languages,
                    Set<String> countries, Set<DialogueState> states, Double minConfidence, Boolean lowConfidence,
                    Boolean requestsHuman, Boolean thirdPerson, Set<Command> commands, Set<String> topics) {
            this(intents, riskAtLeast, riskAtMost, languages, countries, states, minConfidence, lowConfidence,
                    requestsHuman, thirdPerson, commands, topics, null, null, Set.of(), null, null, Set.of(), null,
                    null, null, Set.of(), Set.of(), null);
        }

        boolean matches(TurnFacts f) {
            return about(f) && (intents.isEmpty() || intents.contains(f.intent()))
                    && (topics.isEmpty() || topics.contains(f.topic()))
                    && (riskAtLeast == null || f.risk().atLeast(riskAtLeast))
                    && (riskAtMost == null || riskAtMost.atLeast(f.risk()))
                    && (languages.isEmpty() || languages.contains(f.language()))
                    && (countries.isEmpty() || countries.contains(f.country()))
                    && (minConfidence == null || f.confidence() >= minConfidence)
                    && (lowConfidence == null || lowConfidence == f.lowConfidence())
                    && (requestsHuman == null || requestsHuman == f.requestsHuman())
                    && (thirdPerson == null || thirdPerson == f.thirdPerson())
                    && allows(f.state(), f.command());
        }

        /**
         * Whether a turn in {@code state} with {@code command} (empty: none said) meets the conditions on both: what
         * the {@link RuleEngine} indexes the book by.
         */
        boolean allows(DialogueState state, Optional<Command> command) {
            return (states.isEmpty() || states.contains(state))
                    && (commands.isEmpty() || command.filter(commands::contains).isPresent());
        }

        /** The conditions on the conversation's risk and on what this message said. */
        private boolean about(TurnFacts f) {
            return (conversationRiskAtLeast == null || f.conversationRisk().atLeast(conversationRiskAtLeast))
                    && (conversationRiskAtMost == null || conversationRiskAtMost.atLeast(f.conversationRisk()))
                    && (earlierRiskAtLeast == null || f.earlierRisk().atLeast(earlierRiskAtLeast))
                    && (signals.isEmpty() || f.signals().containsAll(signals))
                    && (signalsNone.isEmpty() || noneHeard(signalsNone, f.signals()))
                    && (asksAboutMeans == null || asksAboutMeans == f.asksAboutMeans())
                    && (counsellorAvailable == null || counsellorAvailable == f.counsellorAvailable())
                    && (hasCommand == null || hasCommand == f.command().filter(Command::counted).isPresent())
                    && (topicSaid == null || topicSaid == f.topicSaid())
                    && (actBefore.isEmpty() || actBefore.contains(f.actBefore()))
                    && (classifiedAs.isEmpty() || classifiedAs.contains(f.classified()))
                    && (placeSaid == null || placeSaid == f.placeSaid()
                        || placeSaid == TurnFacts.PlaceSaid.SAID && f.placeSaid() == TurnFacts.PlaceSaid.ALONE);
        }

        /** Whether none of {@code unwanted} was heard (a loop: every turn asks this of every rule). */
        private static boolean noneHeard(Set<DistressCategory> unwanted, Set<DistressCategory> heard) {
            for (DistressCategory category : unwanted) {
                if (heard.contains(category)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Actions. {@code nextState} null keeps the current state; {@code riskAtLeast} raises the turn's risk before the
     * safety floor (a "yes" to "are you thinking of ending your life?" is {@code high}); {@code topicLines}: the
     * helpline topics are the book's lines for the conversation's topic ({@link RuleBook#linesFor}), not
     * {@code helplineTopics}.
     */
    public record Then(String template, Set<String> helplineTopics, List<String> helplineIds, boolean escalate,
                       String priority, DialogueState nextState, boolean forget, Decision.PlanStep plan,
                       RiskLevel riskAtLeast, String consent, boolean withdraw, boolean topicLines) {
    }

    boolean matches(TurnFacts facts) {
        return when.matches(facts);
    }
}
