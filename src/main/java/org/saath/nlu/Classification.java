package org.saath.nlu;

/**
 * The intent classifier's answer for one message: the best intent, the model's probability for it, and its
 * probability that the message is a crisis (which matters even when crisis is not the best intent).
 */
public record Classification(Intent intent, double confidence, double crisisProbability) {

    public Classification {
        if (confidence < 0 || confidence > 1 || crisisProbability < 0 || crisisProbability > 1) {
            throw new IllegalArgumentException("probabilities must be within [0, 1]: " + confidence + ", "
                    + crisisProbability);
        }
    }
}
