package org.saath.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.saath.helpline.Need;
import org.saath.nlu.Language;
import org.saath.nlu.TextNormaliser;

/**
 * Words that say more than the intent: what a message is about ("he beat me" is abuse even when the classifier
 * hears only fear), who the person may be and where they are, from every language's {@code lang/<code>/cues.yaml}.
 * A phrase may hold "…", standing for up to {@value #GAP} other words. Immutable and thread-safe.
 */
public final class Cues {

    static final int GAP = 4;
    private static final String ELLIPSIS = "…";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What one message's words tell. */
    public record Found(Optional<String> topic, Set<String> audiences, Set<String> regions) {
    }

    /** A phrase as token runs separated by gaps. */
    private record Phrase(List<List<String>> parts) {
    }

    private final TextNormaliser normaliser;
    private final Map<String, Map<String, List<Phrase>>> sections;

    private Cues(TextNormaliser normaliser, Map<String, Map<String, List<Phrase>>> sections) {
        this.normaliser = normaliser;
        this.sections = sections;
    }

    public static Cues loadFromClasspath(TextNormaliser normaliser) {
        Map<String, Map<String, List<Phrase>>> sections = new LinkedHashMap<>();
        for (Language language : Language.supported()) {
            String name = "lang/" + language.code() + "/cues.yaml";
            read(name).forEach((section, keys) -> {
                if (!Set.of("topics", "audiences", "regions").contains(section)) {
                    throw new TemplateException(name + ": unknown section '" + section + "'");
                }
                keys.forEach((key, phrases) -> phrases.forEach(p -> sections
                        .computeIfAbsent(section, s -> new LinkedHashMap<>())
                        .computeIfAbsent(key, k -> new ArrayList<>()).add(phrase(normaliser, p))));
            });
        }
        return new Cues(normaliser, sections);
    }

    private static Phrase phrase(TextNormaliser normaliser, String raw) {
        List<List<String>> parts = new ArrayList<>();
        for (String part : raw.split(ELLIPSIS)) {
            List<String> tokens = normaliser.normalise(part).tokens();
            if (!tokens.isEmpty()) {
                parts.add(tokens);
            }
        }
        return new Phrase(parts);
    }

    private static Map<String, Map<String, List<String>>> read(String name) {
        try (InputStream in = Cues.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new TemplateException(name + " is missing from the classpath");
            }
            Map<String, Map<String, List<String>>> raw = YAML.readValue(in,
                    new TypeReference<LinkedHashMap<String, Map<String, List<String>>>>() { });
            return raw == null ? Map.of() : raw;
        } catch (IOException e) {
            throw new TemplateException(name + ": " + e.getMessage());
        }
    }

    /** The topic, audiences and regions {@code text}'s words name. */
    public Found find(String text) {
        List<String> tokens = normaliser.normalise(text).tokens();
        Optional<String> topic = matching("topics", tokens).stream().findFirst();
        return new Found(topic, matching("audiences", tokens), matching("regions", tokens));
    }

    /** What the words add to a need: the groups and regions they name. */
    public Need widen(Need need, Found found) {
        Set<String> audiences = new LinkedHashSet<>(need.audiences());
        audiences.addAll(found.audiences());
        Set<String> regions = new LinkedHashSet<>(need.regions());
        regions.addAll(found.regions());
        return new Need(need.topics(), need.country(), need.language(), audiences, regions);
    }

    private Set<String> matching(String section, List<String> tokens) {
        Set<String> out = new LinkedHashSet<>();
        sections.getOrDefault(section, Map.of()).forEach((key, phrases) -> {
            if (phrases.stream().anyMatch(p -> matches(tokens, p.parts(), 0, 0, true))) {
                out.add(key);
            }
        });
        return out;
    }

    /** Whether {@code parts} occur in order from token {@code from}, the first anywhere, the next within a gap. */
    private static boolean matches(List<String> tokens, List<List<String>> parts, int part, int from, boolean anywhere) {
        if (part == parts.size()) {
            return true;
        }
        List<String> run = parts.get(part);
        int last = anywhere ? tokens.size() - run.size() : Math.min(from + GAP, tokens.size() - run.size());
        for (int i = from; i <= last; i++) {
            if (tokens.subList(i, i + run.size()).equals(run) && matches(tokens, parts, part + 1, i + run.size(),
                    false)) {
                return true;
            }
        }
        return false;
    }

}
