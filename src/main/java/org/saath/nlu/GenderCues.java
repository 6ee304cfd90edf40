package org.saath.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads the gender a person's own words mark, and that of someone they write about, from every language's
 * {@code lang/<code>/gender.yaml}: the person's own verb and adjective forms ("chahti hoon", «میں اکیلی ہوں»,
 * «أنا خائفة», "i'm a girl"), and words naming another person ("my sister", «أختي», "woh kehti hai").
 *
 * <ul>
 *   <li>{@code self} phrases count anywhere; {@code anchored} ones only at the start of a clause or right after
 *       one of the language's {@code me} words («أنا», «مش»), because a bare adjective may describe someone else
 *       («أمي تعبانة»).</li>
 *   <li>A token written {@code *ungi} matches any token ending in "ungi" (the future of the first person).</li>
 *   <li>When the message marks both genders for the person, it marks neither: the reply stays neutral.</li>
 *   <li>The other person's gender is that of the first word naming someone.</li>
 * </ul>
 * Nothing here is a guess from names or topics: a woman who never writes a gendered form gets neutral replies.
 * Immutable and thread-safe.
 */
public final class GenderCues {

    /** What one message says: the writer's gender and that of the first other person named. */
    public record Read(Gender self, Gender other) {
        public static final Read UNMARKED = new Read(Gender.UNMARKED, Gender.UNMARKED);
    }

    record RawSide(List<String> phrases, List<String> anchored) {
    }

    record RawFile(List<String> me, Map<String, RawSide> self, Map<String, List<String>> other) {
    }

    /** A phrase as normalised tokens; a token starting with "*" matches any token ending in the rest. */
    private record Cue(List<String> tokens, Gender gender, boolean anchored) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Set<String> GENDERS = Set.of("feminine", "masculine");

    private final Starts self;
    private final Starts other;
    private final Set<String> me;

    private GenderCues(List<Cue> self, List<Cue> other, Set<String> me) {
        this.self = new Starts(self);
        this.other = new Starts(other);
        this.me = Set.copyOf(me);
    }

    /**
     * Cues by the word they start with, so a message's words are each compared with the few cues that can start
     * there, not every cue at every word; a cue starting with an ending ({@code *ungi}) is tried at every word.
     * Each list keeps the files' order, which decides between two cues matching at the same word.
     */
    private static final class Starts {
        /** For each word some cue starts with: those cues and the ones whose ending fits it, in files' order. */
        private final Map<String, List<Cue>> byWord = new HashMap<>();
        /** The cues starting with an ending, by the ending's last character, in files' order. */
        private final Map<Character, List<Cue>> byEnding = new HashMap<>();

        Starts(List<Cue> cues) {
            for (Cue cue : cues) {
                String first = cue.tokens().get(0);
                if (first.startsWith("*")) {
                    byEnding.computeIfAbsent(first.charAt(first.length() - 1), last -> new ArrayList<>()).add(cue);
                } else {
                    byWord.computeIfAbsent(first, word -> cues.stream().filter(c -> c.tokens().get(0).equals(word)
                            || endsSo(word, c.tokens().get(0))).toList());
                }
            }
        }

        /** The cues that may start at {@code word}, in their files' order. */
        List<Cue> at(String word) {
            List<Cue> cues = byWord.get(word);
            if (cues != null) {
                return cues;
            }
            return word.isEmpty() ? List.of() : byEnding.getOrDefault(word.charAt(word.length() - 1), List.of());
        }
    }

    /** Whether {@code word} fits {@code want} when that is an ending ({@code *ending}: a longer word ending so). */
    private static boolean endsSo(String word, String want) {
        int ending = want.length() - 1;
        return want.startsWith("*") && word.length() > ending
                && word.regionMatches(word.length() - ending, want, 1, ending);
    }

    public static GenderCues loadFromClasspath(TextNormaliser normaliser) {
        List<Cue> self = new ArrayList<>();
        List<Cue> other = new ArrayList<>();
        List<String> me = new ArrayList<>();
        for (Language language : Language.supported()) {
            String name = "lang/" + language.code() + "/gender.yaml";
            RawFile file = read(name);
            if (file.me() != null) {
                file.me().forEach(w -> me.addAll(normaliser.normalise(w).tokens()));
            }
            Map<String, RawSide> selfSides = file.self() == null ? Map.of() : file.self();
            selfSides.forEach((gender, side) -> {
                Gender g = gender(name, gender);
                add(self, side.phrases(), g, false, normaliser);
                add(self, side.anchored(), g, true, normaliser);
            });
            Map<String, List<String>> otherSides = file.other() == null ? Map.of() : file.other();
            otherSides.forEach((gender, phrases) -> add(other, phrases, gender(name, gender), false, normaliser));
        }
        return new GenderCues(self, other, Set.copyOf(me));
    }

    private static RawFile read(String name) {
        try (InputStream in = GenderCues.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            RawFile file = YAML.readValue(in, RawFile.class);
            return file == null ? new RawFile(null, null, null) : file;
        } catch (IOException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    private static Gender gender(String file, String key) {
        if (!GENDERS.contains(key)) {
            throw new IllegalStateException(file + ": unknown gender '" + key + "' (feminine or masculine)");
        }
        return Gender.fromCode(key);
    }

    private static void add(List<Cue> into, List<String> phrases, Gender gender, boolean anchored,
                            TextNormaliser normaliser) {
        if (phrases == null) {
            return;
        }
        for (String phrase : phrases) {
            List<String> tokens = new ArrayList<>();
            for (String word : phrase.trim().split("\\s+")) {
                boolean suffix = word.startsWith("*");
                List<String> normalised = normaliser.normalise(suffix ? word.substring(1) : word).tokens();
                if (suffix && normalised.size() == 1) {
                    tokens.add("*" + normalised.get(0));
                } else {
                    tokens.addAll(normalised);
                }
            }
            if (!tokens.isEmpty()) {
                into.add(new Cue(tokens, gender, anchored));
            }
        }
    }

    /** The genders {@code text}'s words mark. */
    public Read read(NormalisedText text) {
        List<String> tokens = text.tokens();
        boolean feminine = false;
        boolean masculine = false;
        for (int i = 0; i < tokens.size() && !(feminine && masculine); i++) {
            for (Cue cue : self.at(tokens.get(i))) {
                if (fitsAt(cue, tokens, i) && (!cue.anchored() || i == 0 || text.clauseStarts().contains(i)
                        || me.contains(tokens.get(i - 1)))) {
                    feminine |= cue.gender() == Gender.FEMININE;
                    masculine |= cue.gender() == Gender.MASCULINE;
                }
            }
        }
        Gender person = feminine == masculine ? Gender.UNMARKED : feminine ? Gender.FEMININE : Gender.MASCULINE;
        return new Read(person, firstNamed(tokens));
    }

    /** The gender of the first word naming someone; of two cues matching there, the one written first. */
    private Gender firstNamed(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            for (Cue cue : other.at(tokens.get(i))) {
                if (fitsAt(cue, tokens, i)) {
                    return cue.gender();
                }
            }
        }
        return Gender.UNMARKED;
    }

    private static boolean fitsAt(Cue cue, List<String> tokens, int i) {
        return i + cue.tokens().size() <= tokens.size() && matchesAt(cue.tokens(), tokens, i);
    }

    private static boolean matchesAt(List<String> phrase, List<String> tokens, int i) {
        for (int k = 0; k < phrase.size(); k++) {
            String want = phrase.get(k);
            String got = tokens.get(i + k);
            boolean ok = want.startsWith("*") ? endsSo(got, want) : got.equals(want);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** An empty reader (no language data), for analysers built without it. */
    public static GenderCues none() {
        return new GenderCues(List.of(), List.of(), Set.of());
    }
}
