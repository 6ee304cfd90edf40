package org.saath.privacy;

/**
 * Numbers as people type them, found in one forward pass. {@link #normalise} reads every Unicode decimal digit
 * (category Nd: Eastern Arabic, Persian, Devanagari, Bengali, Thai, fullwidth, mathematical, …) and fullwidth
 * ASCII punctuation as ASCII; {@link #replacePhones} replaces runs of seven or more digits.
 */
final class NumberRuns {

    /** A phone number has at least this many digits; shorter runs (1098, 988, 2019) are kept. */
    static final int MIN_DIGITS = 7;
    /** At most this many visible separators between two digits of one number ("0300 - 1234567"). */
    private static final int MAX_GAP = 3;

    private NumberRuns() {
    }

    /** Every decimal digit as its ASCII digit, fullwidth ASCII forms as ASCII; everything else unchanged. */
    static String normalise(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            char ascii = ascii(cp);
            if (ascii != 0 && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (ascii != 0) {
                    out.append(ascii);
                } else {
                    out.appendCodePoint(cp);
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    private static char ascii(int cp) {
        if (cp >= '0' && cp <= '9') {
            return 0;
        }
        if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
            return (char) ('0' + Character.digit(cp, 10));
        }
        if (cp >= 0xFF01 && cp <= 0xFF5E) {                 // fullwidth ! … ~, as typed on CJK and some phones
            return (char) (cp - 0xFEE0);
        }
        return 0;
    }

    /**
     * Replaces each run of at least {@link #MIN_DIGITS} ASCII digits, with up to {@link #MAX_GAP} separators
     * between neighbouring digits (brackets and invisible format characters are free), and an optional leading
     * {@code +} and {@code (}, by {@code placeholder}. Each character is looked at a bounded number of times.
     */
    static String replacePhones(String text, String placeholder) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int end = i + 1;
            int digits = 1;
            int next = nextDigitAfterGap(text, end);
            while (next >= 0) {
                digits++;
                end = next + 1;
                next = nextDigitAfterGap(text, end);
            }
            if (digits >= MIN_DIGITS) {
                start = withPrefix(text, start, copied);
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, start).append(placeholder);
                copied = end;
            }
            i = end;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** The index of the digit that continues a number after {@code from}, or -1 when the gap is too wide. */
    private static int nextDigitAfterGap(String text, int from) {
        int visible = 0;
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (isDigit(c)) {
                return j;
            }
            if (c == '(' || c == ')' || Character.getType(c) == Character.FORMAT) {
                continue;
            }
            if (!isSeparator(c) || ++visible > MAX_GAP) {
                return -1;
            }
        }
        return -1;
    }

    private static int withPrefix(String text, int start, int floor) {
        int s = start;
        if (s > floor && text.charAt(s - 1) == '(') {
            s--;
        }
        if (s > floor && text.charAt(s - 1) == '+') {
            s--;
        }
        return s;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || ".-–—‐‑−/".indexOf(c) >= 0;
    }
}
