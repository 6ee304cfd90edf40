package org.saath.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.saath.helpline.SaidCountry;
import org.saath.nlu.Language;
import org.saath.nlu.NormalisedText;
import org.saath.nlu.TextNormaliser;

/**
 * Where a person's own words say they are, from every language's {@code lang/<code>/places.yaml}: frames in the
 * first person ("i live in [place]", "[place] mein rehti hoon", «انا ساكنة في [place]»), each with a slot for a
 * place's name or its people's ("i'm [people]"), and the names of each country's places. Only the person's own
 * present place counts: "my brother lives in Dubai", "I used to live in Dubai" and "I don't live in Dubai" fit no
 * frame. When a message fits several frames, where the person is (or asks for lines) beats where they are from, and
 * the last one said wins. Lines asked in a message that fits an {@code others} phrase ("for my sister") are asked
 * for someone else. Immutable and thread-safe.
 *
 * <p>A frame is words, {@code {a|b c|}} choices as in {@code commands.yaml} (an empty one lets the words be left out;
 * not in the first choice), one {@code [place]} or {@code [people]} slot, the country it tells, and any number of
 * {@code [any]} slots: any place's name, telling nothing ("from [any] but living in [place]"). An {@code others}
 * phrase is written the same way, with no slot. The choices are tried as they come, not spelled out at load. Every language's frames are tried
 * with every language's names, so code-mixed messages ("main Dubai mein hoon") are read too.
 */
public final class Places {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PART = Pattern.compile("\\{([^}]*)}|\\[(place|people|any)]|[^\\s{}\\[\\]]+");
    /** The sections of a {@code places.yaml} that hold frames, and what their frames tell. */
    private static final Map<String, SaidCountry.How> FRAMES = Map.of("here", SaidCountry.How.HERE,
            "asks", SaidCountry.How.ASKED, "from", SaidCountry.How.FROM);

    /** One place's name as tokens, and its country. */
    private record Name(List<String> tokens, String country) {
    }

    /** One step of a frame: words (one of the alternatives), or a name of the given kind. */
    private record Slot(List<List<String>> alternatives, String names) {
    }

    /** A frame, and what it tells ({@code how} is null for an {@code others} phrase). */
    private record Frame(List<Slot> slots, SaidCountry.How how) {
    }

    /** A frame fitted at a token: where it starts, and what it said. */
    private record Fit(int at, SaidCountry said) {
    }

    private final TextNormaliser normaliser;
    /** {@code place} and {@code people} names by their first token. */
    private final Map<String, Map<String, List<Name>>> names;
    /** The frames, and the {@code others} phrases, by a first token they may start with. */
    private final Map<String, List<Frame>> byFirstWord = new HashMap<>();
    private final Map<String, List<Frame>> othersByFirstWord = new HashMap<>();

    private Places(TextNormaliser normaliser, Map<String, Map<String, List<Name>>> names, List<Frame> frames) {
        this.normaliser = normaliser;
        this.names = names;
        for (Frame frame : frames) {
            for (String first : firstWords(frame.slots().get(0))) {
                (frame.how() == null ? othersByFirstWord : byFirstWord)
                        .computeIfAbsent(first, w -> new ArrayList<>()).add(frame);
            }
        }
    }

    public static Places loadFromClasspath(TextNormaliser normaliser) {
        List<String> files = Language.supported().stream().map(l -> "lang/" + l.code() + "/places.yaml").toList();
        Map<String, InputStream> streams = new LinkedHashMap<>();
        for (String file : files) {
            streams.put(file, Places.class.getClassLoader().getResourceAsStream(file));
        }
        return load(normaliser, streams);
    }

    /** The frames and names of {@code files} (name → content); a file that is missing or wrong stops the load. */
    static Places load(TextNormaliser normaliser, Map<String, InputStream> files) {
        Map<String, Map<String, List<Name>>> names = Map.of("place", new HashMap<>(), "people", new HashMap<>());
        Map<String, String> seen = new HashMap<>();                    // every name's country, to refuse a clash
        List<Frame> frames = new ArrayList<>();
        files.forEach((file, in) -> {
            Map<String, Object> raw = read(file, in);
            raw.forEach((section, value) -> {
                if (FRAMES.containsKey(section) || section.equals("others")) {
                    for (String frame : strings(file, section, value)) {
                        frames.add(frame(normaliser, file, frame, FRAMES.get(section)));
                    }
                } else if (section.equals("places")) {
                    readNames(normaliser, file, value, names, seen);
                } else {
                    throw new TemplateException(file + ": unknown section '" + section + "'");
                }
            });
        });
        return new Places(normaliser, names, frames);
    }

    /** Where {@code text}'s words say the person is, or is from. */
    public Optional<SaidCountry> find(String text) {
        return find(normaliser.normalise(text));
    }

    /** As {@link #find(String)}, for a message already normalised. */
    public Optional<SaidCountry> find(NormalisedText text) {
        List<String> tokens = text.tokens();
        Fit here = null;
        Fit from = null;
        for (int i = 0; i < tokens.size(); i++) {
            for (Frame frame : byFirstWord.getOrDefault(tokens.get(i), List.of())) {
                Optional<String> country = fit(tokens, frame.slots(), 0, i, null);
                if (country.isPresent()) {
                    Fit fit = new Fit(i, new SaidCountry(country.get(), frame.how()));
                    if (fit.said().isHere()) {
                        here = fit;             // the last one said wins: i starts later each time
                    } else {
                        from = fit;
                    }
                }
            }
        }
        Optional<SaidCountry> said = Optional.ofNullable(here != null ? here : from).map(Fit::said);
        return said.filter(s -> s.how() == SaidCountry.How.ASKED).isPresent() && forSomeoneElse(tokens)
                ? said.map(SaidCountry::askedForSomeone) : said;
    }

    /** Whether an {@code others} phrase occurs: "for my sister", "meri behan ke liye", «لأختي». */
    private boolean forSomeoneElse(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            for (Frame phrase : othersByFirstWord.getOrDefault(tokens.get(i), List.of())) {
                if (fits(tokens, phrase.slots(), 0, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the words of {@code slots} from {@code slot} on fit the tokens from {@code at} (no name slots). */
    private static boolean fits(List<String> tokens, List<Slot> slots, int slot, int at) {
        if (slot == slots.size()) {
            return true;
        }
        for (List<String> words : slots.get(slot).alternatives()) {
            if (startsAt(tokens, words, at) && fits(tokens, slots, slot + 1, at + words.size())) {
                return true;
            }
        }
        return false;
    }

    /** The country named if slots {@code slot}… fit the tokens from {@code at}. */
    private Optional<String> fit(List<String> tokens, List<Slot> slots, int slot, int at, String country) {
        if (slot == slots.size()) {
            return Optional.ofNullable(country);
        }
        Slot step = slots.get(slot);
        if (step.names() == null) {
            for (List<String> words : step.alternatives()) {
                if (startsAt(tokens, words, at)) {
                    Optional<String> rest = fit(tokens, slots, slot + 1, at + words.size(), country);
                    if (rest.isPresent()) {
                        return rest;
                    }
                }
            }
            return Optional.empty();
        }
        if (at >= tokens.size()) {
            return Optional.empty();
        }
        boolean tells = !step.names().equals("any");
        for (Name name : names.get(tells ? step.names() : "place").getOrDefault(tokens.get(at), List.of())) {
            if (startsAt(tokens, name.tokens(), at)) {
                Optional<String> rest = fit(tokens, slots, slot + 1, at + name.tokens().size(),
                        tells ? name.country() : country);
                if (rest.isPresent()) {
                    return rest;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean startsAt(List<String> tokens, List<String> words, int at) {
        return at + words.size() <= tokens.size() && tokens.subList(at, at + words.size()).equals(words);
    }

    private List<String> firstWords(Slot slot) {
        if (slot.names() != null) {
            return List.copyOf(names.get(slot.names().equals("any") ? "place" : slot.names()).keySet());
        }
        return slot.alternatives().stream().map(words -> words.get(0)).distinct().toList();
    }

    private static Frame frame(TextNormaliser normaliser, String file, String raw, SaidCountry.How how) {
        List<Slot> slots = new ArrayList<>();
        int nameSlots = 0;
        Matcher part = PART.matcher(raw);
        while (part.find()) {
            if (part.group(2) != null) {
                slots.add(new Slot(List.of(), part.group(2)));
                nameSlots += part.group(2).equals("any") ? 0 : 1;
            } else {
                List<List<String>> alternatives = new ArrayList<>();
                String group = part.group(1) != null ? part.group(1) : part.group();
                for (String alternative : group.split("\\|", -1)) {
                    alternatives.add(normaliser.normalise(alternative).tokens());
                }
                if (alternatives.stream().allMatch(List::isEmpty)) {
                    throw new TemplateException(file + ": frame '" + raw + "' has a part with no words");
                }
                slots.add(new Slot(alternatives, null));
            }
        }
        if (how == null ? slots.stream().anyMatch(step -> step.names() != null) : nameSlots != 1) {
            throw new TemplateException(file + ": frame '" + raw + (how == null
                    ? "' is an others phrase, which names no place" : "' needs exactly one [place] or [people]"));
        }
        if (slots.get(0).names() == null && slots.get(0).alternatives().stream().anyMatch(List::isEmpty)) {
            throw new TemplateException(file + ": frame '" + raw + "' may not start with words that may be left out");
        }
        return new Frame(List.copyOf(slots), how);
    }

    /** {@code places: {AE: {place: [dubai, …], people: [emirati, …]}, …}}; a name given two countries stops the load. */
    @SuppressWarnings("unchecked")
    private static void readNames(TextNormaliser normaliser, String file, Object value,
                                  Map<String, Map<String, List<Name>>> names, Map<String, String> seen) {
        if (!(value instanceof Map<?, ?> countries)) {
            throw new TemplateException(file + ": places must map country codes to their names");
        }
        countries.forEach((code, kinds) -> {
            String country = String.valueOf(code);
            if (!country.matches("[A-Z]{2}") || !(kinds instanceof Map<?, ?>)) {
                throw new TemplateException(file + ": places." + country + " is not a two-letter country code with "
                        + "place and people names");
            }
            ((Map<String, Object>) kinds).forEach((kind, list) -> {
                if (!names.containsKey(kind)) {
                    throw new TemplateException(file + ": places." + country + " has unknown kind '" + kind + "'");
                }
                for (String said : strings(file, "places." + country + "." + kind, list)) {
                    for (List<String> tokens : spellings(normaliser, said)) {
                        String key = kind + " " + String.join(" ", tokens);
                        String before = seen.putIfAbsent(key, country);
                        if (before != null && !before.equals(country)) {
                            throw new TemplateException(file + ": '" + said + "' names both " + before + " and "
                                    + country);
                        }
                        if (before == null) {
                            names.get(kind).computeIfAbsent(tokens.get(0), t -> new ArrayList<>())
                                    .add(new Name(tokens, country));
                        }
                    }
                }
            });
        });
    }

    /**
     * A name as it may be written: in Arabic script also with "in" or "to" joined to it (بمصر، بالرياض، لمصر،
     * للأردن), as Arabic writes them.
     */
    private static List<List<String>> spellings(TextNormaliser normaliser, String said) {
        List<String> tokens = normaliser.normalise(said).tokens();
        if (tokens.isEmpty()) {
            throw new TemplateException("a place name with no words: '" + said + "'");
        }
        List<List<String>> out = new ArrayList<>(List.of(tokens));
        String first = tokens.get(0);
        if (first.codePointAt(0) >= 0x0600 && first.codePointAt(0) <= 0x06FF) {
            for (String joined : List.of("ب" + first, first.startsWith("ال") ? "ل" + first.substring(1) : "ل" + first)) {
                List<String> spelled = new ArrayList<>(tokens);
                spelled.set(0, joined);
                out.add(spelled);
            }
        }
        return out;
    }

    private static List<String> strings(String file, String where, Object value) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new TemplateException(file + ": " + where + " must be a list of phrases");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static Map<String, Object> read(String name, InputStream stream) {
        if (stream == null) {
            throw new TemplateException(name + " is missing from the classpath");
        }
        try (InputStream in = stream) {
            Map<String, Object> raw = YAML.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() { });
            return raw == null ? Map.of() : raw;
        } catch (IOException e) {
            throw new TemplateException(name + ": " + e.getMessage());
        }
    }
}
