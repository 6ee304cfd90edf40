package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The lexicon's indexed lookup ({@link DistressLexicon#find}) finds exactly what trying every phrase at every
 * position finds, in the order its contract gives: by position, then the phrases whose first word is whole, then
 * those whose first word is a prefix of two letters or more ({@code suicid*}), then of one letter, each in the order
 * of the files; an Arabic word with "and"/"so" joined to it is read again without it, for the Arabic acts not
 * found already. Checked on the committed lexicon with a few phrases of the shapes it lacks added (a one-letter
 * prefix, a bare {@code *} first, a prefix with a wildcard after it), with messages made of its own words, of words its
 * prefixes cover and of words it does not know. A message with drawn-out letters ({@code killll}) is read twice, with
 * the letter once and twice: at each position the phrases of the first reading, then the second's not found already.
 */
class LexiconLookupProperties {

    private static final TextNormaliser NORMALISER = new TextNormaliser();
    private static final List<LexiconEntry> ENTRIES = entries();
    private static final DistressLexicon LEXICON = new DistressLexicon(ENTRIES);

    @Property(tries = 2000)
    void indexed_lookup_finds_what_trying_every_phrase_finds(@ForAll("messages") List<String> tokens) {
        assertThat(LEXICON.find(tokens)).containsExactlyElementsOf(byDefinition(tokens));
    }

    @Property(tries = 1000)
    void drawn_out_letters_are_read_once_and_twice(@ForAll("messages") List<String> words,
                                                    @ForAll("stretches") List<Integer> stretches) {
        StringBuilder raw = new StringBuilder();
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            int at = stretches.get(w % stretches.size());
            if (at >= 0 && at < word.length()) {                        // draw one letter out: "kil" → "kiiiil"
                word = word.substring(0, at) + String.valueOf(word.charAt(at)).repeat(4) + word.substring(at + 1);
            }
            raw.append(word).append(' ');
        }
        NormalisedText text = NORMALISER.normalise(raw.toString());
        List<DistressLexicon.Match> once = byDefinition(text.tokens());
        List<DistressLexicon.Match> twice = byDefinition(text.pairedTokens());
        List<DistressLexicon.Match> expected = new ArrayList<>();
        for (int i = 0; i < text.tokens().size(); i++) {
            int position = i;
            List<DistressLexicon.Match> here = new ArrayList<>(once.stream().filter(m -> m.start() == position).toList());
            twice.stream().filter(m -> m.start() == position)
                    .filter(m -> here.stream().noneMatch(h -> h.entry() == m.entry())).forEach(here::add);
            expected.addAll(here);
        }
        assertThat(LEXICON.find(text)).containsExactlyElementsOf(expected);
        assertThat(text.pairedTokens()).hasSameSizeAs(text.tokens());
    }

    @Provide
    Arbitrary<List<Integer>> stretches() {
        return Arbitraries.integers().between(-2, 6).list().ofMinSize(1).ofMaxSize(5);
    }

    private static List<DistressLexicon.Match> byDefinition(List<String> tokens) {
        List<DistressLexicon.Match> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            List<DistressLexicon.Match> here = new ArrayList<>();
            addAt(tokens, i, tokens.get(i), false, here);
            String token = tokens.get(i);
            if (token.length() >= 3 && (token.startsWith("و") || token.startsWith("ف"))) {
                addAt(tokens, i, token.substring(1), true, here);      // "and"/"so" joined to an Arabic word
            }
            out.addAll(here);
        }
        return out;
    }

    private static void addAt(List<String> tokens, int i, String first, boolean arabicOnly,
                              List<DistressLexicon.Match> here) {
        for (int stem : new int[] {-1, 2, 1}) {                 // whole, two letters or more, one letter
            for (LexiconEntry entry : ENTRIES) {
                String pattern = entry.tokens().get(0);
                int length = pattern.endsWith("*") ? pattern.length() - 1 : -1;
                boolean already = here.stream().anyMatch(m -> m.entry() == entry);
                if ((stem == 2 ? length >= 2 : length == stem) && (!arabicOnly || DistressLexicon.readsJoined(entry))
                        && !already && startsAt(entry.tokens(), tokens, i, first)) {
                    here.add(new DistressLexicon.Match(entry, i, entry.tokens().size(),
                            arabicOnly && DistressLexicon.unlearnedJoined(entry)));
                }
            }
        }
    }

    /** Whether {@code phrase} starts at {@code start} of {@code tokens}, its first word read as {@code first}. */
    private static boolean startsAt(List<String> phrase, List<String> tokens, int start, String first) {
        if (start + phrase.size() > tokens.size() || !wordMatches(phrase.get(0), first)) {
            return false;
        }
        for (int i = 1; i < phrase.size(); i++) {
            if (!wordMatches(phrase.get(i), tokens.get(start + i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean wordMatches(String word, String token) {
        return word.endsWith("*") ? token.startsWith(word.substring(0, word.length() - 1)) : word.equals(token);
    }

    @Provide
    Arbitrary<List<String>> messages() {
        List<String> words = ENTRIES.stream().flatMap(e -> e.tokens().stream()).distinct().toList();
        Arbitrary<String> known = Arbitraries.of(words).map(w -> w.endsWith("*") ? w.substring(0, w.length() - 1) : w);
        Arbitrary<String> extended = Arbitraries.of(words).filter(w -> w.endsWith("*"))
                .map(w -> w.substring(0, w.length() - 1) + "al");
        Arbitrary<String> joined = Arbitraries.of(words).filter(w -> w.chars().anyMatch(c -> c >= 0x600))
                .flatMap(w -> Arbitraries.of("و", "ف").map(p -> p + w.replace("*", "")));
        Arbitrary<String> other = Arbitraries.of("a", "i", "ok", "the", "hai", "و", "ہ", "x", "suicidal", "kh");
        return Arbitraries.frequencyOf(Tuple.of(6, known), Tuple.of(1, extended), Tuple.of(1, joined),
                Tuple.of(2, other)).list().ofMaxSize(12);
    }

    private static List<LexiconEntry> entries() {
        List<LexiconEntry> entries = new ArrayList<>(DistressLexicon.load(Path.of("models/lang"), NORMALISER)
                .entries());
        for (String phrase : List.of("k* ok", "h*", "* i", "kh* *", "s*")) {
            entries.add(DistressLexicon.parse(phrase + "\ten\tlow\tideation", NORMALISER));
        }
        return entries;
    }
}
