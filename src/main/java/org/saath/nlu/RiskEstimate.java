package org.saath.nlu;


/**
 * The risk model's answer for one message: for each level, the probability that the message is at that level or
 * above (cumulative, so {@code atLeastLow ≥ atLeastModerate ≥ atLeastHigh ≥ imminent}).
 */
public record RiskEstimate(double atLeastLow, double atLeastModerate, double atLeastHigh, double imminent) {

    public RiskEstimate {
        if (!(0 <= imminent && imminent <= atLeastHigh + 1e-9 && atLeastHigh <= atLeastModerate + 1e-9
                && atLeastModerate <= atLeastLow + 1e-9 && atLeastLow <= 1 + 1e-9)) {
            throw new IllegalArgumentException("cumulative risk probabilities must fall with the level: " + this);
        }
    }

    /** No evidence at all (a model that cannot answer). */
    public static RiskEstimate none() {
        return new RiskEstimate(0, 0, 0, 0);
    }

    /** From the probabilities of the five levels, in {@link RiskLevel} order. */
    public static RiskEstimate ofLevels(double none, double low, double moderate, double high, double imminent) {
        double total = none + low + moderate + high + imminent;
        double scale = total > 0 ? 1 / total : 0;
        double h = (high + imminent) * scale;
        double m = h + moderate * scale;
        return new RiskEstimate(Math.min(1, m + low * scale), Math.min(1, m), Math.min(1, h), imminent * scale);
    }

    /** The probability that the message is at {@code level} or above. */
    public double atLeast(RiskLevel level) {
        return switch (level) {
            case NONE -> 1;
            case LOW -> atLeastLow;
            case MODERATE -> atLeastModerate;
            case HIGH -> atLeastHigh;
            case IMMINENT -> imminent;
        };
    }

    /** The highest level whose cumulative probability reaches its threshold. */
    public RiskLevel level(RiskThresholds thresholds) {
        return level(thresholds, RiskLevel.IMMINENT);
    }

    /** The highest level up to {@code ceiling} whose cumulative probability reaches its threshold. */
    public RiskLevel level(RiskThresholds thresholds, RiskLevel ceiling) {
        for (RiskLevel level : new RiskLevel[] {RiskLevel.IMMINENT, RiskLevel.HIGH, RiskLevel.MODERATE,
                RiskLevel.LOW}) {
            if (level.compareTo(ceiling) <= 0 && atLeast(level) >= thresholds.of(level)) {
                return level;
            }
        }
        return RiskLevel.NONE;
    }

    /** For {@code signals}: {@code p≥low/moderate/high/imminent}. */
    public String describe() {
        return Decimals.two(atLeastLow) + "/" + Decimals.two(atLeastModerate) + "/" + Decimals.two(atLeastHigh) + "/"
                + Decimals.two(imminent);
    }
}
