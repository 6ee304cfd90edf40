package org.saath.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.saath.nlu.Language;

/**
 * A clinician's review of one language's replies, as data: {@code lang/<code>/review.yaml} lists the method, dose and
 * lethality words no reply may contain, and the forms that address the person as a man or as a woman
 * ({@code person}) or speak of someone else as a man or a woman ({@code about}). {@link #check} refuses a templates
 * file that uses any of them where it must not: every text and word is method-free; a neutral text uses no gendered
 * form of address; a feminine form uses no masculine one and the reverse; a text about someone else (a third-person
 * template, its {@code about-her}/{@code about-him} forms) uses no pronoun of the other gender. Each entry is a
 * regular expression matched as a whole word, case-insensitively.
 */
final class TemplateReview {

    record Sides(List<String> masculine, List<String> feminine) {
    }

    record RawReview(@JsonProperty("method-words") List<String> methodWords,
                     Sides person, Sides about) {
    }

    /** A word or form found where it must not be. */
    record Finding(String where, String text, String word) {
        @Override
        public String toString() {
            return where + " has \"" + word + "\": " + text;
        }
    }

    /** One entry of a list: as written, and as matched. */
    private record Entry(String word, Pattern pattern) {
    }

    private static final String NOT_IN_A_WORD_BEFORE = "(?<![\\p{L}\\p{M}\\p{N}])";
    private static final String NOT_IN_A_WORD_AFTER = "(?![\\p{L}\\p{M}\\p{N}])";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<Entry> methods;
    private final List<Entry> personMasculine;
    private final List<Entry> personFeminine;
    private final List<Entry> aboutMasculine;
    private final List<Entry> aboutFeminine;

    private TemplateReview(RawReview raw) {
        this.methods = compile(raw.methodWords());
        this.personMasculine = compile(raw.person() == null ? null : raw.person().masculine());
        this.personFeminine = compile(raw.person() == null ? null : raw.person().feminine());
        this.aboutMasculine = compile(raw.about() == null ? null : raw.about().masculine());
        this.aboutFeminine = compile(raw.about() == null ? null : raw.about().feminine());
    }

    static TemplateReview loadFromClasspath(Language language) {
        String name = "lang/" + language.code() + "/review.yaml";
        try (InputStream in = TemplateReview.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new TemplateException(name + " is missing from the classpath");
            }
            RawReview raw = YAML.readValue(in, RawReview.class);
            if (raw == null || raw.methodWords() == null || raw.methodWords().isEmpty()) {
                throw new TemplateException(name + ": no method-words");
            }
            return new TemplateReview(raw);
        } catch (IOException e) {
            throw new TemplateException(name + ": " + e.getMessage());
        }
    }

    private static List<Entry> compile(List<String> entries) {
        List<Entry> out = new ArrayList<>();
        if (entries != null) {
            for (String entry : entries) {
                String regex = NOT_IN_A_WORD_BEFORE + "(?:" + withoutVowelMarks(entry) + ")" + NOT_IN_A_WORD_AFTER;
                out.add(new Entry(entry, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
            }
        }
        return out;
    }

    /** Stops the start naming the file, template and word when {@code file} breaks the review. */
    void check(String name, Templates.RawFile file) {
        List<Finding> findings = findings(name, file);
        if (!findings.isEmpty()) {
            throw new TemplateException(findings.get(0).toString()
                    + (findings.size() > 1 ? " (and " + (findings.size() - 1) + " more)" : ""));
        }
    }

    /** Everything in {@code file} that breaks the review, one finding each. */
    List<Finding> findings(String name, Templates.RawFile file) {
        List<Finding> out = new ArrayList<>();
        file.words().forEach((key, word) -> out.addAll(neutral(name + " word '" + key + "'", word)));
        file.templates().forEach((id, t) -> review(out, name + " template '" + id + "'", id, t));
        return out;
    }

    /**
     * What breaks the review in {@code text}, said as it is to anyone (a guide's step, a word): method words, and
     * forms that address the person as a man or a woman.
     */
    List<Finding> neutral(String where, String text) {
        List<Finding> out = new ArrayList<>();
        scan(out, where, text, methods);
        scan(out, where, text, personMasculine);
        scan(out, where, text, personFeminine);
        return out;
    }

    private void review(List<Finding> out, String where, String id, Templates.Template t) {
        List<String> neutral = new ArrayList<>(t.texts());
        Optional.ofNullable(t.intro()).ifPresent(neutral::add);
        Optional.ofNullable(t.noLines()).ifPresent(neutral::add);
        boolean aboutSomeone = id.endsWith("third_person") || t.aboutHer() != null || t.aboutHim() != null;
        for (String text : neutral) {
            scan(out, where, text, methods);
            scan(out, where, text, personMasculine);
            scan(out, where, text, personFeminine);
            if (aboutSomeone) {
                scan(out, where, text, aboutMasculine);
                scan(out, where, text, aboutFeminine);
            }
        }
        for (Map.Entry<String, Templates.Form> form : t.forms().entrySet()) {
            String at = where + " form '" + form.getKey() + "'";
            for (String text : form.getValue().all()) {
                scan(out, at, text, methods);
                switch (form.getKey()) {
                    case "feminine" -> scan(out, at, text, personMasculine);
                    case "masculine" -> scan(out, at, text, personFeminine);
                    case "about-her" -> {
                        scan(out, at, text, aboutMasculine);
                        scan(out, at, text, personMasculine);
                        scan(out, at, text, personFeminine);
                    }
                    default -> {
                        scan(out, at, text, aboutFeminine);
                        scan(out, at, text, personMasculine);
                        scan(out, at, text, personFeminine);
                    }
                }
            }
        }
    }

    private static void scan(List<Finding> out, String where, String text, List<Entry> patterns) {
        String bare = withoutVowelMarks(text);
        for (Entry e : patterns) {
            if (e.pattern().matcher(bare).find()) {
                out.add(new Finding(where, text, e.word()));
            }
        }
    }

    /** Arabic vowel marks and shadda removed: «اتصلْ» is read as «اتصل», whatever the template writes. */
    static String withoutVowelMarks(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '\u064B' && c <= '\u065F') && c != '\u0670') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
