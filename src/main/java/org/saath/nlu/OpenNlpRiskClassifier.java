package org.saath.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import opennlp.tools.doccat.DoccatModel;

/**
 * The risk model: an OpenNLP document categorizer (maximum entropy) over the five risk levels, trained on the
 * risk-labelled corpus ({@code models/lang/<code>/risk.tsv}). Its probabilities are read as an ordinal scale,
 * P(≥ level), and cut by {@link RiskThresholds}.
 *
 * <p>Thread-safe without locks, like {@link OpenNlpIntentClassifier}: the model's weights are read by an immutable
 * {@link MaxentScorer}, with the categorizer's own probabilities.
 */
public final class OpenNlpRiskClassifier implements RiskClassifier {

    private final MaxentScorer model;
    private final RiskFeatures features;
    private final RiskThresholds thresholds;
    private final String version;
    private final int[] levelIndex = new int[RiskLevel.values().length];

    public OpenNlpRiskClassifier(DoccatModel model, RiskFeatures features, RiskThresholds thresholds,
                                 String version) {
        this.model = MaxentScorer.of(model);
        this.features = features;
        this.thresholds = thresholds;
        this.version = version;
        for (RiskLevel level : RiskLevel.values()) {
            int index = this.model.index(level.code());
            if (index < 0) {
                throw new ModelUnavailableException("risk model lacks the level '" + level.code() + "'", null);
            }
            levelIndex[level.ordinal()] = index;
        }
    }

    /** Loads {@code file}; a missing, corrupt or incomplete model throws {@link ModelUnavailableException}. */
    public static OpenNlpRiskClassifier load(Path file, RiskFeatures features, RiskThresholds thresholds,
                                             String version) {
        if (!Files.isRegularFile(file)) {
            throw new ModelUnavailableException("risk model not found: " + file.toAbsolutePath()
                    + " (run `java -jar target/saath.jar train` from the repository root)", null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new OpenNlpRiskClassifier(new DoccatModel(in), features, thresholds, version);
        } catch (IOException | RuntimeException e) {
            throw new ModelUnavailableException("risk model " + file.toAbsolutePath() + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public RiskEstimate estimate(Utterance message, List<Utterance> context) {
        return estimate(message, new MessageFeatures(message.text()), context);
    }

    @Override
    public RiskEstimate estimate(Utterance message, MessageFeatures text, List<Utterance> context) {
        double[] p = model.probabilities(text.hashes(features.text()),
                sink -> features.writeBeyondText(message, context, sink), MaxentScorer.Repeats.ONCE);
        return RiskEstimate.ofLevels(p[levelIndex[0]], p[levelIndex[1]], p[levelIndex[2]], p[levelIndex[3]],
                p[levelIndex[4]]);
    }

    @Override
    public RiskThresholds thresholds() {
        return thresholds;
    }

    @Override
    public String modelVersion() {
        return version;
    }
}
