package org.saath.nlu;

/**
 * One message's text features ({@link FeatureSpec}: words, bigrams, character n-grams), spelled and hashed once for
 * every model that reads them: the intent and the risk model both start from the same features of the same message,
 * and writing and hashing them took about 1.4 µs of the 20 an analysis with context took. The hashes are those of
 * {@link MaxentScorer}; the first spec asked for is kept, another one is written afresh.
 *
 * <p>One message on one thread at a time, as {@link FeatureSink}.
 */
public final class MessageFeatures {

    private final NormalisedText text;
    private FeatureSpec spec;
    private long[] hashes;

    public MessageFeatures(NormalisedText text) {
        this.text = text;
    }

    public NormalisedText text() {
        return text;
    }

    /** The hashes of {@code spec}'s features of the message, in the order {@link FeatureSpec#write} writes them. */
    long[] hashes(FeatureSpec spec) {
        if (spec.equals(this.spec)) {
            return hashes;
        }
        long[] written = MaxentScorer.hashes(sink -> spec.write(text, sink));
        if (this.spec == null) {
            this.spec = spec;
            this.hashes = written;
        }
        return written;
    }
}
