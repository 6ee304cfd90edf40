package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The command detector's lookup of its {@code within} phrases (through {@link PhraseTree}) finds what looking for
 * every phrase in the message finds: the command declared first in {@link Command} with a phrase anywhere in the
 * message (not one that starts inside one of the files' idioms), and of the language requests the longest found (of
 * two as long, the one read first in the files). Checked with messages made of the phrases' own words, of whole
 * phrases and idioms among other words, and of words they lack; the phrases are read from the language folders here,
 * as the detector reads them.
 */
class CommandLookupProperties {

    private static final TextNormaliser NORMALISER = new TextNormaliser();
    private static final CommandDetector DETECTOR = CommandDetector.loadFromClasspath(NORMALISER);
    private static final Map<Command, List<List<String>>> WITHIN = new LinkedHashMap<>();
    private static final List<Request> REQUESTS = new ArrayList<>();
    private static final List<List<String>> IDIOMS = new ArrayList<>();

    private record Request(List<String> phrase, String language) {
    }

    static {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (Language language : Language.supported()) {
            String name = "lang/" + language.code() + "/commands.yaml";
            try (InputStream in = CommandLookupProperties.class.getClassLoader().getResourceAsStream(name)) {
                Map<String, Map<String, List<String>>> file = yaml.readValue(in,
                        new TypeReference<LinkedHashMap<String, Map<String, List<String>>>>() { });
                file.forEach((code, kinds) -> CommandDetector.spelled(name, kinds.get("within")).forEach(p -> {
                    List<String> tokens = NORMALISER.normalise(p).tokens();
                    if (code.equals("idioms")) {
                        IDIOMS.add(tokens);
                    } else if (code.startsWith("speak_")) {
                        REQUESTS.add(new Request(tokens, code.substring("speak_".length())));
                    } else {
                        WITHIN.computeIfAbsent(Command.fromCode(code), c -> new ArrayList<>()).add(tokens);
                    }
                }));
            } catch (IOException e) {
                throw new IllegalStateException(name, e);
            }
        }
        WITHIN.computeIfAbsent(Command.SPEAK, c -> new ArrayList<>())
                .addAll(REQUESTS.stream().map(Request::phrase).toList());
    }

    @Property(tries = 3000)
    void the_first_declared_command_with_a_phrase_in_the_message_wins(@ForAll("messages") List<String> words) {
        NormalisedText text = NORMALISER.normalise(String.join(" ", words));
        Optional<Command> expected = firstDeclared(text.tokens());

        expected.ifPresent(command -> assertThat(DETECTOR.detect(text)).contains(command));
    }

    @Property(tries = 3000)
    void the_longest_language_request_wins(@ForAll("requests") List<String> words) {
        NormalisedText text = NORMALISER.normalise(String.join(" ", words));
        Optional<Request> expected = longestRequest(text.tokens());

        expected.ifPresent(request -> assertThat(DETECTOR.requestedLanguage(text).map(Language::code))
                .as(text.text()).contains(request.language()));
    }

    /** As the detector should: a phrase found anywhere, unless it starts inside an idiom found anywhere. */
    private static Optional<Command> firstDeclared(List<String> tokens) {
        boolean[] inIdiom = new boolean[tokens.size()];
        for (List<String> idiom : IDIOMS) {
            for (int at : starts(tokens, idiom)) {
                Arrays.fill(inIdiom, at, at + idiom.size(), true);
            }
        }
        for (Command command : Command.values()) {
            for (List<String> phrase : WITHIN.getOrDefault(command, List.of())) {
                if (starts(tokens, phrase).stream().anyMatch(at -> !inIdiom[at])) {
                    return Optional.of(command);
                }
            }
        }
        return Optional.empty();
    }

    private static List<Integer> starts(List<String> tokens, List<String> phrase) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; !phrase.isEmpty() && i + phrase.size() <= tokens.size(); i++) {
            if (tokens.subList(i, i + phrase.size()).equals(phrase)) {
                at.add(i);
            }
        }
        return at;
    }

    private static Optional<Request> longestRequest(List<String> tokens) {
        Request best = null;
        for (Request request : REQUESTS) {
            if (!request.phrase().isEmpty() && Collections.indexOfSubList(tokens, request.phrase()) >= 0
                    && (best == null || request.phrase().size() > best.phrase().size())) {
                best = request;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Messages with two or three language requests in them, often for different languages. */
    @Provide
    Arbitrary<List<String>> requests() {
        Arbitrary<String> request = Arbitraries.of(REQUESTS).map(r -> String.join(" ", r.phrase()));
        Arbitrary<String> other = Arbitraries.of("i", "the", "hai", "و", "today", "ok", "please", "بس", "yaar", "now");
        return Arbitraries.frequencyOf(Tuple.of(3, request), Tuple.of(2, other)).list().ofMinSize(2).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<String>> messages() {
        List<List<String>> phrases = new ArrayList<>(IDIOMS);
        WITHIN.values().forEach(phrases::addAll);
        List<String> words = phrases.stream().flatMap(List::stream).distinct().toList();
        Arbitrary<String> whole = Arbitraries.of(phrases).map(p -> String.join(" ", p));
        Arbitrary<String> word = Arbitraries.of(words);
        Arbitrary<String> other = Arbitraries.of("i", "the", "hai", "و", "today", "ok", "please", "بس", "yaar", "now");
        return Arbitraries.frequencyOf(Tuple.of(2, whole), Tuple.of(5, word), Tuple.of(2, other)).list()
                .ofMaxSize(10);
    }
}
