package org.saath.nlu;

import java.util.ArrayList;
import java.util.List;

/**
 * How a normalised message becomes the tokens the document categorizer sees: the words, optionally word bigrams
 * ({@code a_b}) and optionally character n-grams inside words ({@code #kh}, with {@code <}/{@code >} marking the
 * word's edges). Character n-grams let spelling variants share evidence (nahi/nai/nhi, ہے/هے).
 *
 * @param wordBigrams whether to add word bigrams
 * @param charMin     shortest character n-gram, 0 for none
 * @param charMax     longest character n-gram
 */
public record FeatureSpec(boolean wordBigrams, int charMin, int charMax) {

    /** The spec the committed model was trained with; see models/intent.card.json for why. */
    public static final FeatureSpec DEFAULT = new FeatureSpec(true, 3, 4);

    public FeatureSpec {
        if (charMin < 0 || charMax < charMin || (charMin == 0) != (charMax == 0)) {
            throw new IllegalArgumentException("bad character n-gram range " + charMin + ".." + charMax);
        }
    }

    /** The feature tokens for {@code text}; an empty message yields one placeholder so it can still be scored. */
    public String[] features(NormalisedText text) {
        return FeatureSink.collect(sink -> write(text, sink), new ArrayList<String>()).toArray(String[]::new);
    }

    /** Writes {@link #features}' tokens to {@code sink}, in the same order, without making their strings. */
    public void write(NormalisedText text, FeatureSink sink) {
        List<String> tokens = text.tokens();
        if (tokens.isEmpty()) {
            sink.feature("<empty>");
            return;
        }
        for (String token : tokens) {
            sink.feature(token);
        }
        if (wordBigrams) {
            for (int i = 0; i + 1 < tokens.size(); i++) {
                sink.begin().append(tokens.get(i)).append('_').append(tokens.get(i + 1)).end();
            }
        }
        if (charMin > 0) {
            for (String token : tokens) {
                writeCharGrams(token, sink);
            }
        }
    }

    /** The n-grams of {@code <token>}, shortest first, each prefixed {@code #}. */
    private void writeCharGrams(String token, FeatureSink sink) {
        int edged = token.length() + 2;                    // '<' + token + '>'
        for (int n = charMin; n <= charMax; n++) {
            for (int i = 0; i + n <= edged; i++) {
                sink.begin().append('#');
                int end = i + n;
                if (i == 0) {
                    sink.append('<');
                }
                sink.append(token, Math.max(i - 1, 0), Math.min(end - 1, token.length()));
                if (end == edged) {
                    sink.append('>');
                }
                sink.end();
            }
        }
    }

    public String describe() {
        return "words" + (wordBigrams ? "+word-bigrams" : "")
                + (charMin > 0 ? "+char-" + charMin + "-" + charMax + "-grams" : "");
    }
}
