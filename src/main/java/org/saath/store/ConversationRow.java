package org.saath.store;

import java.time.Instant;

/**
 * A conversation as stored: one per channel and hashed user. Codes are the wire codes of the domain enums
 * (dialogue state, risk level, language), kept as strings so the store depends on no layer above it.
 * {@code preferredLanguage} is set when the person asked for a language; {@code planStep} is the safety-plan
 * question being answered (0: none); {@code consent} is {@code yes} or {@code no} once the person answered whether a
 * counsellor may read the conversation so far ({@code null} before). {@code topic} is what the conversation is about
 * (kept since {@code topicAt}), {@code lastReply} the template and variant the bot answered with last; all three
 * may be null. {@code personGender} and {@code otherGender} are what the person's words marked about themselves and
 * about the person they wrote about last ({@code feminine}, {@code masculine}, or null when never marked).
 * {@code saidCountry} is the country the person's words placed them in ({@code here:AE}), said they are from
 * ({@code from:EG}) or said they are not in ({@code not:PK}), null when never said.
 */
public record ConversationRow(String id, String channel, String userRef, String language, String state,
                              String peakRisk, Instant peakRiskAt, int turns, Instant createdAt,
                              String preferredLanguage, int planStep, String consent, String topic, Instant topicAt,
                              String lastReply, String personGender, String otherGender, String saidCountry) {

    /** A conversation whose words never said a country. */
    public ConversationRow(String id, String channel, String userRef, String language, String state, String peakRisk,
                           Instant peakRiskAt, int turns, Instant createdAt, String preferredLanguage, int planStep,
                           String consent, String topic, Instant topicAt, String lastReply, String personGender,
                           String otherGender) {
        this(id, channel, userRef, language, state, peakRisk, peakRiskAt, turns, createdAt, preferredLanguage, planStep,
                consent, topic, topicAt, lastReply, personGender, otherGender, null);
    }

    /** A conversation whose words never marked a gender. */
    public ConversationRow(String id, String channel, String userRef, String language, String state, String peakRisk,
                           Instant peakRiskAt, int turns, Instant createdAt, String preferredLanguage, int planStep,
                           String consent, String topic, Instant topicAt, String lastReply) {
        this(id, channel, userRef, language, state, peakRisk, peakRiskAt, turns, createdAt, preferredLanguage, planStep,
                consent, topic, topicAt, lastReply, null, null);
    }

    /** A conversation with no remembered topic or last reply. */
    public ConversationRow(String id, String channel, String userRef, String language, String state, String peakRisk,
                           Instant peakRiskAt, int turns, Instant createdAt, String preferredLanguage, int planStep,
                           String consent) {
        this(id, channel, userRef, language, state, peakRisk, peakRiskAt, turns, createdAt, preferredLanguage, planStep,
                consent, null, null, null);
    }

    /** A conversation in which consent to share the transcript was not asked yet. */
    public ConversationRow(String id, String channel, String userRef, String language, String state, String peakRisk,
                           Instant peakRiskAt, int turns, Instant createdAt, String preferredLanguage, int planStep) {
        this(id, channel, userRef, language, state, peakRisk, peakRiskAt, turns, createdAt, preferredLanguage, planStep,
                null);
    }

    /**
     * This row as a turn reads it while no escalation is open: the person's answer about sharing was given for an
     * escalation that has ended, and the next one asks again (a yes to one partner is no yes to every later one).
     */
    public ConversationRow withoutConsent() {
        return new ConversationRow(id, channel, userRef, language, state, peakRisk, peakRiskAt, turns, createdAt,
                preferredLanguage, planStep, null, topic, topicAt, lastReply, personGender, otherGender, saidCountry);
    }

    /**
     * This row with the topic, last reply, genders and said country of {@code earlier} (turns that do not change
     * them).
     */
    public ConversationRow keeping(ConversationRow earlier) {
        return new ConversationRow(id, channel, userRef, language, state, peakRisk, peakRiskAt, turns, createdAt,
                preferredLanguage, planStep, consent, earlier.topic, earlier.topicAt, earlier.lastReply,
                earlier.personGender, earlier.otherGender, earlier.saidCountry);
    }
}
