package org.saath.rules;

import java.util.Optional;
import java.util.Set;

import org.saath.nlu.Analysis;
import org.saath.nlu.Command;
import org.saath.nlu.DistressCategory;
import org.saath.nlu.Intent;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;

/**
 * What the rules may look at for one turn. {@code risk} is this message's risk; {@code conversationRisk} is the
 * conversation's after this message (never lower than {@code risk}), which keeps a crisis line attached after a
 * crisis even when the next message is "ok thanks". {@code topic} is what the conversation is about after this
 * message (its own words or intent, else the topic remembered from earlier; empty when none), so a follow-up such
 * as "where do I go with my children?" stays on the route of the abuse it follows; {@code topicSaid}: this message
 * named it (a loss told now is answered once as news, its remembered topic as a follow-up). {@code signals} are the
 * distress categories this message's words showed; {@code asksAboutMeans} marks a question about a way or a dose that
 * the classifier could not place (answered on the crisis route, never as out of scope). {@code earlierRisk} is the
 * conversation's risk before this message (the peak still remembered, else {@code none}): a method question after a
 * crisis is not asked the screening question again. {@code counsellorAvailable}: a partner that covers this person's
 * country, language and need is open now (its free places not counted), so offering a human counsellor is honest.
 * {@code actBefore}: whose act on the body (tablets taken, a cut, a hanging) one of the messages read with this one
 * told, or the conversation still remembers while its emergency goes on, so a follow-up ("what do i do", "he's not waking up") is answered with what to do until help comes.
 * {@code classified}: the intent classifier's own reading before a risk of {@code high} or more made {@code intent} a
 * crisis (a helper's "i cant stop shaking", read with the other person's danger, is still anxiety). {@code placeSaid}:
 * whether this message said where the person is, or asked for a country's lines ("I live in Riyadh"), and whether it
 * said nothing else ("hi, i live in doha").
 */
public record TurnFacts(Intent intent, double confidence, boolean lowConfidence, RiskLevel risk,
                        RiskLevel conversationRisk, Language language,
                        String country, DialogueState state, boolean requestsHuman, boolean thirdPerson,
                        Optional<Command> command, String topic, boolean topicSaid, Set<DistressCategory> signals,
                        boolean asksAboutMeans, RiskLevel earlierRisk, boolean counsellorAvailable,
                        Analysis.ActBefore actBefore, Intent classified, PlaceSaid placeSaid) {

    /** What a message said of where the person is. */
    public enum PlaceSaid {
        /** Nothing. */
        NONE,
        /** Where they are, or the lines of a country asked for, with more besides. */
        SAID,
        /** Where they are and nothing else: a greeting or "now" at most. */
        ALONE
    }

    public TurnFacts {
        placeSaid = placeSaid == null ? PlaceSaid.NONE : placeSaid;
        command = command == null ? Optional.empty() : command;
        topic = topic == null ? "" : topic;
        signals = signals == null ? Set.of() : Set.copyOf(signals);
        earlierRisk = earlierRisk == null ? RiskLevel.NONE : earlierRisk;
        actBefore = actBefore == null ? Analysis.ActBefore.NONE : actBefore;
        classified = classified == null ? intent : classified;
    }

    /** Facts of a message that said no place. */
    public TurnFacts(Intent intent, double confidence, boolean lowConfidence, RiskLevel risk,
                     RiskLevel conversationRisk, Language language, String country, DialogueState state,
                     boolean requestsHuman, boolean thirdPerson, Optional<Command> command, String topic,
                     boolean topicSaid, Set<DistressCategory> signals, boolean asksAboutMeans, RiskLevel earlierRisk,
                     boolean counsellorAvailable, Analysis.ActBefore actBefore, Intent classified) {
        this(intent, confidence, lowConfidence, risk, conversationRisk, language, country, state, requestsHuman,
                thirdPerson, command, topic, topicSaid, signals, asksAboutMeans, earlierRisk, counsellorAvailable,
                actBefore, classified, PlaceSaid.NONE);
    }

    /** Facts of a conversation with no remembered topic. */
    public TurnFacts(Intent intent, double confidence, boolean lowConfidence, RiskLevel risk,
                     RiskLevel conversationRisk, Language language, String country, DialogueState state,
                     boolean requestsHuman, boolean thirdPerson, Optional<Command> command) {
        this(intent, confidence, lowConfidence, risk, conversationRisk, language, country, state, requestsHuman,
                thirdPerson, command, "", false, Set.of(), false, RiskLevel.NONE, true, Analysis.ActBefore.NONE,
                intent, PlaceSaid.NONE);
    }

    /** These facts with the message's risk raised to at least {@code floor} (the conversation's too). */
    public TurnFacts withRiskAtLeast(RiskLevel floor) {
        return new TurnFacts(intent, confidence, lowConfidence, RiskLevel.max(risk, floor),
                RiskLevel.max(conversationRisk, floor), language, country, state, requestsHuman, thirdPerson, command,
                topic, topicSaid, signals, asksAboutMeans, earlierRisk, counsellorAvailable, actBefore, classified,
                placeSaid);
    }

    /** These facts with whether a counsellor could be offered now. */
    public TurnFacts withCounsellorAvailable(boolean available) {
        return new TurnFacts(intent, confidence, lowConfidence, risk, conversationRisk, language, country, state,
                requestsHuman, thirdPerson, command, topic, topicSaid, signals, asksAboutMeans, earlierRisk, available,
                actBefore, classified, placeSaid);
    }
}
