package org.saath.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one normalisation that the intent classifier and the distress lexicon share, so that a phrase written in
 * the lexicon matches however a person types it.
 *
 * <p>In order: Unicode NFKC; lower case; Arabic/Urdu letter variants folded (ي/ی/ى/ے → ي, ك/ک → ك, ه/ہ/ة/ۃ/ھ → ه,
 * أ/إ/آ → ا), diacritics, tatweel and zero-width marks removed, Eastern digits made ASCII; leetspeak inside words
 * undone ({@code k1ll mys3lf} → {@code kill myself}); apostrophes inside a word dropped ({@code don't} →
 * {@code dont}); then tokens are cut at anything that is not a letter or digit (the spans between quotation marks
 * noted), each emoji becomes a token of its own, runs of three or more equal characters collapse to one
 * ({@code diiiie} → {@code die}; to two in {@link NormalisedText#pairedTokens}, {@code killll} → {@code kill}), and
 * three or more single Latin letters in a row are joined ({@code s u i c i d e} → {@code suicide}).
 *
 * <p>Stateless and thread-safe.
 */
public final class TextNormaliser {

    private static final String CLAUSE_PUNCTUATION = ".,!?;:\n\u060C\u061F\u061B\u06D4";

    /**
     * An Arabic word that may have "and" (و) or "so" (ف) joined to its front ("وبدي", "فبلعت"), without that letter;
     * empty for a word of fewer than three letters or one that starts otherwise. Whether it was a conjunction is for
     * the reader to decide (وحيد "lonely" starts with the same letter): the lexicon and the places read both.
     */
    public static Optional<String> withoutJoinedAnd(String token) {
        return token.length() >= 3 && (token.charAt(0) == 'و' || token.charAt(0) == 'ف')
                ? Optional.of(token.substring(1)) : Optional.empty();
    }

    /** Normalises {@code raw}; never returns null, and an empty or symbol-only message gives no tokens. */
    public NormalisedText normalise(String raw) {
        String composed = isAscii(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKC);
        String text = composed.toLowerCase(Locale.ROOT);
        text = foldLetters(text);
        Set<Integer> clauseStarts = new HashSet<>();
        List<NormalisedText.Quotation> quotations = new ArrayList<>(0);
        Tokens cut = tokenise(text, clauseStarts, quotations);
        if (cut.paired == null) {
            List<String> tokens = joinSpacedLetters(cut.tokens, clauseStarts, quotations);
            return new NormalisedText(String.join(" ", tokens), tokens, clauseStarts, null, quotations);
        }
        List<String> paired = joinSpacedLetters(cut.paired, new HashSet<>(clauseStarts), new ArrayList<>(0));
        List<String> tokens = joinSpacedLetters(cut.tokens, clauseStarts, quotations);
        // "a b cccc": three single letters joined in one list, not in the other; the drawn-out reading is dropped
        return new NormalisedText(String.join(" ", tokens), tokens, clauseStarts,
                paired.size() == tokens.size() ? paired : null, quotations);
    }

    /** The tokens of a message, and the same with drawn-out letters kept twice (null when none was drawn out). */
    private static final class Tokens {
        final List<String> tokens = new ArrayList<>();
        List<String> paired;

        void add(StringBuilder word) {
            if (!hasRunOfThree(word)) {
                String token = word.toString();
                tokens.add(token);
                if (paired != null) {
                    paired.add(token);
                }
                return;
            }
            if (paired == null) {
                paired = new ArrayList<>(tokens);
            }
            tokens.add(collapseElongation(word, 1));
            paired.add(collapseElongation(word, 2));
        }

        void addEmoji(String emoji) {
            tokens.add(emoji);
            if (paired != null) {
                paired.add(emoji);
            }
        }

        boolean isEmpty() {
            return tokens.isEmpty();
        }

        int size() {
            return tokens.size();
        }
    }

    /** NFKC leaves ASCII as it is: most messages skip the normaliser's own checks. */
    private static boolean isAscii(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Folds letter variants and undoes leetspeak; output has the same shape as the input minus removed marks. */
    static String foldLetters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || c == ' ') {         // most of most messages: nothing to fold
                out.append(c);
                continue;
            }
            if (isRemovedMark(c)) {
                continue;
            }
            char folded = foldArabicScript(c);
            if (folded != c) {
                out.append(folded);
                continue;
            }
            if (c >= '\u0660' && c <= '\u0669') {
                out.append((char) ('0' + (c - '\u0660')));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                out.append((char) ('0' + (c - '\u06F0')));
            } else if (isLeetBetweenLetters(text, i)) {
                out.append(leet(c));
            } else if (c != '\'' && c != '\u2019' || !betweenLetters(text, i)) {
                out.append(c);                        // an apostrophe at a word's edge may be a quotation mark
            }
        }
        return out.toString();
    }

    private static boolean betweenLetters(String text, int i) {
        return i > 0 && i + 1 < text.length() && isWordChar(text.codePointBefore(i))
                && isWordChar(text.codePointAt(i + 1));
    }

    private static boolean isRemovedMark(char c) {
        return c == '\u0640' // tatweel
                || (c >= '\u064B' && c <= '\u065F') // harakat
                || c == '\u0670' || (c >= '\u06D6' && c <= '\u06ED') // Quranic marks
                || c == '\u0621' // lone hamza
                || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u200E' || c == '\u200F'
                || c == '\uFEFF' || c == '\uFE0F' || c == '\uFE0E';
    }

    private static char foldArabicScript(char c) {
        return switch (c) {
            case '\u06CC', '\u0649', '\u06D2', '\u06D3', '\u0626' -> '\u064A'; // ی ى ے ۓ ئ → ي
            case '\u06A9' -> '\u0643'; // ک → ك
            case '\u06C1', '\u0629', '\u06C3', '\u06BE', '\u06C0', '\u06D5' -> '\u0647'; // ہ ة ۃ ھ ۀ ە → ه
            case '\u0623', '\u0625', '\u0622', '\u0671', '\u0672', '\u0673' -> '\u0627'; // أ إ آ ٱ → ا
            case '\u0624' -> '\u0648'; // ؤ → و
            case '\u06A8' -> '\u0642'; // ڨ → ق: the Maghrebi "g" ("ڨاع", all of it), written ق as often
            case '\u06A4' -> '\u0641'; // ڤ → ف: the Maghrebi and Gulf "v"
            default -> c;
        };
    }

    private static boolean isLeetBetweenLetters(String text, int i) {
        char c = text.charAt(i);
        if ("013457@$".indexOf(c) < 0 || i == 0 || i == text.length() - 1) {
            return false;
        }
        return isLatinLetter(text.charAt(i - 1)) && isLatinLetter(text.charAt(i + 1));
    }

    private static char leet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> c;
        };
    }

    private static boolean isLatinLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    /**
     * Cuts tokens at non-letter/digit characters; each emoji is a token; elongations collapse. Records in
     * {@code clauseStarts} the index of every token that follows sentence punctuation, and in {@code quotations} the
     * tokens between quotation marks (one never closed runs to the end).
     */
    private static Tokens tokenise(String text, Set<Integer> clauseStarts, List<NormalisedText.Quotation> quotations) {
        Tokens tokens = new Tokens();
        StringBuilder word = new StringBuilder();
        int quoteOpen = -1;
        int quoteKind = 0;
        int i = 0;
        while (i < text.length()) {
            int at = i;
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isWordChar(cp)) {
                word.appendCodePoint(cp);
                continue;
            }
            flush(word, tokens);
            if (CLAUSE_PUNCTUATION.indexOf(cp) >= 0 && !tokens.isEmpty()) {
                clauseStarts.add(tokens.size());
            }
            int kind = quoteKind(cp);
            if (kind != 0) {
                if (quoteOpen < 0 && opensQuote(text, at, i, kind)) {
                    quoteOpen = tokens.size();
                    quoteKind = kind;
                } else if (quoteOpen >= 0 && kind == quoteKind && closesQuote(text, at, i, kind)) {
                    if (tokens.size() > quoteOpen) {
                        quotations.add(new NormalisedText.Quotation(quoteOpen, tokens.size()));
                    }
                    quoteOpen = -1;
                }
            }
            if (isEmoji(cp)) {
                tokens.addEmoji(new String(Character.toChars(cp)));
            }
        }
        flush(word, tokens);
        if (quoteOpen >= 0 && tokens.size() > quoteOpen) {
            quotations.add(new NormalisedText.Quotation(quoteOpen, tokens.size()));
        }
        return tokens;
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x80 ? (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z')
                : Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    private static final int DOUBLE_QUOTE = 1;
    private static final int SINGLE_QUOTE = 2;
    private static final int GUILLEMET = 3;

    /** Which family of quotation marks {@code cp} belongs to, 0 if none: a quotation closes with a mark of its own. */
    private static int quoteKind(int cp) {
        return switch (cp) {
            case '"', '\u201C', '\u201D', '\u201E' -> DOUBLE_QUOTE;
            case '\'', '\u2018', '\u2019' -> SINGLE_QUOTE;
            case '\u00AB', '\u00BB' -> GUILLEMET;
            default -> 0;
        };
    }

    /** A single mark opens a quotation only before a word and after none ("i'm" has an apostrophe, not a quote). */
    private static boolean opensQuote(String text, int at, int after, int kind) {
        return kind != SINGLE_QUOTE || (at == 0 || !isWordChar(text.codePointBefore(at)))
                && after < text.length() && isWordChar(text.codePointAt(after));
    }

    /** ... and closes one only after a word or a mark and before none. */
    private static boolean closesQuote(String text, int at, int after, int kind) {
        return kind != SINGLE_QUOTE || at > 0 && !Character.isWhitespace(text.codePointBefore(at))
                && (after >= text.length() || !isWordChar(text.codePointAt(after)));
    }

    private static void flush(StringBuilder word, Tokens tokens) {
        if (word.length() > 0) {
            tokens.add(word);
            word.setLength(0);
        }
    }

    /**
     * Runs of three or more equal characters become {@code keep} of them ({@code sooo} → {@code so} with one,
     * {@code soo} with two); pairs stay ({@code ll}).
     */
    private static String collapseElongation(CharSequence word, int keep) {
        StringBuilder out = new StringBuilder(word.length());
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            int j = i;
            while (j < word.length() && word.charAt(j) == c) {
                j++;
            }
            int run = j - i;
            out.append(c);
            if (run == 2 || run > 2 && keep == 2) {
                out.append(c);
            }
            i = j;
        }
        return out.toString();
    }

    private static boolean hasRunOfThree(CharSequence word) {
        for (int i = 2; i < word.length(); i++) {
            if (word.charAt(i) == word.charAt(i - 1) && word.charAt(i) == word.charAt(i - 2)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmoji(int cp) {
        return cp >= 0x2190                  // below it (spaces, punctuation) no character is one: a cheap answer
                && (Character.getType(cp) == Character.OTHER_SYMBOL || (cp >= 0x1F000 && cp <= 0x1FAFF));
    }

    /**
     * Joins runs of three or more single Latin letters: {@code k m s} → {@code kms}; clause starts are moved to the
     * new token positions (a clause start inside a joined run disappears with the dots that made it).
     */
    private static List<String> joinSpacedLetters(List<String> tokens, Set<Integer> clauseStarts,
                                                  List<NormalisedText.Quotation> quotations) {
        if (!hasSpacedLetters(tokens)) {
            clauseStarts.remove(tokens.size());         // a start after the last token starts nothing
            return tokens;
        }
        List<String> out = new ArrayList<>(tokens.size());
        Set<Integer> moved = new HashSet<>();
        int[] newIndex = new int[tokens.size() + 1];   // where each old token went (a joined run: where it starts)
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && isSingleLatinLetter(tokens.get(j))) {
                j++;
            }
            if (clauseStarts.contains(i)) {
                moved.add(out.size());
            }
            int next = j - i >= 3 ? j : i + 1;
            for (int k = i; k < next; k++) {
                newIndex[k] = out.size();
            }
            out.add(next == j && j - i >= 3 ? String.join("", tokens.subList(i, j)) : tokens.get(i));
            i = next;
        }
        newIndex[tokens.size()] = out.size();
        clauseStarts.clear();
        clauseStarts.addAll(moved);
        quotations.replaceAll(q -> new NormalisedText.Quotation(newIndex[q.from()], newIndex[q.to()]));
        quotations.removeIf(q -> q.from() >= q.to());
        return out;
    }

    private static boolean hasSpacedLetters(List<String> tokens) {
        int run = 0;
        for (String token : tokens) {
            run = isSingleLatinLetter(token) ? run + 1 : 0;
            if (run == 3) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSingleLatinLetter(String token) {
        return token.length() == 1 && isLatinLetter(token.charAt(0));
    }
}
