package org.saath.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Detects the language from the script first, which costs nanoseconds, then from each language's profile
 * ({@code lang/<code>/language.yaml}, see {@link LanguageProfile}).
 *
 * <ul>
 *   <li>Arabic script: each Arabic-script language scores 2 per strong letter, 1 per weak letter and 3 per function
 *       word; the highest wins, a tie goes to the script's default (Arabic; Urdu has letters of its own).</li>
 *   <li>Latin script: a non-default language wins with at least two of its words making a fifth of the message,
 *       or one word more than the default's; the default (English) wins when its words appear or the message is
 *       too short to tell; only the rest goes to {@code latinFallback} (OpenNLP's language model in the service),
 *       which has no Roman Urdu class and costs 15–25 µs a call (research/performance.md §3), and a word of a
 *       non-default language outweighs its "not the default".</li>
 *   <li>Latin letters for a language of another script (Arabizi: "rajli kayderbni w kayhddni b lmout, ana f casa"):
 *       that language wins with at least two of its {@code latin-words} making a quarter of the message and more
 *       of them than any Latin-script language's words. Without it a Moroccan woman threatened by her husband was
 *       answered in English with "I can't help with that", and an Algerian on a bridge with Pakistan's lines (the
 *       s52 QA pass).</li>
 * </ul>
 */
public final class ScriptLanguageDetector implements LanguageDetector {

    private static final int WORD_POINTS = 3;
    /** What separates words in Arabic-script text: compiled once, not per message as {@code String.split} does. */
    private static final Pattern WORD_BREAK = Pattern.compile("[\\s\\p{Punct}،؟]+");

    private final Function<String, Language> latinFallback;
    private final List<LanguageProfile> arabic = new ArrayList<>();
    private final List<LanguageProfile> latin = new ArrayList<>();
    /** Languages of another script that are also written in Latin letters (Arabic as Arabizi). */
    private final List<LanguageProfile> inLatinLetters = new ArrayList<>();
    private Language arabicDefault = Language.OTHER;
    private LanguageProfile latinDefault;

    /** A detector whose unclear Latin text is the default Latin-script language (English). */
    public ScriptLanguageDetector() {
        this(null);
    }

    /** @param latinFallback the default Latin-script language or {@code other}, for text the words cannot tell */
    public ScriptLanguageDetector(Function<String, Language> latinFallback) {
        for (LanguageProfile profile : LanguageProfile.loadFromClasspath()) {
            boolean isLatin = profile.script() == LanguageProfile.Script.LATIN;
            (isLatin ? latin : arabic).add(profile);
            if (!isLatin && !profile.latinWords().isEmpty()) {
                inLatinLetters.add(profile);
            }
            if (profile.defaultForScript() && isLatin) {
                latinDefault = profile;
            } else if (profile.defaultForScript()) {
                arabicDefault = profile.language();
            }
        }
        if (latinDefault == null) {
            throw new IllegalStateException("no Latin-script language is marked default-for-script");
        }
        Language fallbackLanguage = latinDefault.language();
        this.latinFallback = latinFallback == null ? text -> fallbackLanguage : latinFallback;
    }

    @Override
    public Language detect(String raw, NormalisedText normalised) {
        int arabicScript = 0;
        int latinLetters = 0;
        int otherLetters = 0;
        int[] scores = new int[arabic.size()];
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\u0600' && c <= '\u06FF' || c >= '\u0750' && c <= '\u077F' || c >= '\uFB50' && c <= '\uFEFC') {
                arabicScript++;
                for (int k = 0; k < scores.length; k++) {
                    LanguageProfile p = arabic.get(k);
                    scores[k] += p.strongLetters().indexOf(c) >= 0 ? 2 : p.weakLetters().indexOf(c) >= 0 ? 1 : 0;
                }
            } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                latinLetters++;
            } else if (Character.isLetter(c)) {
                otherLetters++;
            }
        }
        if (arabicScript > 0 && arabicScript >= latinLetters && arabicScript >= otherLetters) {
            return arabicLanguage(raw, scores);
        }
        if (latinLetters > 0 && latinLetters >= otherLetters) {
            return latinLanguage(raw, normalised);
        }
        return Language.OTHER;
    }

    private Language arabicLanguage(String raw, int[] scores) {
        for (String word : WORD_BREAK.split(raw)) {
            for (int k = 0; k < scores.length; k++) {
                scores[k] += arabic.get(k).words().contains(word) ? WORD_POINTS : 0;
            }
        }
        Language best = arabicDefault;
        int bestScore = -1;
        for (int k = 0; k < scores.length; k++) {
            boolean isDefault = arabic.get(k).language() == arabicDefault;
            if (scores[k] > bestScore || scores[k] == bestScore && isDefault) {
                best = arabic.get(k).language();
                bestScore = scores[k];
            }
        }
        return best;
    }

    private Language latinLanguage(String raw, NormalisedText normalised) {
        int[] hits = new int[latin.size()];
        int[] lettered = new int[inLatinLetters.size()];
        int words = 0;
        for (String token : normalised.tokens()) {
            if (Character.isLetter(token.codePointAt(0))) {
                words++;
                for (int k = 0; k < hits.length; k++) {
                    hits[k] += latin.get(k).words().contains(token) ? 1 : 0;
                }
            }
            for (int k = 0; k < lettered.length; k++) {
                lettered[k] += inLatinLetters.get(k).latinWords().contains(token) ? 1 : 0;
            }
        }
        int defaultHits = hits[latin.indexOf(latinDefault)];
        LanguageProfile other = null;
        int otherHits = 0;
        for (int k = 0; k < hits.length; k++) {
            if (latin.get(k) != latinDefault && hits[k] > otherHits) {
                other = latin.get(k);
                otherHits = hits[k];
            }
        }
        for (int k = 0; k < lettered.length; k++) {
            if (lettered[k] >= 2 && lettered[k] * 4 >= words && lettered[k] > defaultHits && lettered[k] > otherHits) {
                return inLatinLetters.get(k).language();
            }
        }
        if (other != null && (otherHits >= 2 && otherHits * 5 >= words || otherHits > defaultHits)) {
            return other.language();
        }
        if (defaultHits > 0 || words <= 2) {
            return latinDefault.language();
        }
        Language guess = latinFallback.apply(raw);
        return guess != latinDefault.language() && other != null ? other.language() : guess;
    }
}
