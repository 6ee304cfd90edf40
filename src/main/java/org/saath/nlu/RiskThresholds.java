package org.saath.nlu;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the risk model's cumulative probabilities become a level: a message is at {@code level} when
 * P(≥ level) reaches that level's threshold, taking the highest such level. A model-only {@code high}+ also needs
 * a second opinion ({@link RiskRules#modelLevel}): the model's P(≥ high) of at least {@code sureAlone}, or the
 * lexicon, or the intent classifier's crisis probability of at least {@code intentSeconds}. All six are chosen
 * together by cross-validation and recorded in the risk model's card.
 */
public record RiskThresholds(double low, double moderate, double high, double imminent, double sureAlone,
                             double intentSeconds) {

    /**
     * The second-opinion bars of the cards written before they were chosen with the thresholds (fixed then:
     * {@code sureAlone} chosen on the corpus of 2 December against 0.8; {@code intentSeconds} the bar of the intent
     * rule, chosen before the risk model existed): such a card is read as it always was.
     */
    public static final double FIXED_SURE_ALONE = 0.6;
    public static final double FIXED_INTENT_SECONDS = 0.2;

    public RiskThresholds {
        for (double t : new double[] {low, moderate, high, imminent, sureAlone, intentSeconds}) {
            if (!(t > 0 && t <= 1)) {
                throw new IllegalArgumentException("a risk threshold must lie in (0, 1], found " + t);
            }
        }
    }

    /** The level thresholds with the fixed second-opinion bars. */
    public RiskThresholds(double low, double moderate, double high, double imminent) {
        this(low, moderate, high, imminent, FIXED_SURE_ALONE, FIXED_INTENT_SECONDS);
    }

    /** Reads a card's thresholds; one without the second-opinion bars gets the fixed ones. */
    @JsonCreator
    static RiskThresholds read(@JsonProperty("low") double low, @JsonProperty("moderate") double moderate,
                               @JsonProperty("high") double high, @JsonProperty("imminent") double imminent,
                               @JsonProperty("sureAlone") Double sureAlone,
                               @JsonProperty("intentSeconds") Double intentSeconds) {
        return new RiskThresholds(low, moderate, high, imminent,
                sureAlone == null ? FIXED_SURE_ALONE : sureAlone,
                intentSeconds == null ? FIXED_INTENT_SECONDS : intentSeconds);
    }

    public double of(RiskLevel level) {
        return switch (level) {
            case NONE -> 0;
            case LOW -> low;
            case MODERATE -> moderate;
            case HIGH -> high;
            case IMMINENT -> imminent;
        };
    }
}
