package org.saath.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import opennlp.tools.doccat.DoccatModel;

/**
 * The intent classifier backed by an OpenNLP document categorizer (maximum entropy).
 *
 * <p>Thread-safe without locks: the model's weights are read by an immutable {@link MaxentScorer}, with the
 * categorizer's own probabilities, which keeps us off OpenNLP's undocumented thread-safety too.
 */
public final class OpenNlpIntentClassifier implements IntentClassifier {

    private final MaxentScorer model;
    private final FeatureSpec features;
    private final String version;
    private final Intent[] intents;
    private final int crisis;

    public OpenNlpIntentClassifier(DoccatModel model, FeatureSpec features, String version) {
        this.model = MaxentScorer.of(model);
        this.features = features;
        this.version = version;
        this.intents = intents(this.model);
        this.crisis = this.model.index(Intent.CRISIS.label());
    }

    /** Loads {@code file}; a missing, corrupt or incomplete model throws {@link ModelUnavailableException}. */
    public static OpenNlpIntentClassifier load(Path file, FeatureSpec features, String version) {
        if (!Files.isRegularFile(file)) {
            throw new ModelUnavailableException("intent model not found: " + file.toAbsolutePath()
                    + " (run `java -jar target/saath.jar train` from the repository root)", null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new OpenNlpIntentClassifier(new DoccatModel(in), features, version);
        } catch (IOException | RuntimeException e) {
            throw new ModelUnavailableException("intent model " + file.toAbsolutePath() + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** The model's outcomes as intents, in its order; an unknown or a missing label throws. */
    private static Intent[] intents(MaxentScorer model) {
        String[] labels = model.outcomes();
        Intent[] intents = new Intent[labels.length];
        Set<Intent> missing = EnumSet.allOf(Intent.class);
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            intents[i] = Intent.fromLabel(label).orElseThrow(() -> new ModelUnavailableException(
                    "intent model has an unknown label '" + label + "'", null));
            missing.remove(intents[i]);
        }
        if (!missing.isEmpty()) {
            throw new ModelUnavailableException("intent model lacks the labels " + missing, null);
        }
        return intents;
    }

    @Override
    public Classification classify(NormalisedText text) {
        return classify(new MessageFeatures(text));
    }

    @Override
    public Classification classify(MessageFeatures message) {
        double[] probabilities = model.probabilities(message.hashes(features), sink -> { },
                MaxentScorer.Repeats.EACH_TIME);
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return new Classification(intents[best], clamp(probabilities[best]), clamp(probabilities[crisis]));
    }

    private static double clamp(double p) {
        return Math.min(1.0, Math.max(0.0, p));
    }

    @Override
    public String modelVersion() {
        return version;
    }
}
