package org.saath.training;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.util.TrainingParameters;
import org.saath.nlu.DistressDetector;
import org.saath.nlu.NormalisedText;
import org.saath.nlu.OpenNlpRiskClassifier;
import org.saath.nlu.TextNormaliser;
import org.saath.nlu.Utterance;

/**
 * Trains the risk model: an OpenNLP document categorizer over the five levels, on feature tokens made by
 * {@link org.saath.nlu.RiskFeatures} from each row's message and context (read through the same normaliser and
 * distress lexicon as in the service). Deterministic for the same rows in the same order.
 */
public final class RiskTrainer {

    private final TextNormaliser normaliser;
    private final DistressDetector distress;

    public RiskTrainer(TextNormaliser normaliser, DistressDetector distress) {
        this.normaliser = normaliser;
        this.distress = distress;
    }

    /** A trained risk model as the bytes of its OpenNLP file, with how it is read. */
    public record TrainedRiskModel(byte[] bytes, RiskTrainerParams params) {

        public OpenNlpRiskClassifier classifier(String version) {
            try {
                return new OpenNlpRiskClassifier(new DoccatModel(new ByteArrayInputStream(bytes)), params.features(),
                        params.thresholds(), version);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public TrainedRiskModel train(List<RiskText> rows, RiskTrainerParams params) {
        List<DocumentSample> samples = rows.stream()
                .map(r -> new DocumentSample(r.risk().code(),
                        params.features().features(read(r.text()), r.context().stream().map(this::read).toList())))
                .toList();
        TrainingParameters training = Maxent.parameters(params.algorithm(), params.iterations(), params.cutoff());
        training.put(QNTrainer.L1COST_PARAM, params.l1Cost());   // other trainers ignore the costs
        training.put(QNTrainer.L2COST_PARAM, params.l2Cost());
        return new TrainedRiskModel(Maxent.train(samples, training, "risk model"), params);
    }

    private Utterance read(String text) {
        NormalisedText normalised = normaliser.normalise(text);
        return new Utterance(normalised, distress.assess(normalised));
    }
}
