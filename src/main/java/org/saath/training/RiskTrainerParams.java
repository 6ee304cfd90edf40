package org.saath.training;

import org.saath.nlu.RiskFeatures;
import org.saath.nlu.RiskThresholds;

/**
 * How the risk model is trained and read: OpenNLP's algorithm, iterations and feature cutoff, the features, and the
 * thresholds that turn its cumulative probabilities into a level.
 */
public record RiskTrainerParams(String algorithm, int iterations, int cutoff, RiskFeatures features,
                                RiskThresholds thresholds) {

    /**
     * The parameters the committed risk model uses, chosen by 5-fold cross-validation on the risk corpus (see
     * {@link RiskCard#NOTES}): L-BFGS maximum entropy, words + bigrams + character 3–4-grams, the previous messages'
     * words and the lexicon's categories and cues; {@code high} from P(≥ high) ≥ 0.2, {@code imminent} from
     * P(imminent) ≥ 0.3.
     */
    public static final RiskTrainerParams DEFAULT = new RiskTrainerParams("MAXENT_QN", 300, 1,
            RiskFeatures.DEFAULT, new RiskThresholds(0.5, 0.5, 0.2, 0.3));

    public RiskTrainerParams {
        if (iterations < 1 || cutoff < 0) {
            throw new IllegalArgumentException("iterations must be ≥ 1 and cutoff ≥ 0");
        }
    }

    public RiskTrainerParams withThresholds(RiskThresholds t) {
        return new RiskTrainerParams(algorithm, iterations, cutoff, features, t);
    }

    public RiskTrainerParams withFeatures(RiskFeatures f) {
        return new RiskTrainerParams(algorithm, iterations, cutoff, f, thresholds);
    }
}
