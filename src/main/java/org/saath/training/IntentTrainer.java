package org.saath.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.saath.nlu.FeatureSpec;
import org.saath.nlu.OpenNlpIntentClassifier;
import org.saath.nlu.TextNormaliser;

/**
 * Trains the OpenNLP document categorizer on normalised text. Our {@link FeatureSpec} turns each message into
 * feature tokens (words, bigrams, character n-grams), and OpenNLP's bag-of-words generator sees only those, so
 * the model file needs no custom OpenNLP classes. Deterministic for the same rows in the same order.
 */
public final class IntentTrainer {

    private final TextNormaliser normaliser;

    public IntentTrainer(TextNormaliser normaliser) {
        this.normaliser = normaliser;
    }

    /** A trained model as the bytes of its OpenNLP file. */
    public record TrainedModel(byte[] bytes, FeatureSpec features) {

        public OpenNlpIntentClassifier classifier(String version) {
            try {
                return new OpenNlpIntentClassifier(new DoccatModel(new ByteArrayInputStream(bytes)), features,
                        version);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public TrainedModel train(List<LabelledText> rows, TrainerParams params) {
        List<DocumentSample> samples = rows.stream()
                .map(r -> new DocumentSample(r.intent().label(),
                        params.features().features(normaliser.normalise(r.text()))))
                .toList();
        TrainingParameters training = TrainingParameters.defaultParams();
        training.put(TrainingParameters.ALGORITHM_PARAM, params.algorithm());
        training.put(TrainingParameters.ITERATIONS_PARAM, params.iterations());
        training.put(TrainingParameters.CUTOFF_PARAM, params.cutoff());
        training.put(TrainingParameters.THREADS_PARAM, 1);
        try {
            DoccatModel model = DocumentCategorizerME.train("und", ObjectStreamUtils.createObjectStream(samples),
                    training, new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()}));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            model.serialize(out);
            return new TrainedModel(out.toByteArray(), params.features());
        } catch (IOException e) {
            throw new UncheckedIOException("training the intent model failed", e);
        }
    }
}
