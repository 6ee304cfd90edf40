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
import org.saath.nlu.RiskFeatures;
import org.saath.nlu.RiskThresholds;

/**
 * What a trained risk model is and how good it was: written beside it as {@code risk.card.json}. The service reads
 * the features, thresholds and version from it, so a model is never read with the wrong features. {@code lexiconSha256}
 * names the lexicon the model was trained with (its features include the lexicon's categories); {@code heldOut}
 * keeps the headline figures of evaluations on files it was never trained on, and {@code challengeEvaluations} how
 * many times the challenge set was run through it.
 */
public record RiskCard(String version, String createdAt, String dataSha256, String lexiconSha256, int rows,
                       int duplicatesDropped, Map<String, Integer> rowsPerLevel, Map<String, Integer> rowsPerLanguage,
                       Parameters parameters, CrossValidation crossValidation, List<String> gates, boolean forced,
                       String notes, Map<String, Map<String, Object>> heldOut, int challengeEvaluations)
        implements KeptCard {

    public RiskCard {
        heldOut = heldOut == null ? new TreeMap<>() : new TreeMap<>(heldOut);
    }

    /** Why the committed parameters: 5-fold cross-validation on the risk corpus (never on shared/eval). */
    public static final String NOTES = "Trained on Saath's own risk-labelled corpus (models/lang/*/risk.tsv) and the "
            + "everyday intent sentences as risk none; never on ../shared/eval or the challenge set. Chosen by 5-fold "
            + "CV of the whole analyser on the risk rows (high+ recall / false high+ on none+low rows, at P(>=high) "
            + ">= 0.3): GIS maxent 300 it. without everyday rows 0.931/0.247 but 17% of plain none rows high; with "
            + "them 0.861/0.119; MAXENT_QN (L-BFGS) 0.843/0.114 and better imminent recall (0.745 vs 0.707); GIS 100 "
            + "it. underfits (long posts make GIS's correction constant huge); cutoff 2 no better; each feature "
            + "counted once per message; without context words 0.805/0.110 (context kept); without the lexicon's "
            + "categories 0.849/0.124 (kept); adding the intent classifier's crisis as a rule +0.006 recall for "
            + "+0.006 false alarms (dropped). Thresholds: chosen by train on every fold's validation predictions "
            + "against the written false-alarm ceilings (parameters.thresholds; crossValidation reads each fold with "
            + "thresholds chosen on the others). A model-only high+ must be seconded by the lexicon, the context or "
            + "the intent classifier's crisis p >= intentSeconds (not on a topic mention nor a means named alone), "
            + "unless P(>=high) >= sureAlone, else it is read with its levels up to moderate; both bars are chosen "
            + "with the thresholds under the same ceilings (before 2026-12-03 they were fixed at 0.2 and 0.6: "
            + "on the 5,876 rows of 2026-12-02 the gate took high+ recall 0.767 -> 0.771, imminent 0.705 -> "
            + "0.710, everyday chat read high+ 1.45% -> 0.9%). "
            + "The lexicon was extended while reading CV errors, so CV figures of "
            + "the whole analyser are optimistic; the challenge set is the honest measure.";

    /** This card with the gates it passed or was forced past. */
    public RiskCard withGates(List<String> lines, boolean wasForced) {
        return new RiskCard(version, createdAt, dataSha256, lexiconSha256, rows, duplicatesDropped, rowsPerLevel,
                rowsPerLanguage, parameters, crossValidation, lines, wasForced, notes, heldOut, challengeEvaluations);
    }

    /** This card with the summary of an evaluation on a held-out file added (or replaced). */
    public RiskCard withHeldOut(String file, Map<String, Object> summary, boolean challenge) {
        Map<String, Map<String, Object>> all = new TreeMap<>(heldOut);
        all.put(file, summary);
        return new RiskCard(version, createdAt, dataSha256, lexiconSha256, rows, duplicatesDropped, rowsPerLevel,
                rowsPerLanguage, parameters, crossValidation, gates, forced, notes, all,
                challengeEvaluations + (challenge ? 1 : 0));
    }

    /** Training parameters as recorded in the card. */
    public record Parameters(String algorithm, int iterations, int cutoff, double l1Cost, double l2Cost,
                             boolean wordBigrams, int charMin, int charMax, boolean contextWords,
                             boolean contextWordsShort, boolean lexiconCategories, String features,
                             RiskThresholds thresholds) {

        public static Parameters of(RiskTrainerParams p) {
            RiskFeatures f = p.features();
            return new Parameters(p.algorithm(), p.iterations(), p.cutoff(), p.l1Cost(), p.l2Cost(),
                    f.text().wordBigrams(), f.text().charMin(), f.text().charMax(), f.contextWords(),
                    f.contextWordsShort(), f.lexiconCategories(), f.describe(), p.thresholds());
        }

        /** The training parameters this card records. */
        public RiskTrainerParams trainerParams() {
            return new RiskTrainerParams(algorithm, iterations, cutoff, l1Cost, l2Cost, riskFeatures(), thresholds);
        }

        public RiskFeatures riskFeatures() {
            return new RiskFeatures(new FeatureSpec(wordBigrams, charMin, charMax), contextWords, lexiconCategories,
                    contextWordsShort);
        }
    }

    /**
     * Cross-validation: folds and seed; {@code scores}, every fold read with thresholds chosen on the other folds'
     * predictions ({@code perFoldThresholds}); {@code thresholdChoice}, how the kept thresholds were chosen on all
     * folds' predictions together.
     */
    public record CrossValidation(int folds, long seed, RiskScores scores, List<RiskThresholds> perFoldThresholds,
                                  List<String> thresholdChoice) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), this);
    }

    /** Reads a card; a missing or unreadable card is a {@link ModelUnavailableException} naming the file. */
    public static RiskCard read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelUnavailableException("risk model card not found: " + file.toAbsolutePath(), null);
        }
        try {
            return JSON.readValue(file.toFile(), RiskCard.class);
        } catch (IOException e) {
            throw new ModelUnavailableException("risk model card " + file.toAbsolutePath() + " cannot be read: "
                    + e.getMessage(), e);
        }
    }
}
