package org.saath.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * How one language is recognised, from its folder's {@code lang/<code>/language.yaml}: the script it is written in,
 * whether it is the default among that script's languages, letters that mark it (strong: only it uses them; weak:
 * it uses them more) and its common function words; the words it is written with in Latin letters, for a language of
 * another script ({@code latinWords}: Arabic's Arabizi, "rani", "bghit", "kayderbni"); and the countries where people
 * write it ({@code countries}, empty: anywhere), for a deployment's default country.
 */
public record LanguageProfile(Language language, Script script, boolean defaultForScript, String strongLetters,
                              String weakLetters, Set<String> words, Set<String> latinWords, Set<String> countries) {

    /** Whether people write this language in {@code country}: always, when the file names no countries. */
    public boolean writtenIn(String country) {
        return countries.isEmpty() || countries.contains(country);
    }

    /** The scripts Saath tells apart. */
    public enum Script { LATIN, ARABIC }

    private record File(String script, @JsonProperty("default-for-script") boolean defaultForScript,
                        @JsonProperty("strong-letters") String strongLetters,
                        @JsonProperty("weak-letters") String weakLetters, List<String> words,
                        @JsonProperty("latin-words") List<String> latinWords, List<String> countries) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Every supported language's profile; a missing or malformed file fails naming it. */
    public static List<LanguageProfile> loadFromClasspath() {
        List<LanguageProfile> profiles = new ArrayList<>();
        for (Language language : Language.supported()) {
            String name = "lang/" + language.code() + "/language.yaml";
            try (InputStream in = LanguageProfile.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is missing from the jar");
                }
                File f = YAML.readValue(in, File.class);
                Script script = Script.valueOf(f.script().trim().toUpperCase(java.util.Locale.ROOT));
                profiles.add(new LanguageProfile(language, script, f.defaultForScript(),
                        f.strongLetters() == null ? "" : f.strongLetters(),
                        f.weakLetters() == null ? "" : f.weakLetters(), Set.copyOf(f.words()),
                        f.latinWords() == null ? Set.of() : Set.copyOf(f.latinWords()),
                        f.countries() == null ? Set.of() : Set.copyOf(f.countries())));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(name + ": " + e.getMessage(), e);
            }
        }
        return profiles;
    }
}
