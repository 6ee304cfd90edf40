package org.saath.nlu;

/** The intent classifier's answer for one message: the best intent and the model's probability for it. */
public record Classification(Intent intent, double confidence) {

    public Classification {
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
        }
    }
}
