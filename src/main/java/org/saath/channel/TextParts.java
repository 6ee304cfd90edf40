package org.saath.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Splits a message that is too long for one platform message into parts that each fit, at the most natural place
 * that works: between lines (a helpline is one line), then after a sentence, then between words, and only as a last
 * resort inside a word. A part never ends right before a number or inside one, so a phone number such as
 * "0311 7786264" or "+92 311 7786264" always arrives whole.
 */
public final class TextParts {

    private TextParts() {
    }

    /**
     * @param max     the most a part may measure
     * @param measure the size of a text in the platform's units (characters, SMS code units)
     */
    public static List<String> split(String text, int max, ToIntFunction<String> measure) {
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty()) {
            if (measure.applyAsInt(rest) <= max) {
                parts.add(rest);
                break;
            }
            int cut = cut(rest, max, measure);
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        return parts;
    }

    /** Where to end the next part: the last good break that fits, by preference. */
    private static int cut(String text, int max, ToIntFunction<String> measure) {
        int fits = longestFitting(text, max, measure);
        for (BreakKind kind : BreakKind.values()) {
            for (int i = fits; i > 0; i--) {
                if (kind.breaksAt(text, i)) {
                    return i;
                }
            }
        }
        return fits;
    }

    /** The longest prefix that fits, never splitting a surrogate pair (an emoji). */
    private static int longestFitting(String text, int max, ToIntFunction<String> measure) {
        int low = 1;
        int high = text.length();
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (measure.applyAsInt(text.substring(0, mid)) <= max) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (low < text.length() && Character.isLowSurrogate(text.charAt(low)) && low > 1) {
            low--;
        }
        return low;
    }

    private enum BreakKind {
        LINE, SENTENCE, WORD;

        /** Whether a part may end just before {@code text.charAt(i)}. */
        boolean breaksAt(String text, int i) {
            char before = text.charAt(i - 1);
            return switch (this) {
                case LINE -> before == '\n';
                case SENTENCE -> Character.isWhitespace(text.charAt(i)) && ".!?؟۔".indexOf(before) >= 0
                        && !startsNumber(text, i);
                case WORD -> Character.isWhitespace(before) && !Character.isWhitespace(text.charAt(i))
                        && !startsNumber(text, i) && !Character.isDigit(previousNonSpace(text, i));
            };
        }

        private static boolean startsNumber(String text, int i) {
            int j = i;
            while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                j++;
            }
            return j < text.length() && (Character.isDigit(text.charAt(j)) || "+(".indexOf(text.charAt(j)) >= 0);
        }

        private static char previousNonSpace(String text, int i) {
            int j = i - 1;
            while (j > 0 && Character.isWhitespace(text.charAt(j))) {
                j--;
            }
            return text.charAt(j);
        }
    }
}
