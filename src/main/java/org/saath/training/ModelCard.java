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
                        String notes, Map<String, Map<String, Object>> heldOut) implements KeptCard {

    public ModelCard {
        heldOut = heldOut == null ? new TreeMap<>() : new TreeMap<>(heldOut);
    }

    /** Why the committed parameters, from 5-fold cross-validation on the intent sentences (never on shared/eval). */
    public static final String NOTES = "Trained on Saath's own hand-written corpus only; never on ../shared/eval. "
            + "Held-out figures are added by `saath evaluate --data FILE --record`. Features and algorithm were chosen "
            + "by 5-fold cross-validation of the whole analyser on models/training (accuracy, crisis recall at "
            + "moderate+): words only (MAXENT, 100 it.) 0.759/0.783; words+bigrams 0.754/0.682; "
            + "words+bigrams+char 3-4-grams (MAXENT, 300 it.) 0.812/0.876 on the 6.6k-row corpus and 0.819/0.897 "
            + "on the 8.2k-row one; char 3-3 only 0.801/0.883; char 2-4 no better and slower; cutoff 2 0.810/0.884; "
            + "MAXENT_QN 0.780/0.817; NAIVEBAYES 0.812 accuracy but 3.2% false high-risk alarms; PERCEPTRON did "
            + "not converge (0.148). Character n-grams let spelling variants share evidence (nahi/nai/nhi, "
            + "ہے/هے). min-confidence 0.2 was chosen on the same folds. Since the risk model landed, risk comes "
            + "from it (models/risk.card.json), not from this model's crisis probability.";

    /** This card with the gates it passed or was forced past. */
    public ModelCard withGates(List<String> lines, boolean wasForced) {
        return new ModelCard(version, createdAt, dataSha256, rows, duplicatesDropped, rowsPerIntent, rowsPerLanguage,
                parameters, crossValidation, lines, wasForced, notes, heldOut);
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
