package org.saath.dialogue;

import java.time.Instant;
import java.util.Optional;

import org.saath.nlu.Intent;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;

/**
 * What one accepted turn did, in closed values only: never what the person wrote, never a reference to them or to
 * their conversation. This is all that metrics and the anonymous impact counts ever see of a turn.
 *
 * @param channel          the channel's name ({@code generic}, {@code whatsapp}, {@code cli}…)
 * @param country          the ISO 3166 country the person's helplines were chosen for
 * @param language         the language the message was written in
 * @param intent           what the message was classified as (the topic of the impact counts)
 * @param risk             the risk of this message
 * @param conversationRisk the conversation's risk after this message
 * @param kind             whether the bot answered, the message went to a counsellor, or the person's data went
 * @param newConversation  whether this message started a conversation (a person's first message, or their first
 *                         after a deletion)
 * @param replies          how many replies went back to the person
 * @param escalation       the escalation this turn opened, if any
 * @param at               when the turn was handled
 */
public record TurnOutcome(String channel, String country, Language language, Intent intent, RiskLevel risk,
                          RiskLevel conversationRisk, Kind kind, boolean newConversation, int replies,
                          Optional<Opened> escalation, Instant at) {

    /** What became of the message. */
    public enum Kind {
        ANSWERED, RELAYED, FORGOTTEN;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An escalation opened by the turn: {@code requested} (no partner could take it) or {@code offered} to one. */
    public record Opened(String state, Optional<String> partnerId) {
    }
}
