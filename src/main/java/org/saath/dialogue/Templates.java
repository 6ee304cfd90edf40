package org.saath.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.saath.nlu.Language;

/**
 * Reply templates for every supported language, loaded from {@code lang/<language>/templates.yaml} on the classpath.
 * Every language must have exactly the same template ids and words as English, so no reply can fall back to a
 * language the person did not write in; a mismatch stops the start naming the file and the ids.
 */
public final class Templates {

    /** Ids the pipeline itself uses, beyond those named by rules. */
    public static final Set<String> SYSTEM_IDS = Set.of("privacy_notice", "escalation_opened", "no_open_line",
            "consent_question", "counsellor_joined", "counsellor_left", "counsellor_unavailable");

    /** One template: the text, an optional intro said before the helplines, and whether helplines lead. */
    public record Template(String text, String intro, @JsonProperty("lines-first") boolean linesFirst) {
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
                throw new TemplateException(name + " does not have the same templates and words as "
                        + fileName(Language.EN) + " (missing " + diff + ")");
            }
            file.getValue().templates().forEach((id, t) -> {
                if (t == null || t.text() == null || t.text().isBlank()) {
                    throw new TemplateException(name + ": template '" + id + "' has no text");
                }
            });
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
        return file(language).words().get(key);
    }

    private RawFile file(Language language) {
        return files.getOrDefault(language, files.get(Language.EN));
    }
}
