package org.saath.dialogue;

import org.saath.nlu.Language;

/**
 * Makes a right-to-left reply display in order on phones: each line starts with a right-to-left mark, so a line that
 * begins with a number or a Latin name ("- Umang: …") is still laid out from the right; and every run of Latin
 * letters and digits (a phone number, "24/7", a helpline's English name, a web address) is wrapped in a
 * left-to-right isolate (LRI … PDI), so its characters keep their order and the Urdu or Arabic around it is not
 * pulled into it. Left-to-right languages are returned unchanged: the marks are not GSM-7 and would make an SMS cost
 * twice as much.
 */
public final class RtlText {

    /** U+200F RIGHT-TO-LEFT MARK. */
    public static final char RLM = '\u200F';
    /** U+2066 LEFT-TO-RIGHT ISOLATE. */
    public static final char LRI = '\u2066';
    /** U+2069 POP DIRECTIONAL ISOLATE. */
    public static final char PDI = '\u2069';

    /** Characters a left-to-right run may hold past its first: those of names, numbers and addresses. */
    private static final String RUN_PUNCTUATION = " .,:/@&'+_()-";

    private RtlText() {
    }

    /** Whether replies in {@code language} are written right to left. */
    public static boolean rightToLeft(Language language) {
        return language == Language.UR || language == Language.AR;
    }

    /** {@code text} as it should be sent in {@code language}: marked up for display when right to left. */
    public static String display(String text, Language language) {
        if (!rightToLeft(language) || text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            if (!lines[i].isEmpty()) {
                out.append(RLM);
            }
            out.append(isolate(lines[i]));
        }
        return out.toString();
    }

    /**
     * Wraps each run of left-to-right text in an isolate. A run starts with a Latin letter, a digit or "+", may hold
     * spaces and the punctuation found in names, numbers and addresses, and ends with its last letter, digit or
     * closing bracket (a scan rather than a regular expression: every right-to-left reply passes here).
     */
    private static String isolate(String line) {
        StringBuilder out = null;
        int last = 0;
        int start = nextRunStart(line, 0);
        while (start >= 0) {
            int end = start + 1;
            for (int i = start + 1; i < line.length() && inRun(line.charAt(i)); i++) {
                if (endsRun(line.charAt(i))) {
                    end = i + 1;
                }
            }
            end = balancedEnd(line, start, end);
            if (out == null) {
                out = new StringBuilder(line.length() + 8);
            }
            out.append(line, last, start).append(LRI).append(line, start, end).append(PDI);
            last = end;
            start = nextRunStart(line, last);
        }
        return out == null ? line : out.append(line, last, line.length()).toString();
    }

    private static int nextRunStart(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (latinOrDigit(c) || c == '+') {
                return i;
            }
        }
        return -1;
    }

    private static boolean latinOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean inRun(char c) {
        return latinOrDigit(c) || RUN_PUNCTUATION.indexOf(c) >= 0;
    }

    private static boolean endsRun(char c) {
        return latinOrDigit(c) || c == ')';
    }

    /**
     * Where a run should end so that its brackets are its own: before a ")" it did not open, or before a "(" it does
     * not close ("0311-7786264 (24" stops before the bracket, whose text is Urdu), then back to its last letter,
     * digit or closing bracket.
     */
    static int balancedEnd(String line, int start, int end) {
        int depth = 0;
        int open = -1;
        int cut = end;
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if (c == '(') {
                if (depth == 0) {
                    open = i;
                }
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    cut = i;
                    break;
                }
                depth--;
            }
        }
        if (cut == end && depth > 0) {
            cut = open;
        }
        while (cut > start + 1 && !Character.isLetterOrDigit(line.charAt(cut - 1)) && line.charAt(cut - 1) != ')') {
            cut--;
        }
        return cut;
    }

    /** {@code text} without the marks {@link #display} adds: what a person reads, for comparing texts. */
    public static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != RLM && c != LRI && c != PDI) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
