package org.saath.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * The intent classifier backed by an OpenNLP document categorizer (maximum entropy).
 *
 * <p>Thread-safe without locks: the model is immutable and shared, and every call makes its own
 * {@link DocumentCategorizerME}, which costs a few nanoseconds (research/performance.md §2) and keeps us off
 * OpenNLP's undocumented thread-safety.
 */
public final class OpenNlpIntentClassifier implements IntentClassifier {

    private final DoccatModel model;
    private final FeatureSpec features;
    private final String version;

    public OpenNlpIntentClassifier(DoccatModel model, FeatureSpec features, String version) {
        this.model = model;
        this.features = features;
        this.version = version;
        checkLabels(model);
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

    private static void checkLabels(DoccatModel model) {
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        Set<Intent> missing = EnumSet.allOf(Intent.class);
        for (int i = 0; i < categorizer.getNumberOfCategories(); i++) {
            String label = categorizer.getCategory(i);
            Intent intent = Intent.fromLabel(label).orElseThrow(() -> new ModelUnavailableException(
                    "intent model has an unknown label '" + label + "'", null));
            missing.remove(intent);
        }
        if (!missing.isEmpty()) {
            throw new ModelUnavailableException("intent model lacks the labels " + missing, null);
        }
    }

    @Override
    public Classification classify(NormalisedText text) {
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        double[] probabilities = categorizer.categorize(features.features(text));
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        Intent intent = Intent.fromLabel(categorizer.getCategory(best)).orElseThrow();
        double crisis = probabilities[categorizer.getIndex(Intent.CRISIS.label())];
        return new Classification(intent, clamp(probabilities[best]), clamp(crisis));
    }

    private static double clamp(double p) {
        return Math.min(1.0, Math.max(0.0, p));
    }

    @Override
    public String modelVersion() {
        return version;
    }
}
