package org.saath.nlu;

/**
 * How the risk model's cumulative probabilities become a level: a message is at {@code level} when
 * P(≥ level) reaches that level's threshold, taking the highest such level. Chosen by cross-validation and
 * recorded in the risk model's card.
 */
public record RiskThresholds(double low, double moderate, double high, double imminent) {

    public RiskThresholds {
        for (double t : new double[] {low, moderate, high, imminent}) {
            if (!(t > 0 && t <= 1)) {
                throw new IllegalArgumentException("a risk threshold must lie in (0, 1], found " + t);
            }
        }
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
