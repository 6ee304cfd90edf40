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
import org.saath.nlu.Gender;
import org.saath.nlu.Language;

/**
 * Reply templates for every supported language, loaded from {@code lang/<language>/templates.yaml} on the classpath.
 * Every language must have exactly the same template ids and words as English, the same number of variants for each
 * template and a {@code no-lines} text where English has one, so no reply can fall back to a language the person did
 * not write in; a mismatch stops the start naming the file and the ids. Placeholders: {@value #EMERGENCY} (the
 * country's emergency numbers), {@value #HEARD} (what the person told, in their terms), {@value #DANGER} ("if you
 * are in danger, call …", unless just said), {@value #HANDOFF} (whether a counsellor was asked) and
 * {@value #RETENTION} (how long chats are kept).
 *
 * <p>A template's text is gender-neutral; where a language reads more naturally with gendered forms, it may add
 * {@code feminine}/{@code masculine} forms (said when the person's own words marked their gender) and
 * {@code about-her}/{@code about-him} forms (said about someone the person wrote about). Every text and word is
 * checked at load against the language's {@code review.yaml}: no method, dose or lethality word anywhere, no form
 * that addresses the person as a man or a woman in a neutral text, none of the other gender in a gendered form.
 */
public final class Templates {

    /** Ids the pipeline itself uses, beyond those named by rules. */
    public static final Set<String> SYSTEM_IDS = Set.of("privacy_notice", "privacy_notice_short", "escalation_opened",
            "escalation_opened_alone", "no_counsellor", "no_counsellor_none_open", "human_unavailable",
            "human_unavailable_none_open", "consent_question", "counsellor_joined", "counsellor_left", "chat_ended",
            "counsellor_transferred",
            "counsellor_unavailable", "crisis", "crisis_imminent", "crisis_third_person",
            "crisis_third_person_imminent");

    /** Where the country's emergency numbers go in a text. */
    public static final String EMERGENCY = "{emergency}";
    /** Where the acknowledgement of what the person said goes ("Thank you for telling me you want to die."). */
    public static final String HEARD = "{heard}";
    /** Where the retention period goes ("90 days"). */
    public static final String RETENTION = "{retention}";
    /** Where a crisis reply says whether a counsellor was asked (empty on turns that opened no escalation). */
    public static final String HANDOFF = "{handoff}";
    /**
     * Where a crisis reply says "If you are in danger, call …" (the word {@code danger}); left out when the lines'
     * intro has just said it, so no reply says it twice.
     */
    public static final String DANGER = "{danger}";
    /** Where a country's way to reach the emergency number without speaking goes ("999, then 55"), if it has one. */
    public static final String SILENT = "{silent}";
    /** Where what calling each listed line costs goes, as far as the directory knows ("Umang: free"). */
    public static final String COSTS = "{costs}";
    /** Where the name of the country whose numbers a reply gives goes ({@code country_guessed}). */
    public static final String COUNTRY = "{country}";
    /**
     * Where an emergency reply's first step for the body goes: the word {@code first-aid}, or
     * {@code first-aid-bleeding}, {@code first-aid-height}, {@code first-aid-place}, {@code first-aid-weapon} where the
     * words of the message or of the two before it tell of bleeding, a height, a place of danger or a weapon in hand
     * (cues section {@code first-aid}); each may have a {@code -feminine} and {@code -masculine} form.
     */
    public static final String FIRST_AID = "{first-aid}";
    private static final Set<String> PLACEHOLDERS = Set.of(EMERGENCY, HEARD, RETENTION, HANDOFF, DANGER, SILENT,
            COSTS, COUNTRY, FIRST_AID);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z-]+}");
    /** The ending of a word's form for a gender ({@link #word(String, Language, Gender)}). */
    private static final Pattern GENDERED_FORM = Pattern.compile("-(feminine|masculine)$");

    /**
     * {@code text} with {@code placeholder} replaced by {@code words}; with nothing to say ({@code words} empty) the
     * placeholder goes with the space beside it, so no sentence is left with a double or trailing space.
     */
    static String put(String text, String placeholder, String words) {
        if (!words.isEmpty()) {
            return text.replace(placeholder, words);
        }
        return text.replace(placeholder + " ", "").replace(" " + placeholder, "").replace(placeholder, "");
    }

    /**
     * One template: the text and its {@code variants} (said instead when the same reply would otherwise come twice
     * in a row), an optional intro said before the helplines, whether helplines lead ({@code lines-first}), whether
     * the emergency numbers lead them ({@code emergency-first}), and the text to say instead when the person's
     * country has no line for the need ({@code no-lines}; only where the text itself speaks of lines).
     */
    public record Template(String text, String intro, @JsonProperty("lines-first") boolean linesFirst,
                           @JsonProperty("emergency-first") boolean emergencyFirst, List<String> variants,
                           @JsonProperty("no-lines") String noLines, Form feminine, Form masculine,
                           @JsonProperty("about-her") Form aboutHer, @JsonProperty("about-him") Form aboutHim,
                           String guide) {

        public Template {
            variants = variants == null ? List.of() : List.copyOf(variants);
        }

        /** A template with no gendered forms and no guide. */
        public Template(String text, String intro, boolean linesFirst, boolean emergencyFirst, List<String> variants,
                        String noLines) {
            this(text, intro, linesFirst, emergencyFirst, variants, noLines, null, null, null, null, null);
        }

        /** The text and its variants, in order. */
        public List<String> texts() {
            List<String> all = new ArrayList<>();
            all.add(text);
            all.addAll(variants);
            return all;
        }

        /**
         * This template as said to a person whose words marked {@code person}, about someone marked {@code other}:
         * the form about them where there is one and their gender is known, else the form for the person's own
         * gender, else the neutral text. A form's missing parts fall back to the neutral ones.
         */
        public Template in(Gender person, Gender other) {
            Form form = other == Gender.FEMININE ? aboutHer : other == Gender.MASCULINE ? aboutHim : null;
            if (form == null) {
                form = person == Gender.FEMININE ? feminine : person == Gender.MASCULINE ? masculine : null;
            }
            if (form == null) {
                return this;
            }
            return new Template(or(form.text(), text), or(form.intro(), intro), linesFirst, emergencyFirst,
                    form.variants().isEmpty() ? variants : form.variants(), or(form.noLines(), noLines), null, null,
                    null, null, guide);
        }

        /** The gendered forms present, by their key in the file. */
        Map<String, Form> forms() {
            Map<String, Form> out = new java.util.LinkedHashMap<>();
            if (feminine != null) {
                out.put("feminine", feminine);
            }
            if (masculine != null) {
                out.put("masculine", masculine);
            }
            if (aboutHer != null) {
                out.put("about-her", aboutHer);
            }
            if (aboutHim != null) {
                out.put("about-him", aboutHim);
            }
            return out;
        }

        private static String or(String value, String fallback) {
            return value != null ? value : fallback;
        }
    }

    /** A gendered form of a template: any of its parts; the ones left out are the neutral template's. */
    public record Form(String text, String intro, List<String> variants, @JsonProperty("no-lines") String noLines) {

        public Form {
            variants = variants == null ? List.of() : List.copyOf(variants);
        }

        List<String> all() {
            List<String> out = new ArrayList<>();
            out.add(text);
            out.add(intro);
            out.addAll(variants);
            out.add(noLines);
            return out.stream().filter(Objects::nonNull).toList();
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
        for (Language language : Language.supported()) {
            TemplateReview.loadFromClasspath(language).check(fileName(language), files.get(language));
        }
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
            // a word's gendered forms ("first-aid-feminine") are a language's own, beside the word every file has
            Set<String> ownWords = new TreeSet<>(file.getValue().words().keySet());
            ownWords.removeIf(w -> GENDERED_FORM.matcher(w).find()
                    && en.words().containsKey(GENDERED_FORM.matcher(w).replaceAll("")));
            if (!file.getValue().templates().keySet().equals(en.templates().keySet())
                    || !ownWords.equals(en.words().keySet())) {
                Set<String> diff = new TreeSet<>(en.templates().keySet());
                diff.removeAll(file.getValue().templates().keySet());
                Set<String> words = new TreeSet<>(en.words().keySet());
                words.removeAll(ownWords);
                Set<String> extra = new TreeSet<>(ownWords);
                extra.removeAll(en.words().keySet());
                throw new TemplateException(name + " does not have the same templates and words as "
                        + fileName(Language.EN) + " (missing " + diff + ", words " + words + ", words not in it "
                        + extra + ")");
            }
            file.getValue().templates().forEach((id, t) -> check(name, id, t, en.templates().get(id)));
        }
    }

    private static void check(String file, String id, Template t, Template en) {
        if (t == null || t.text() == null || t.text().isBlank() || t.variants().stream().anyMatch(String::isBlank)) {
            throw new TemplateException(file + ": template '" + id + "' has no text");
        }
        if (t.variants().size() != en.variants().size() || (t.noLines() == null) != (en.noLines() == null)
                || t.emergencyFirst() != en.emergencyFirst() || t.linesFirst() != en.linesFirst()
                || !Objects.equals(t.guide(), en.guide())) {
            throw new TemplateException(file + ": template '" + id + "' differs in shape from English (variants, "
                    + "no-lines, lines-first, emergency-first or guide)");
        }
        t.forms().forEach((key, form) -> {
            if (!form.variants().isEmpty() && form.variants().size() != t.variants().size()) {
                throw new TemplateException(file + ": template '" + id + "' form '" + key + "' has "
                        + form.variants().size() + " variants, the neutral text " + t.variants().size());
            }
        });
        List<String> texts = new ArrayList<>(t.texts());
        texts.add(t.intro());
        texts.add(t.noLines());
        t.forms().values().forEach(f -> texts.addAll(f.all()));
        for (String text : texts.stream().filter(Objects::nonNull).toList()) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!PLACEHOLDERS.contains(m.group())) {
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

    /** The word {@code key} in its form for {@code gender} where the file has one ({@code key-feminine}). */
    public String word(String key, Language language, Gender gender) {
        String form = gender.code() == null ? null : file(language).words().get(key + "-" + gender.code());
        return form != null ? form : word(key, language);
    }

    /** The file of {@code language} as read ({@code other} uses English), for the review of what Saath says. */
    RawFile file(Language language) {
        return files.getOrDefault(language, files.get(Language.EN));
    }
}
