package org.saath.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's name where they give it: "my name is Sara Khan", "mera naam Sara hai", «میرا نام سارہ ہے», «اسمي سارة».
 * The words after the introduction, up to three, stop at punctuation or at a word that cannot be part of a name
 * ("and", "hai", «ہے», «و»…): "my name is not important" keeps its words. Names said any other way ("my cousin Hina")
 * are not found: nothing installed here finds names reliably in four languages. One forward scan: linear in the text.
 */
final class NameScan {

    /** How a person introduces themselves; each holds a string {@link #mayIntroduce} looks for. */
    static final List<String> INTRODUCTIONS = List.of("my name is", "my name's", "my names", "mera naam", "mera nam",
            "mera name", "meraa naam", "میرا نام", "اسمي", "إسمي");
    private static final Pattern INTRO = Pattern.compile("(?iu)(?<!\\p{L})(?:"
            + INTRODUCTIONS.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")\\s++");
    private static final int MOST_WORDS = 3;
    /** Words that end a name, or show none was given. */
    private static final Set<String> NOT_A_NAME = Set.of("and", "but", "i", "i'm", "im", "not", "is", "so", "from",
            "the", "a", "btw", "lol", "hai", "he", "h", "hy", "hain", "aur", "to", "tha", "thi", "ہے", "ہیں", "اور",
            "تھا", "تھی", "و", "وانا", "وأنا", "انا", "أنا", "عمري", "age", "main", "mai");

    private NameScan() {
    }

    static String replace(String text, String placeholder) {
        if (!mayIntroduce(text)) {
            return text;
        }
        Matcher m = INTRO.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (m.find()) {
            int end = nameEnd(text, m.end());
            if (end == m.end()) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, m.end()).append(placeholder);
            copied = end;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * Whether {@code text} holds "nam" or "naa" (any case), «نام» or «سمي», as every one of {@link #INTRODUCTIONS}
     * does ({@code RedactorTest}): most messages give no name, and one look at each character costs less than the
     * pattern's look behind each of them.
     */
    static boolean mayIntroduce(String text) {
        for (int i = 0; i + 2 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == 'n' || c == 'N')
                    && (text.regionMatches(true, i, "nam", 0, 3) || text.regionMatches(true, i, "naa", 0, 3))
                    || c == 'ن' && text.startsWith("نام", i) || c == 'س' && text.startsWith("سمي", i)) {
                return true;
            }
        }
        return false;
    }

    /** Where the name that starts at {@code at} ends; {@code at} itself when no name follows. */
    private static int nameEnd(String text, int at) {
        int end = at;
        int i = at;
        for (int words = 0; words < MOST_WORDS; words++) {
            int start = i;
            while (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\''
                    || text.charAt(i) == '-' || Character.getType(text.charAt(i)) == Character.NON_SPACING_MARK)) {
                i++;
            }
            String word = text.substring(start, i).toLowerCase(Locale.ROOT);
            if (i == start || NOT_A_NAME.contains(word) || words > 0 && word.charAt(0) == 'و') {
                break;                          // «و…» after a name is "and …": «اسمي سارة وعمري ١٩»
            }
            end = i;
            int space = i;
            while (space < text.length() && text.charAt(space) == ' ') {
                space++;
            }
            if (space == i) {
                break;                          // punctuation or the end: the name is over
            }
            i = space;
        }
        return end;
    }
}
