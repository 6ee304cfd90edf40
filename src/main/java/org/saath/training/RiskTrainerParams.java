package org.saath.training;

import org.saath.nlu.RiskFeatures;
import org.saath.nlu.RiskThresholds;

/**
 * How the risk model is trained and read: OpenNLP's algorithm, iterations and feature cutoff, the L1 and L2
 * regularisation costs of L-BFGS ({@code MAXENT_QN}; OpenNLP's defaults are 0.1 each), the features, and the
 * thresholds that turn its cumulative probabilities into a level.
 */
public record RiskTrainerParams(String algorithm, int iterations, int cutoff, double l1Cost, double l2Cost,
                                RiskFeatures features, RiskThresholds thresholds) {

    /**
     * How the risk model is trained, chosen by 5-fold cross-validation on the risk corpus (see
     * {@link RiskCard#NOTES}): L-BFGS maximum entropy with OpenNLP's default costs (stronger L2 or no L1 measured no
     * better), words + bigrams + character 3–4-grams, the previous messages' words and the lexicon's categories and
     * cues. Swept again on the 15,034 rows of 3 December (L1 0.02–0.2, L2 0.05, word pairs one word apart,
     * character 3–5-grams, per-script copies of the shared features): at equal false alarms none gained a point, L1
     * 0.2 lost one ({@code docs/risk-figures-history.md}). The thresholds here are only a starting point:
     * {@code train} chooses them on a validation split ({@link RiskThresholdChooser}) and the model's card records the
     * ones it is read with.
     */
    public static final RiskTrainerParams DEFAULT = new RiskTrainerParams("MAXENT_QN", 300, 1, 0.1, 0.1,
            RiskFeatures.DEFAULT, new RiskThresholds(0.5, 0.5, 0.2, 0.3));

    public RiskTrainerParams {
        if (iterations < 1 || cutoff < 0 || l1Cost < 0 || l2Cost < 0) {
            throw new IllegalArgumentException("iterations must be ≥ 1, cutoff and costs ≥ 0");
        }
    }

    public RiskTrainerParams withThresholds(RiskThresholds t) {
        return new RiskTrainerParams(algorithm, iterations, cutoff, l1Cost, l2Cost, features, t);
    }
}
