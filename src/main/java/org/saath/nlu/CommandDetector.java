package org.saath.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Finds a {@link Command} in a message, from every language's {@code lang/<code>/commands.yaml}: a person may say
 * "stop" in English in the middle of an Urdu conversation. {@code whole} phrases must be the entire message (so a
 * bare "no" is an answer but "no i want to die" is not), {@code leading} phrases must open the message and end its
 * first clause ("not really, i just want to talk"), {@code within} phrases may appear anywhere; when several match,
 * the command declared first in {@link Command} wins. What else the message says still counts: the rules read a
 * leading "no" as an answer only when the message carries no risk. A key {@code speak_<code>} asks for the language
 * with that code ({@code speak_ur}): its phrases are {@link Command#SPEAK} phrases, so a new language brings its own
 * requests in its own folder; when several language requests match, the longest phrase wins, and a {@code whole}
 * request ("arabic", "speak english") is one only as the whole message. A phrase may offer
 * choices in braces, an empty one for a word that may be left out: "{nahi|nai|} main {mehfooz|mehfuz} nahi {hoon|hun|}"
 * stands for each of its spellings, since a person types the answer to "are you safe?" however they type. The
 * {@code within} phrases of a file's {@code idioms} key are no command: a {@code within} phrase that starts inside one
 * is not heard («الدكتور ده هيدبحني», the professor will slaughter me, is an exam's dread; «جوزي هيدبحني» is not).
 * Immutable and thread-safe.
 */
public final class CommandDetector {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String SPEAK_PREFIX = "speak_";
    private static final String IDIOMS = "idioms";

    /** A phrase and the language it asks for; {@code order}: its place among all requests (earlier wins a tie). */
    private record LanguageRequest(List<String> phrase, Language language, int order) {
    }

    private final Map<String, Command> whole;
    /** Language requests that are the whole message ("arabic"), by the message's normalised text. */
    private final Map<String, Language> wholeRequests;
    /** {@code within} phrases by their words, ranked by their command's place, so a message is scanned once. */
    private final PhraseTree<Command> withinPhrases;
    private final Map<Command, List<List<String>>> leading;
    /** Language requests by their words, ranked by their place in the files. */
    private final PhraseTree<LanguageRequest> languageRequests;
    /** The {@code idioms} phrases, each with its length in words. */
    private final PhraseTree<Integer> idioms;
    private final boolean anyIdiom;

    private CommandDetector(Map<String, Command> whole, Map<Command, List<List<String>>> within,
                            Map<Command, List<List<String>>> leading, List<LanguageRequest> requests,
                            Map<String, Language> wholeRequests, List<List<String>> idioms) {
        this.whole = whole;
        PhraseTree.Builder<Integer> idiomWords = PhraseTree.builder();
        for (List<String> idiom : idioms) {
            if (!idiom.isEmpty()) {
                idiomWords.add(idiom, idiom.size(), 0);
            }
        }
        this.idioms = idiomWords.build();
        this.anyIdiom = !idioms.isEmpty();
        this.wholeRequests = wholeRequests;
        PhraseTree.Builder<LanguageRequest> byWords = PhraseTree.builder();
        for (LanguageRequest request : requests) {
            if (!request.phrase().isEmpty()) {
                byWords.add(request.phrase(), request, request.order());
            }
        }
        this.languageRequests = byWords.build();
        PhraseTree.Builder<Command> phrases = PhraseTree.builder();
        int rank = 0;
        for (Map.Entry<Command, List<List<String>>> entry : within.entrySet()) {
            for (List<String> phrase : entry.getValue()) {
                if (!phrase.isEmpty()) {
                    phrases.add(phrase, entry.getKey(), rank);
                }
            }
            rank++;
        }
        this.withinPhrases = phrases.build();
        this.leading = leading;
    }

    public static CommandDetector loadFromClasspath(TextNormaliser normaliser) {
        Map<String, Command> whole = new HashMap<>();
        Map<Command, List<List<String>>> within = new EnumMap<>(Command.class);
        Map<Command, List<List<String>>> leading = new EnumMap<>(Command.class);
        List<LanguageRequest> requests = new ArrayList<>();
        Map<String, Language> wholeRequests = new HashMap<>();
        List<List<String>> idioms = new ArrayList<>();
        for (Language language : Language.supported()) {
            String name = "lang/" + language.code() + "/commands.yaml";
            read(name).forEach((code, kinds) -> {
                if (code.startsWith(SPEAK_PREFIX)) {
                    Language asked = requested(name, code);
                    spelled(name, kinds.get("within")).forEach(p -> requests.add(
                            new LanguageRequest(normaliser.normalise(p).tokens(), asked, requests.size())));
                    spelled(name, kinds.get("whole")).forEach(p -> {
                        String text = normaliser.normalise(p).text();
                        whole.put(text, Command.SPEAK);
                        wholeRequests.put(text, asked);
                    });
                    return;
                }
                if (code.equals(IDIOMS)) {
                    spelled(name, kinds.get("within")).forEach(p -> idioms.add(normaliser.normalise(p).tokens()));
                    return;
                }
                Command command = command(name, code);
                spelled(name, kinds.get("whole")).forEach(p -> whole.put(normaliser.normalise(p).text(), command));
                spelled(name, kinds.get("within")).forEach(p -> within
                        .computeIfAbsent(command, k -> new ArrayList<>()).add(normaliser.normalise(p).tokens()));
                spelled(name, kinds.get("leading")).forEach(p -> leading
                        .computeIfAbsent(command, k -> new ArrayList<>()).add(normaliser.normalise(p).tokens()));
            });
        }
        if (!requests.isEmpty()) {
            within.put(Command.SPEAK, requests.stream().map(LanguageRequest::phrase).toList());
        }
        return new CommandDetector(whole, within, leading, requests, Map.copyOf(wholeRequests), idioms);
    }

    /** Every spelling of a file's phrases: "{a|b|} c" is "a c", "b c" and "c" (see the class comment). */
    static List<String> spelled(String file, List<String> phrases) {
        List<String> all = new ArrayList<>();
        for (String phrase : phrases == null ? List.<String>of() : phrases) {
            expand(file, phrase, 0, "", all);
        }
        return all;
    }

    private static void expand(String file, String phrase, int from, String before, List<String> into) {
        int open = phrase.indexOf('{', from);
        if (open < 0) {
            String spelling = (before + phrase.substring(from)).trim().replaceAll("\\s+", " ");
            if (!spelling.isEmpty()) {
                into.add(spelling);
            }
            return;
        }
        int close = phrase.indexOf('}', open);
        if (close < 0 || phrase.indexOf('{', open + 1) >= 0 && phrase.indexOf('{', open + 1) < close) {
            throw new IllegalStateException(file + ": unbalanced braces in '" + phrase + "'");
        }
        for (String choice : phrase.substring(open + 1, close).split("\\|", -1)) {
            expand(file, phrase, close + 1, before + phrase.substring(from, open) + choice, into);
        }
    }

    private static Language requested(String file, String code) {
        return Language.supported(code.substring(SPEAK_PREFIX.length())).orElseThrow(() -> new IllegalStateException(
                file + ": '" + code + "' asks for a language that is not supported (see org.saath.nlu.Language)"));
    }

    private static Command command(String file, String code) {
        try {
            return Command.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": unknown command '" + code + "'", e);
        }
    }

    private static Map<String, Map<String, List<String>>> read(String name) {
        try (InputStream in = CommandDetector.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return YAML.readValue(in, new TypeReference<LinkedHashMap<String, Map<String, List<String>>>>() { });
        } catch (IOException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The command declared first in {@link Command} that has a phrase in the message, else a whole-message one, else
     * one whose phrase opens the message.
     */
    public Optional<Command> detect(NormalisedText text) {
        List<String> tokens = text.tokens();
        boolean[] idiom = idioms(tokens);
        FirstRanked best = new FirstRanked();
        for (int i = 0; i < tokens.size(); i++) {
            if (idiom == null || !idiom[i]) {
                withinPhrases.visitAt(tokens, i, tokens.get(i), best);
            }
        }
        if (best.command != null) {
            return Optional.of(best.command);
        }
        Optional<Command> exact = Optional.ofNullable(whole.get(text.text()));
        return exact.or(() -> leading(text));
    }

    /** The words that stand in an idiom, where no {@code within} phrase starts; null when no file lists one. */
    private boolean[] idioms(List<String> tokens) {
        if (!anyIdiom) {
            return null;
        }
        boolean[] marked = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            int start = i;
            idioms.visitAt(tokens, i, tokens.get(i),
                    (length, rank) -> Arrays.fill(marked, start, Math.min(tokens.size(), start + length), true));
        }
        return marked;
    }

    /** Whether the whole message is one of the {@code whole} phrases ("im safe", "yes", "i'm fine"): nothing more. */
    public boolean isWhole(NormalisedText text) {
        return whole.containsKey(text.text());
    }

    /**
     * The language the message asks to be answered in ("english please"), by its longest matching phrase (of two as
     * long, the one read first).
     */
    public Optional<Language> requestedLanguage(NormalisedText text) {
        Language asked = wholeRequests.get(text.text());
        if (asked != null) {
            return Optional.of(asked);
        }
        List<String> tokens = text.tokens();
        LongestRequest best = new LongestRequest();
        for (int i = 0; i < tokens.size(); i++) {
            languageRequests.visitAt(tokens, i, tokens.get(i), best);
        }
        return Optional.ofNullable(best.request).map(LanguageRequest::language);
    }

    /** The longest request seen; of two as long, the one read first (its rank is its order). */
    private static final class LongestRequest implements PhraseTree.Visitor<LanguageRequest> {

        private LanguageRequest request;

        @Override
        public void found(LanguageRequest found, int order) {
            int size = found.phrase().size();
            if (request == null || size > request.phrase().size()
                    || size == request.phrase().size() && order < request.order()) {
                request = found;
            }
        }
    }

    /** The command of the best-ranked phrase seen. */
    private static final class FirstRanked implements PhraseTree.Visitor<Command> {

        private Command command;
        private int rank = Integer.MAX_VALUE;

        @Override
        public void found(Command found, int foundRank) {
            if (foundRank < rank) {
                command = found;
                rank = foundRank;
            }
        }
    }

    /** A phrase that opens the message and is followed by a new clause (or nothing). */
    private Optional<Command> leading(NormalisedText text) {
        for (Map.Entry<Command, List<List<String>>> entry : leading.entrySet()) {
            for (List<String> phrase : entry.getValue()) {
                int n = phrase.size();
                if (n > 0 && text.tokens().size() > n && text.tokens().get(0).equals(phrase.get(0))
                        && startsAt(text.tokens(), 0, phrase) && text.clauseStarts().contains(n)) {
                    return Optional.of(entry.getKey());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean startsAt(List<String> tokens, int start, List<String> phrase) {
        if (start + phrase.size() > tokens.size()) {
            return false;
        }
        for (int j = 1; j < phrase.size(); j++) {
            if (!tokens.get(start + j).equals(phrase.get(j))) {
                return false;
            }
        }
        return true;
    }
}
