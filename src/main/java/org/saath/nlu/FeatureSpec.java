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
        List<String> tokens = text.tokens();
        List<String> out = new ArrayList<>(tokens.size() * 8);
        out.addAll(tokens);
        if (wordBigrams) {
            for (int i = 0; i + 1 < tokens.size(); i++) {
                out.add(tokens.get(i) + "_" + tokens.get(i + 1));
            }
        }
        if (charMin > 0) {
            for (String token : tokens) {
                addCharGrams("<" + token + ">", out);
            }
        }
        if (out.isEmpty()) {
            out.add("<empty>");
        }
        return out.toArray(String[]::new);
    }

    private void addCharGrams(String word, List<String> out) {
        for (int n = charMin; n <= charMax; n++) {
            for (int i = 0; i + n <= word.length(); i++) {
                out.add("#" + word.substring(i, i + n));
            }
        }
    }

    public String describe() {
        return "words" + (wordBigrams ? "+word-bigrams" : "")
                + (charMin > 0 ? "+char-" + charMin + "-" + charMax + "-grams" : "");
    }
}
