package org.saath.nlu;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * A trained OpenNLP document categorizer's weights, laid out for reading one message fast, with the same
 * probabilities as {@code DocumentCategorizerME.categorize} to the last bit (checked on every sentence of both
 * corpora by {@code MaxentScorerTest}).
 *
 * <p>Why not the categorizer itself: it prefixes every feature with {@code "bow="} (a new string, hashed again, per
 * feature per message) and looks it up among every feature the trainer ever saw. The risk model's L1 cost leaves
 * about seven in ten of those with no weight at all; they are dropped here, so the table is a third of the size and
 * a miss is cheaper. A message has a few hundred features, so this lookup is most of a message's analysis.
 *
 * <p>Immutable and thread-safe. Only the two kinds of model we train are read: maxent by L-BFGS ({@code MAXENT_QN},
 * the risk model) and by GIS with its uniform prior (the intent model).
 */
public final class MaxentScorer {

    private static final String BAG_OF_WORDS = "bow=";

    private final boolean quasiNewton;
    private final String[] outcomes;
    private final Map<String, Context> weights;

    private MaxentScorer(boolean quasiNewton, String[] outcomes, Map<String, Context> weights) {
        this.quasiNewton = quasiNewton;
        this.outcomes = outcomes;
        this.weights = weights;
    }

    /** Reads {@code model}; one this class cannot read exactly throws {@link IllegalArgumentException}. */
    public static MaxentScorer of(DoccatModel model) {
        FeatureGenerator[] generators = model.getFactory().getFeatureGenerators();
        if (generators.length != 1 || generators[0].getClass() != BagOfWordsFeatureGenerator.class) {
            throw new IllegalArgumentException("only a bag-of-words document categorizer can be read");
        }
        if (!(model.getMaxentModel() instanceof AbstractModel maxent)) {
            throw new IllegalArgumentException("not a maxent model: " + model.getMaxentModel().getClass());
        }
        boolean quasiNewton = switch (maxent.getModelType()) {
            case MaxentQn -> true;
            case Maxent -> false;
            default -> throw new IllegalArgumentException("cannot read a " + maxent.getModelType() + " model");
        };
        Object[] structures = maxent.getDataStructures();
        @SuppressWarnings("unchecked")
        Map<String, Context> byFeature = (Map<String, Context>) structures[1];
        String[] outcomes = ((String[]) structures[2]).clone();
        Map<String, Context> weights = new HashMap<>();
        byFeature.forEach((feature, context) -> {
            if (feature.startsWith(BAG_OF_WORDS) && weighs(context)) {
                weights.put(feature.substring(BAG_OF_WORDS.length()), context);
            }
        });
        return new MaxentScorer(quasiNewton, outcomes, weights);
    }

    private static boolean weighs(Context context) {
        for (double parameter : context.getParameters()) {
            if (parameter != 0) {
                return true;
            }
        }
        return false;
    }

    /** The outcomes' labels, in the order of {@link #probabilities}. */
    public String[] outcomes() {
        return outcomes.clone();
    }

    /** The index of {@code label} among the outcomes, or -1. */
    public int index(String label) {
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i].equals(label)) {
                return i;
            }
        }
        return -1;
    }

    /** Each outcome's probability for a message with these features (a feature given twice counts twice). */
    public double[] probabilities(String[] features) {
        double[] sums = new double[outcomes.length];
        if (!quasiNewton) {
            Arrays.fill(sums, Math.log(1.0 / outcomes.length));     // GIS's uniform prior
        }
        for (String feature : features) {
            Context context = weights.get(feature);
            if (context != null) {
                int[] active = context.getOutcomes();
                double[] parameters = context.getParameters();
                for (int i = 0; i < active.length; i++) {
                    sums[active[i]] += parameters[i];
                }
            }
        }
        return quasiNewton ? normaliseLog(sums) : normaliseGis(sums);
    }

    private static double[] normaliseLog(double[] sums) {
        double total = ArrayMath.logSumOfExps(sums);
        for (int i = 0; i < sums.length; i++) {
            sums[i] = StrictMath.exp(sums[i] - total);
        }
        return sums;
    }

    private static double[] normaliseGis(double[] sums) {
        double total = 0;
        for (int i = 0; i < sums.length; i++) {
            sums[i] = StrictMath.exp(sums[i]);
            total += sums[i];
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= total;
        }
        return sums;
    }
}
