package org.saath.privacy;

/**
 * Numbers as people type them, found in one forward pass. {@link #normalise} reads every Unicode decimal digit
 * (category Nd: Eastern Arabic, Persian, Devanagari, Bengali, Thai, fullwidth, mathematical, …) and fullwidth ASCII
 * forms as ASCII. {@link #replace} then finds each run of digits with the separators people type between them and
 * replaces it by its type: a CNIC ({@code 35202-1234567-1}: 5, 7 and 1 digits, joined by at most one dash or
 * space each), a card (16 digits, at most one space or dash between two), or a phone number (any other run of
 * seven or more digits). Shorter runs (1098, 988, "20 pills") are kept.
 */
final class NumberRuns {

    /** A phone number has at least this many digits. */
    static final int MIN_DIGITS = 7;
    /** At most this many visible separators between two digits of one number ("0300 - 1234567"). */
    private static final int MAX_GAP = 3;

    private NumberRuns() {
    }

    /** Every decimal digit as its ASCII digit, fullwidth ASCII forms as ASCII; everything else unchanged. */
    static String normalise(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            int cp = c < 0x80 ? c : text.codePointAt(i);
            char ascii = c < 0x80 ? 0 : ascii(cp);
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
            i += Character.charCount(cp);
        }
        return out == null ? text : out.toString();
    }

    private static char ascii(int cp) {
        if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
            return (char) ('0' + Character.digit(cp, 10));
        }
        if (cp >= 0xFF01 && cp <= 0xFF5E) {                 // fullwidth ! … ~, as typed on CJK and some phones
            return (char) (cp - 0xFEE0);
        }
        return 0;
    }

    /** The text with every CNIC, card and phone number replaced by {@code [CNIC]}, {@code [CARD]}, {@code [PHONE]}. */
    static String replace(String text) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            Run run = Run.from(text, i);
            String type = run.type();
            if (type != null) {
                int start = type.equals("[PHONE]") ? withPrefix(text, i, copied) : i;
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, start).append(type);
                copied = run.end();
            }
            i = run.end();
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * One run of digits: how many, where it ends, and whether it has the shape of a CNIC or a card (every gap
     * one dash or space, in the right places).
     */
    private record Run(int digits, int end, boolean cnicShape, boolean cardShape) {

        static Run from(String text, int start) {
            int digits = 1;
            int end = start + 1;
            boolean cnic = true;
            boolean card = true;
            for (int next = nextDigitAfterGap(text, end); next >= 0; next = nextDigitAfterGap(text, end)) {
                if (next > end) {
                    char gap = text.charAt(end);
                    boolean single = next == end + 1;
                    cnic &= single && (digits == 5 || digits == 12)
                            && (Character.isWhitespace(gap) || "-‐–".indexOf(gap) >= 0);
                    card &= single && (gap == ' ' || gap == '-');
                }
                digits++;
                end = next + 1;
            }
            return new Run(digits, end, cnic, card);
        }

        String type() {
            if (digits == 13 && cnicShape) {
                return "[CNIC]";
            }
            if (digits == 16 && cardShape) {
                return "[CARD]";
            }
            return digits >= MIN_DIGITS ? "[PHONE]" : null;
        }
    }

    /**
     * The index of the digit that continues a number after {@code from}, or -1: up to {@link #MAX_GAP} separators
     * may come between (brackets and invisible format characters are free).
     */
    private static int nextDigitAfterGap(String text, int from) {
        int visible = 0;
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (isDigit(c)) {
                return j;
            }
            if (c == '(' || c == ')' || c >= 0x80 && Character.getType(c) == Character.FORMAT) {
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
