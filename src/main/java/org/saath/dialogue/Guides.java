package org.saath.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.saath.nlu.Language;

/**
 * Guidance a person can follow alone (what to do about online blackmail, grounding, a safety plan), from
 * {@code lang/<language>/guides.yaml}: every step written from a cited source. The sources, the links a step offers
 * and the countries a step is for are given once, in the English file, and hold for every language; every language
 * has the same guides with the same steps in the same order, or the start stops naming the file and the guide.
 * Shared by the help hub's pages and, where they want them, the chat's replies.
 */
public final class Guides {

    /**
     * One step: its id, an optional short title, the text, where it comes from ({@code sources}: web addresses or
     * research notes), the web addresses it sends a person to ({@code links}) and the countries it is for (empty:
     * every country).
     */
    public record Step(String id, String title, String text, List<String> sources, List<String> links,
                       Set<String> countries) {

        public Step {
            sources = sources == null ? List.of() : List.copyOf(sources);
            links = links == null ? List.of() : List.copyOf(links);
            countries = countries == null ? Set.of() : Set.copyOf(countries);
        }

        /** Whether the step is for a person in {@code country}. */
        public boolean fits(String country) {
            return countries.isEmpty() || countries.contains(country);
        }
    }

    /** One guide in one language: a title, an intro and its steps. */
    public record Guide(String title, String intro, List<Step> steps) {

        public Guide {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    record RawFile(Map<String, Guide> guides) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<Language, Map<String, Guide>> guides;

    private Guides(Map<Language, Map<String, Guide>> guides) {
        this.guides = guides;
    }

    public static Guides loadFromClasspath() {
        Map<Language, Map<String, Guide>> files = new EnumMap<>(Language.class);
        for (Language language : Language.supported()) {
            String name = fileName(language);
            try (InputStream in = Guides.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new TemplateException(name + " is missing from the classpath");
                }
                RawFile raw = YAML.readValue(in, RawFile.class);
                files.put(language, raw == null || raw.guides() == null ? Map.of() : raw.guides());
            } catch (IOException e) {
                throw new TemplateException(name + ": " + e.getMessage());
            }
        }
        Map<String, Guide> english = files.get(Language.EN);
        Map<Language, Map<String, Guide>> merged = new EnumMap<>(Language.class);
        files.forEach((language, file) -> merged.put(language, merge(fileName(language), file, english)));
        return new Guides(merged);
    }

    /** The guide {@code id} in {@code language} ({@code other} reads English). */
    public Guide get(String id, Language language) {
        Guide guide = guides.getOrDefault(language, guides.get(Language.EN)).get(id);
        if (guide == null) {
            throw new TemplateException("unknown guide '" + id + "'");
        }
        return guide;
    }

    /** The guides every language has. */
    public Set<String> ids() {
        return guides.get(Language.EN).keySet();
    }

    /**
     * Guide {@code id} as one chat message for a person in {@code country}: the title, the intro when there is one,
     * then "- " and the text of each step that is for that country.
     */
    public String render(String id, String country, Language language) {
        Guide guide = get(id, language);
        List<String> lines = new ArrayList<>();
        lines.add(guide.title());
        if (guide.intro() != null && !guide.intro().isBlank()) {
            lines.add(guide.intro());
        }
        guide.steps().stream().filter(s -> s.fits(country)).forEach(s -> lines.add("- " + s.text()));
        return String.join("\n", lines);
    }

    /** Every text of every guide in {@code language} (titles, intros, steps), for reviews of what Saath says. */
    public List<String> texts(Language language) {
        List<String> out = new ArrayList<>();
        for (String id : ids()) {
            Guide guide = get(id, language);
            out.add(guide.title());
            if (guide.intro() != null) {
                out.add(guide.intro());
            }
            guide.steps().forEach(s -> {
                if (s.title() != null) {
                    out.add(s.title());
                }
                out.add(s.text());
            });
        }
        return out;
    }

    /**
     * A language's guides checked against English (same guides, same steps in the same order, text everywhere,
     * a source for every English step), each step carrying the English file's sources, links and countries.
     */
    private static Map<String, Guide> merge(String name, Map<String, Guide> file, Map<String, Guide> english) {
        if (!file.keySet().equals(english.keySet())) {
            throw new TemplateException(name + " does not have the same guides as " + fileName(Language.EN)
                    + " (" + file.keySet() + " against " + english.keySet() + ")");
        }
        Map<String, Guide> out = new LinkedHashMap<>();
        english.forEach((id, en) -> {
            Guide guide = file.get(id);
            if (guide.title() == null || guide.title().isBlank() || guide.steps().size() != en.steps().size()) {
                throw new TemplateException(name + ": guide '" + id + "' needs a title and the steps of English");
            }
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < en.steps().size(); i++) {
                Step step = guide.steps().get(i);
                Step source = en.steps().get(i);
                if (!source.id().equals(step.id()) || step.text() == null || step.text().isBlank()
                        || source.sources().isEmpty() || (step.title() == null) != (source.title() == null)) {
                    throw new TemplateException(name + ": guide '" + id + "' step " + (i + 1) + " must be '"
                            + source.id() + "' with a text (and a title where English has one); English must cite "
                            + "a source for it");
                }
                steps.add(new Step(step.id(), step.title(), step.text(), source.sources(), source.links(),
                        source.countries()));
            }
            out.put(id, new Guide(guide.title(), guide.intro(), steps));
        });
        return out;
    }

    private static String fileName(Language language) {
        return "lang/" + language.code() + "/guides.yaml";
    }
}
