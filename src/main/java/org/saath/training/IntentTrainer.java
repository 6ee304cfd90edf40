package org.saath.training;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentSample;
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
        return new TrainedModel(Maxent.train(samples, Maxent.parameters(params.algorithm(), params.iterations(),
                params.cutoff()), "intent model"), params.features());
    }
}
