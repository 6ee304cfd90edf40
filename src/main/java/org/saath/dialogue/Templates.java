package org.saath.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.saath.nlu.Language;

/**
 * Reply templates for every supported language, loaded from {@code lang/<language>/templates.yaml} on the classpath.
 * Every language must have exactly the same template ids and words as English, the same number of variants for each
 * template and a {@code no-lines} text where English has one, so no reply can fall back to a language the person did
 * not write in; a mismatch stops the start naming the file and the ids. The only placeholder is
 * {@value #EMERGENCY}: the country's emergency numbers.
 */
public final class Templates {

    /** Ids the pipeline itself uses, beyond those named by rules. */
    public static final Set<String> SYSTEM_IDS = Set.of("privacy_notice", "privacy_notice_short", "escalation_opened",
            "escalation_opened_alone", "no_counsellor", "no_counsellor_none_open", "human_unavailable",
            "human_unavailable_none_open", "consent_question", "counsellor_joined", "counsellor_left",
            "counsellor_unavailable", "crisis", "crisis_imminent", "crisis_third_person");

    /** Where the country's emergency numbers go in a text. */
    public static final String EMERGENCY = "{emergency}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z-]+}");

    /**
     * One template: the text and its {@code variants} (said instead when the same reply would otherwise come twice
     * in a row), an optional intro said before the helplines, whether helplines lead ({@code lines-first}), whether
     * the emergency numbers lead them ({@code emergency-first}), and the text to say instead when the person's
     * country has no line for the need ({@code no-lines}; only where the text itself speaks of lines).
     */
    public record Template(String text, String intro, @JsonProperty("lines-first") boolean linesFirst,
                           @JsonProperty("emergency-first") boolean emergencyFirst, List<String> variants,
                           @JsonProperty("no-lines") String noLines) {

        public Template {
            variants = variants == null ? List.of() : List.copyOf(variants);
        }

        /** The text and its variants, in order. */
        public List<String> texts() {
            List<String> all = new ArrayList<>();
            all.add(text);
            all.addAll(variants);
            return all;
        }
    }

    record RawFile(Map<String, Template> templates, Map<String, String> words) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<Language, RawFile> files;

    private Templates(Map<Language, RawFile> files) {
        this.files = files;
    }

    public static Templates loadFromClasspath() {
        Map<Language, RawFile> files = new EnumMap<>(Language.class);
        for (Language language : Language.supported()) {
            String name = fileName(language);
            try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new TemplateException(name + " is missing from the classpath");
                }
                files.put(language, YAML.readValue(in, RawFile.class));
            } catch (IOException e) {
                throw new TemplateException(name + ": " + e.getMessage());
            }
        }
        validate(files);
        return new Templates(files);
    }

    private static void validate(Map<Language, RawFile> files) {
        RawFile en = files.get(Language.EN);
        Set<String> missingSystem = new TreeSet<>(SYSTEM_IDS);
        missingSystem.removeAll(en.templates().keySet());
        if (!missingSystem.isEmpty()) {
            throw new TemplateException(fileName(Language.EN) + " lacks " + missingSystem);
        }
        for (Map.Entry<Language, RawFile> file : files.entrySet()) {
            String name = fileName(file.getKey());
            if (!file.getValue().templates().keySet().equals(en.templates().keySet())
                    || !file.getValue().words().keySet().equals(en.words().keySet())) {
                Set<String> diff = new TreeSet<>(en.templates().keySet());
                diff.removeAll(file.getValue().templates().keySet());
                Set<String> words = new TreeSet<>(en.words().keySet());
                words.removeAll(file.getValue().words().keySet());
                throw new TemplateException(name + " does not have the same templates and words as "
                        + fileName(Language.EN) + " (missing " + diff + ", words " + words + ")");
            }
            file.getValue().templates().forEach((id, t) -> check(name, id, t, en.templates().get(id)));
        }
    }

    private static void check(String file, String id, Template t, Template en) {
        if (t == null || t.text() == null || t.text().isBlank() || t.variants().stream().anyMatch(String::isBlank)) {
            throw new TemplateException(file + ": template '" + id + "' has no text");
        }
        if (t.variants().size() != en.variants().size() || (t.noLines() == null) != (en.noLines() == null)
                || t.emergencyFirst() != en.emergencyFirst() || t.linesFirst() != en.linesFirst()) {
            throw new TemplateException(file + ": template '" + id + "' differs in shape from English (variants, "
                    + "no-lines, lines-first or emergency-first)");
        }
        List<String> texts = new ArrayList<>(t.texts());
        texts.add(t.intro());
        texts.add(t.noLines());
        for (String text : texts.stream().filter(Objects::nonNull).toList()) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!m.group().equals(EMERGENCY)) {
                    throw new TemplateException(file + ": template '" + id + "' has an unknown placeholder "
                            + m.group());
                }
            }
        }
    }

    private static String fileName(Language language) {
        return "lang/" + language.code() + "/templates.yaml";
    }

    /** The ids every language has. */
    public Set<String> ids() {
        return files.get(Language.EN).templates().keySet();
    }

    /** The template in {@code language} ({@code other} uses English). */
    public Template get(String id, Language language) {
        Template t = file(language).templates().get(id);
        if (t == null) {
            throw new TemplateException("unknown template '" + id + "'");
        }
        return t;
    }

    public String word(String key, Language language) {
        String word = file(language).words().get(key);
        if (word == null) {
            throw new TemplateException("unknown word '" + key + "'");
        }
        return word;
    }

    private RawFile file(Language language) {
        return files.getOrDefault(language, files.get(Language.EN));
    }
}
