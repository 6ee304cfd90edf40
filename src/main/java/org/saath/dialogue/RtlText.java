package org.saath.dialogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * A run of left-to-right text: starts with a Latin letter, a digit or "+", may hold spaces and the punctuation
     * found in names, numbers and addresses, and ends with a letter, a digit or a closing bracket.
     */
    private static final Pattern LTR_RUN = Pattern.compile(
            "[A-Za-z0-9+](?:[A-Za-z0-9 .,:/@&'+_()\\-]*[A-Za-z0-9)])?");

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

    private static String isolate(String line) {
        Matcher m = LTR_RUN.matcher(line);
        StringBuilder out = new StringBuilder(line.length() + 8);
        int last = 0;
        while (last < line.length() && m.find(last)) {
            int end = balancedEnd(line, m.start(), m.end());
            out.append(line, last, m.start()).append(LRI).append(line, m.start(), end).append(PDI);
            last = end;
        }
        return out.append(line.substring(last)).toString();
    }

    /**
     * Where a run should end so that its brackets are its own: before a ")" it did not open, or before a "(" it does
     * not close ("0311-7786264 (24" stops before the bracket, whose text is Urdu), then back to its last letter,
     * digit or closing bracket.
     */
    private static int balancedEnd(String line, int start, int end) {
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
