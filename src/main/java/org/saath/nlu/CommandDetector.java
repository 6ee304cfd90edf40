package org.saath.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Finds a {@link Command} in a message, from {@code commands.yaml}: {@code whole} phrases must be the entire message
 * (so a bare "no" is an answer but "no i want to die" is not), {@code within} phrases may appear anywhere. Data
 * commands (delete my data) win over answers. Immutable and thread-safe.
 */
public final class CommandDetector {

    private final Map<String, Command> whole;
    private final Map<Command, List<List<String>>> within;

    private CommandDetector(Map<String, Command> whole, Map<Command, List<List<String>>> within) {
        this.whole = whole;
        this.within = within;
    }

    public static CommandDetector loadFromClasspath(TextNormaliser normaliser) {
        try (InputStream in = CommandDetector.class.getClassLoader().getResourceAsStream("commands.yaml")) {
            if (in == null) {
                throw new IllegalStateException("commands.yaml is missing from the jar");
            }
            Map<String, Map<String, List<String>>> raw = new ObjectMapper(new YAMLFactory()).readValue(in,
                    new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String,
                            Map<String, List<String>>>>() { });
            Map<String, Command> whole = new HashMap<>();
            Map<Command, List<List<String>>> within = new LinkedHashMap<>();
            raw.forEach((code, kinds) -> {
                Command command = Command.fromCode(code);
                kinds.getOrDefault("whole", List.of()).forEach(p -> whole.put(normaliser.normalise(p).text(), command));
                kinds.getOrDefault("within", List.of()).forEach(p -> within
                        .computeIfAbsent(command, k -> new ArrayList<>()).add(normaliser.normalise(p).tokens()));
            });
            return new CommandDetector(whole, within);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("commands.yaml: " + e.getMessage(), e);
        }
    }

    public Optional<Command> detect(NormalisedText text) {
        for (Map.Entry<Command, List<List<String>>> entry : within.entrySet()) {
            for (List<String> phrase : entry.getValue()) {
                if (containsPhrase(text.tokens(), phrase)) {
                    return Optional.of(entry.getKey());
                }
            }
        }
        return Optional.ofNullable(whole.get(text.text()));
    }

    private static boolean containsPhrase(List<String> tokens, List<String> phrase) {
        for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
            if (tokens.subList(i, i + phrase.size()).equals(phrase)) {
                return true;
            }
        }
        return false;
    }
}
