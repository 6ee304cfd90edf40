package org.saath.training;

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

/** How both models are trained: an OpenNLP document categoriser over features we computed, one thread, as bytes. */
final class Maxent {

    private Maxent() {
    }

    /** The parameters both trainers share; a trainer may add its own (the risk model's L1/L2 costs). */
    static TrainingParameters parameters(String algorithm, int iterations, int cutoff) {
        TrainingParameters training = TrainingParameters.defaultParams();
        training.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        training.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        training.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        training.put(TrainingParameters.THREADS_PARAM, 1);
        return training;
    }

    /** The trained model, serialised; {@code what} names the model in the error. */
    static byte[] train(List<DocumentSample> samples, TrainingParameters training, String what) {
        try {
            DoccatModel model = DocumentCategorizerME.train("und", ObjectStreamUtils.createObjectStream(samples),
                    training, new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()}));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            model.serialize(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("training the " + what + " failed", e);
        }
    }
}
