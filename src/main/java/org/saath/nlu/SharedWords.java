package org.saath.nlu;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Words two languages write alike once normalised: Arabic's «هو» and «هي» (he, she), cues of someone else as an act's
 * subject, are Urdu's «ہو» and «ہے» (be, is), and «دل بہت بھاری ہے اور ابھی ساری گولیاں کھا لی ہیں» (my heart is heavy
 * and I have just taken all the pills) was answered as someone else's act, to a helper. A one-word phrase of the
 * lexicon that is a function word of another language ({@code lang/<code>/language.yaml}, {@code words}) is not read in
 * a message written with letters that only that other language uses and normalising keeps (Urdu's «ٹ», «ں», «گ»…):
 * there it is that language's word. Derived from the language folders, so a language added brings its own.
 */
final class SharedWords {

    /** Each phrase that may be another language's word, with that language's own letters as normalised text has them. */
    private final Map<LexiconEntry, String> lettersOfTheOther = new IdentityHashMap<>();

    SharedWords(List<LexiconEntry> entries, List<LanguageProfile> profiles, TextNormaliser normaliser) {
        for (LanguageProfile other : profiles) {
            String own = ownLetters(other, profiles, normaliser);
            if (own.isEmpty()) {
                continue;
            }
            Set<String> words = other.words().stream().map(w -> normaliser.normalise(w).tokens())
                    .filter(tokens -> tokens.size() == 1).map(tokens -> tokens.get(0)).collect(Collectors.toSet());
            for (LexiconEntry entry : entries) {
                if (entry.language() != other.language() && entry.tokens().size() == 1
                        && words.contains(entry.tokens().get(0))) {
                    lettersOfTheOther.put(entry, own);
                }
            }
        }
    }

    /** {@code matches} without the phrases that, in {@code text}, are another language's word. */
    List<DistressLexicon.Match> withoutThem(List<DistressLexicon.Match> matches, NormalisedText text) {
        if (lettersOfTheOther.isEmpty() || matches.stream().noneMatch(m -> lettersOfTheOther.containsKey(m.entry()))) {
            return matches;
        }
        return matches.stream().filter(m -> {
            String own = lettersOfTheOther.get(m.entry());
            return own == null || !writtenWith(text, own);
        }).toList();
    }

    private static boolean writtenWith(NormalisedText text, String letters) {
        return text.tokens().stream().anyMatch(t -> t.chars().anyMatch(c -> letters.indexOf(c) >= 0));
    }

    /**
     * The letters of {@code language}'s profile that normalising keeps as they are and that no other language of its
     * script lists: for Urdu «ٹڈڑںۂپچژگ» («ے», «ہ», «ی», «ک» become Arabic's letters), for Arabic none. Iraqi and Gulf
     * Arabic write «گ» and «چ» at times; there Arabic's «هو» and «هي» are not read as someone else either, a smaller
     * loss than a writer's own act read as someone else's.
     */
    private static String ownLetters(LanguageProfile language, List<LanguageProfile> profiles,
                                     TextNormaliser normaliser) {
        String others = profiles.stream().filter(p -> p != language && p.script() == language.script())
                .map(p -> normalised(p.strongLetters() + p.weakLetters(), normaliser))
                .collect(Collectors.joining());
        StringBuilder own = new StringBuilder();
        for (char c : (language.strongLetters() + language.weakLetters()).toCharArray()) {
            String letter = String.valueOf(c);
            if (normalised(letter, normaliser).equals(letter) && others.indexOf(c) < 0) {
                own.append(c);
            }
        }
        return own.toString();
    }

    private static String normalised(String letters, TextNormaliser normaliser) {
        StringBuilder out = new StringBuilder();
        for (char c : letters.toCharArray()) {
            out.append(String.join("", normaliser.normalise(String.valueOf(c)).tokens()));
        }
        return out.toString();
    }
}
