package org.saath.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.saath.nlu.FeatureSpec;
import org.saath.nlu.ModelUnavailableException;

/**
 * What a trained intent model is and how good it was: written beside the model as {@code intent.card.json}.
 * The service reads the feature spec and version from it, so a model is never used with the wrong features.
 */
public record ModelCard(String version, String createdAt, String dataSha256, int rows, int duplicatesDropped,
                        Map<String, Integer> rowsPerIntent, Map<String, Integer> rowsPerLanguage,
                        Parameters parameters, CrossValidation crossValidation, List<String> gates, boolean forced,
                        String notes, Map<String, Map<String, Object>> heldOut) {

    public ModelCard {
        heldOut = heldOut == null ? new TreeMap<>() : new TreeMap<>(heldOut);
    }

    /** This card with the summary of an evaluation on a held-out file added (or replaced). */
    public ModelCard withHeldOut(String file, Map<String, Object> summary) {
        Map<String, Map<String, Object>> all = new TreeMap<>(heldOut);
        all.put(file, summary);
        return new ModelCard(version, createdAt, dataSha256, rows, duplicatesDropped, rowsPerIntent, rowsPerLanguage,
                parameters, crossValidation, gates, forced, notes, all);
    }

    /** Training parameters as recorded in the card. */
    public record Parameters(String algorithm, int iterations, int cutoff, boolean wordBigrams, int charMin,
                             int charMax, String features, double minConfidence) {

        public static Parameters of(TrainerParams p, double minConfidence) {
            FeatureSpec f = p.features();
            return new Parameters(p.algorithm(), p.iterations(), p.cutoff(), f.wordBigrams(), f.charMin(),
                    f.charMax(), f.describe(), minConfidence);
        }

        public FeatureSpec featureSpec() {
            return new FeatureSpec(wordBigrams, charMin, charMax);
        }
    }

    /** Cross-validation figures: folds, seed and the report. */
    public record CrossValidation(int folds, long seed, IntentReport report) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), this);
    }

    /** Reads a card; a missing or unreadable card is a {@link ModelUnavailableException} naming the file. */
    public static ModelCard read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelUnavailableException("model card not found: " + file.toAbsolutePath(), null);
        }
        try {
            return JSON.readValue(file.toFile(), ModelCard.class);
        } catch (IOException e) {
            throw new ModelUnavailableException("model card " + file.toAbsolutePath() + " cannot be read: "
                    + e.getMessage(), e);
        }
    }
}
