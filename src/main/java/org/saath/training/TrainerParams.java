package org.saath.training;

import org.saath.nlu.FeatureSpec;

/**
 * How the intent model is trained: OpenNLP's algorithm name ({@code MAXENT}, {@code NAIVEBAYES},
 * {@code PERCEPTRON}), iterations, feature cutoff, and the feature spec.
 */
public record TrainerParams(String algorithm, int iterations, int cutoff, FeatureSpec features) {

    /** The parameters the committed model uses; the model card records why. */
    public static final TrainerParams DEFAULT = new TrainerParams("MAXENT", 300, 1, FeatureSpec.DEFAULT);

    public TrainerParams {
        if (iterations < 1 || cutoff < 0) {
            throw new IllegalArgumentException("iterations must be ≥ 1 and cutoff ≥ 0");
        }
    }
}
