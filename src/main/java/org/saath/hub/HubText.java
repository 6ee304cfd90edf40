package org.saath.hub;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.saath.config.ConfigException;
import org.saath.nlu.Language;

/**
 * The help hub's own words, from {@code lang/<language>/hub.yaml}: every language has the same words and a name and
 * an intro for every topic, or the start stops naming the file and what is missing.
 */
public final class HubText {

    /** A topic's name and one line about it. */
    public record TopicWords(String name, String intro) {
    }

    record RawFile(Map<String, String> words, Map<String, TopicWords> topics) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<Language, RawFile> files;

    private HubText(Map<Language, RawFile> files) {
        this.files = files;
    }

    public static HubText loadFromClasspath(Collection<String> topicIds) {
        Map<Language, RawFile> files = new EnumMap<>(Language.class);
        for (Language language : Language.supported()) {
            String name = fileName(language);
            try (InputStream in = HubText.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new ConfigException(name + " is missing from the jar");
                }
                RawFile raw = YAML.readValue(in, RawFile.class);
                if (raw == null || raw.words() == null || raw.topics() == null) {
                    throw new ConfigException(name + ": needs 'words' and 'topics'");
                }
                files.put(language, raw);
            } catch (IOException e) {
                throw new ConfigException(name + ": " + e.getMessage(), e);
            }
        }
        Set<String> words = files.get(Language.EN).words().keySet();
        files.forEach((language, file) -> {
            Set<String> missing = new TreeSet<>(words);
            missing.removeAll(file.words().keySet());
            Set<String> extra = new TreeSet<>(file.words().keySet());
            extra.removeAll(words);
            Set<String> topics = new TreeSet<>(topicIds);
            topics.removeIf(id -> file.topics().get(id) != null && !blank(file.topics().get(id)));
            if (!missing.isEmpty() || !extra.isEmpty() || !topics.isEmpty()
                    || file.words().values().stream().anyMatch(w -> w == null || w.isBlank())) {
                throw new ConfigException(fileName(language) + " must have every word of " + fileName(Language.EN)
                        + " and no other, none blank (missing " + missing + ", unknown " + extra
                        + "), and a name and intro for every topic (missing " + topics + ")");
            }
        });
        return new HubText(files);
    }

    private static boolean blank(TopicWords t) {
        return t.name() == null || t.name().isBlank() || t.intro() == null || t.intro().isBlank();
    }

    /** The word {@code key} in {@code language}. */
    public String word(String key, Language language) {
        String word = file(language).words().get(key);
        if (word == null) {
            throw new IllegalArgumentException("unknown hub word '" + key + "'");
        }
        return word;
    }

    public TopicWords topic(String id, Language language) {
        TopicWords topic = file(language).topics().get(id);
        if (topic == null) {
            throw new IllegalArgumentException("unknown hub topic '" + id + "'");
        }
        return topic;
    }

    private RawFile file(Language language) {
        return files.getOrDefault(language, files.get(Language.EN));
    }

    private static String fileName(Language language) {
        return "lang/" + language.code() + "/hub.yaml";
    }
}
