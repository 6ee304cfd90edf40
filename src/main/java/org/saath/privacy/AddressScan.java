package org.saath.privacy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * House, street, gali, sector and block numbers ("house no 12, street 5", "gali no 4", "sector G-9", "مکان نمبر
 * 22", and in Arabic street, house, building and flat numbers: "شارع 12 بيت 9", "عمارة 5 شقة 12"). The pattern is
 * tried only where one of its words starts and a number can follow, never at every position, so the cost stays
 * linear whatever the text; repetitions are bounded and quantifiers possessive.
 */
final class AddressScan {

    /** An Arabic street, house, building or flat word, "رقم" (number) if said, and its number. */
    private static final String ARABIC = "(?:شارع|بيت|منزل|عمارة|عماره|بناية|بنايه|مبنى|شقة|شقه)"
            + "\\s*+(?:رقم)?\\s*+\\d++";
    private static final String NUMBER_WORD = "\\s*+(?:no\\.?|number|#|nmbr)?\\s*+";
    private static final Pattern ADDRESS = Pattern.compile("(?iu)(?:house|h|flat|plot|apartment|apt|makan|ghar)"
            + NUMBER_WORD + "\\d++[a-z]?(?:[,\\s]++(?:street|st|gali|road|lane|block|sector)"
            + "\\s*+(?:no\\.?|#)?\\s*+[a-z]?-?\\d++[a-z]?){0,4}"
            + "|(?:street|gali|sector|block)" + NUMBER_WORD + "[a-z]?-?\\d++[a-z]?"
            + "|(?:مکان|گلی|گھر|بلاک|سیکٹر)\\s*+(?:نمبر)?\\s*+\\d++"
            + "|" + ARABIC + "(?:[،,\\s]++" + ARABIC + "){0,4}");
    /** Words after which only a number (or "no", "#") can follow: "house 12", "h no 5". */
    private static final List<String> HOME_WORDS = List.of("house", "h", "flat", "plot", "apartment", "apt", "makan",
            "ghar");
    /** Words after which a letter may come first: "sector G-9". */
    private static final List<String> AREA_WORDS = List.of("street", "gali", "sector", "block");
    /** First letters of the Urdu and Arabic address words. */
    private static final String RIGHT_TO_LEFT_INITIALS = "مگبسشع";

    private AddressScan() {
    }

    static String replace(String text, String placeholder) {
        if (!hasDigit(text)) {
            return text;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean sameLength = lower.length() == text.length();
        Matcher m = ADDRESS.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!mayStart(text, sameLength ? lower : text, i)) {
                continue;
            }
            m.region(i, text.length());
            if (m.lookingAt()) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, i).append(placeholder);
                copied = m.end();
                i = m.end() - 1;
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** Whether an address word starts at {@code i} (at a word boundary, for the Latin ones) with room for a number. */
    private static boolean mayStart(String text, String lower, int i) {
        char c = text.charAt(i);
        if (RIGHT_TO_LEFT_INITIALS.indexOf(c) >= 0) {
            return true;
        }
        if (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_')
                || "hfpamgsb".indexOf(lower.charAt(i)) < 0) {
            return false;
        }
        for (String word : HOME_WORDS) {
            if (lower.startsWith(word, i) && numberFollows(lower, i + word.length())) {
                return true;
            }
        }
        for (String word : AREA_WORDS) {
            if (lower.startsWith(word, i)) {
                return true;
            }
        }
        return false;
    }

    /** After spaces: a digit, or "#", or "n" (no, number, nmbr). */
    private static boolean numberFollows(String lower, int from) {
        int j = from;
        while (j < lower.length() && Character.isWhitespace(lower.charAt(j))) {
            j++;
        }
        return j < lower.length() && (Character.isDigit(lower.charAt(j)) || lower.charAt(j) == '#'
                || lower.charAt(j) == 'n');
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
