package org.saath.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * place's name or its people's ("i'm [people]"), and the names of each country's places. "I used to live in Dubai"
 * and "I don't live in Dubai" fit no frame of where the person is ("I don't live in Dubai" fits a {@code not-here}
 * frame, {@link SaidCountry.How#NOT_HERE}); "my brother lives in Dubai" fits only a {@code there} frame, someone
 * else's present place ({@link SaidCountry.How#THERE}). When a message fits several frames, where the person is (or
 * asks for lines) beats where they are not, which beats where they are from; of the person's own, the last one said
 * wins; where someone else is is read apart, the first one said. Lines asked in a message that fits an {@code others}
 * phrase ("for my sister") are asked for someone else. Immutable and thread-safe.
 *
 * <p>A frame is words and {@code {a|b c|}} choices as in {@code commands.yaml} (an empty choice lets the words be
 * left out), one {@code [place]} or {@code [people]} slot (the country it tells), and any of: {@code [place-in]}, a
 * place's name with "in" joined to it in Arabic script (بدبي، فالرياض); {@code [any]} and {@code [any-people]}, a
 * place's or a people's name that tells nothing ("from [any] but living in [place]", "[any-people] guy in
 * [place]"); {@code *}, any one word of the same clause that is not one of its file's {@code gap-stops} ("[place]
 * mein * * hun" reads "Jeddah mein driver hun", not "Jeddah mein hai aur main … hun"); {@code ^} and {@code $}, the
 * start and end of a clause. A frame may not start with {@code *} (it is found by the word or name it starts with);
 * an Arabic frame's first word is also found with "and" or "so" joined to it (وانا ساكنة). A file's {@code words}
 * names choices a frame writes as {@code {<name>}} or {@code {|<name>}}. An {@code others} phrase is written the
 * same way, with no slot. The choices are tried as they come, not spelled out at load. Every language's frames are
 * tried with every language's names, so code-mixed messages ("main Dubai mein hoon") are read too.
 */
public final class Places {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PART =
            Pattern.compile("\\{([^}]*)}|\\[(place|place-in|people|any|any-people)]|[^\\s{}\\[\\]]+");
    /** The sections of a {@code places.yaml} that hold frames, and what their frames tell. */
    private static final Map<String, SaidCountry.How> FRAMES = Map.of("here", SaidCountry.How.HERE,
            "asks", SaidCountry.How.ASKED, "from", SaidCountry.How.FROM, "there", SaidCountry.How.THERE,
            "not-here", SaidCountry.How.NOT_HERE);
    private static final String ANY_WORD = "*";
    private static final Pattern NAMED = Pattern.compile("<([\\w-]+)>");
    /** The "in" Arabic joins to a name: بدبي, and فالرياض in the Maghreb ("to", للأردن, is a spelling, not "in"). */
    private static final List<String> JOINED_IN = List.of("ب", "ف");

    /** What a frame that fits tells, and the token after its last one. */
    private record Fit(String country, int end) {
    }

    /**
     * What a message's words tell of places: the person's own ({@code said}: where they are, the lines they ask for,
     * or where they are from), where someone else is ({@code there}), and whether the message says nothing but the
     * person's own present place ({@code alone}: every word outside its frames is one of the files' {@code filler}
     * words, "hi", "now", «حاليا»); and lines asked for another country than the one the person says they are in
     * ({@code askedElsewhere}: "what's the suicide helpline number in Pakistan? my friend in Peshawar needs it, I'm
     * in Houston" had the United States' lines, the s51 QA pass), for this message only.
     */
    public record Reading(Optional<SaidCountry> said, Optional<SaidCountry> there,
                          Optional<SaidCountry> askedElsewhere, boolean alone) {

        /** The person's own place, else where someone else is. */
        public Optional<SaidCountry> any() {
            return said.or(() -> there);
        }
    }

    private static final Reading NOWHERE = new Reading(Optional.empty(), Optional.empty(), Optional.empty(), false);

    /** One place's name as tokens, its country, and whether "in" is joined to it. */
    private record Name(List<String> tokens, String country, boolean joinedIn) {
    }

    /** What one step of a frame matches. */
    private enum Step { WORDS, PLACE, PLACE_IN, PEOPLE, ANY_PLACE, ANY_PEOPLE, CLAUSE_START, CLAUSE_END }

    /** One step of a frame: for {@link Step#WORDS}, one of {@code alternatives} ({@code *} for any word). */
    private record Slot(Step step, List<List<String>> alternatives) {

        boolean tells() {
            return step == Step.PLACE || step == Step.PLACE_IN || step == Step.PEOPLE;
        }

        boolean consumes() {
            return step != Step.CLAUSE_START && step != Step.CLAUSE_END;
        }
    }

    /**
     * A frame, what it tells ({@code how} is null for an {@code others} phrase), and the words its {@code *} never
     * stands for (its file's {@code gap-stops}).
     */
    private record Frame(List<Slot> slots, SaidCountry.How how, Set<String> gapStops) {
    }

    private final TextNormaliser normaliser;
    /** Place names and people names by their first token. */
    private final Map<String, List<Name>> places;
    private final Map<String, List<Name>> people;
    /** The frames, and the {@code others} phrases, by a first token they may start with. */
    private final Map<String, List<Frame>> byFirstWord = new HashMap<>();
    private final Map<String, List<Frame>> othersByFirstWord = new HashMap<>();
    /** Words that say nothing beside a place ("hi", "now", «حاليا»): a message of a place and these says only it. */
    private final Set<String> filler;

    private Places(TextNormaliser normaliser, Map<String, List<Name>> places, Map<String, List<Name>> people,
                   List<Frame> frames, Set<String> filler) {
        this.normaliser = normaliser;
        this.places = places;
        this.people = people;
        this.filler = Set.copyOf(filler);
        for (Frame frame : frames) {
            for (String first : firstWords(frame)) {
                (frame.how() == null ? othersByFirstWord : byFirstWord)
                        .computeIfAbsent(first, w -> new ArrayList<>()).add(frame);
            }
        }
    }

    public static Places loadFromClasspath(TextNormaliser normaliser) {
        Map<String, InputStream> streams = new LinkedHashMap<>();
        for (Language language : Language.supported()) {
            String file = "lang/" + language.code() + "/places.yaml";
            streams.put(file, Places.class.getClassLoader().getResourceAsStream(file));
        }
        return load(normaliser, streams);
    }

    /** The frames and names of {@code files} (name → content); a file that is missing or wrong stops the load. */
    static Places load(TextNormaliser normaliser, Map<String, InputStream> files) {
        Map<String, List<Name>> places = new HashMap<>();
        Map<String, List<Name>> people = new HashMap<>();
        Map<String, String> seen = new HashMap<>();                    // every name's country, to refuse a clash
        List<Frame> frames = new ArrayList<>();
        Set<String> filler = new HashSet<>();
        files.forEach((file, in) -> {
            Map<String, Object> raw = read(file, in);
            Set<String> gapStops = new HashSet<>();
            if (raw.containsKey("gap-stops")) {
                strings(file, "gap-stops", raw.get("gap-stops"))
                        .forEach(w -> gapStops.addAll(normaliser.normalise(w).tokens()));
            }
            Map<String, String> named = named(file, raw.get("words"));
            raw.forEach((section, value) -> {
                if (FRAMES.containsKey(section) || section.equals("others")) {
                    for (String frame : strings(file, section, value)) {
                        frames.add(frame(normaliser, file, withNamed(file, frame, named), FRAMES.get(section),
                                Set.copyOf(gapStops)));
                    }
                } else if (section.equals("places")) {
                    readNames(normaliser, file, value, places, people, seen);
                } else if (section.equals("filler")) {
                    strings(file, section, value).forEach(w -> filler.addAll(normaliser.normalise(w).tokens()));
                } else if (!section.equals("gap-stops") && !section.equals("words")) {
                    throw new TemplateException(file + ": unknown section '" + section + "'");
                }
            });
        });
        // the longest name first: "london ontario" before "london"
        for (Map<String, List<Name>> names : List.of(places, people)) {
            names.values().forEach(list -> list.sort((a, b) -> b.tokens().size() - a.tokens().size()));
        }
        return new Places(normaliser, places, people, frames, filler);
    }

    /** A file's {@code words}: named choices, {@code I: "انا|أنا|…"}. */
    private static Map<String, String> named(String file, Object words) {
        Map<String, String> named = new HashMap<>();
        if (words == null) {
            return named;
        }
        if (!(words instanceof Map<?, ?> map) || !map.values().stream().allMatch(String.class::isInstance)) {
            throw new TemplateException(file + ": words must map names to choices such as \"a|b c\"");
        }
        map.forEach((name, choices) -> named.put(String.valueOf(name), (String) choices));
        return named;
    }

    /** {@code frame} with each {@code <name>} replaced by its choices. */
    private static String withNamed(String file, String frame, Map<String, String> named) {
        Matcher name = NAMED.matcher(frame);
        StringBuilder out = new StringBuilder();
        while (name.find()) {
            String choices = named.get(name.group(1));
            if (choices == null) {
                throw new TemplateException(file + ": frame '" + frame + "' names <" + name.group(1)
                        + ">, which words does not hold");
            }
            name.appendReplacement(out, Matcher.quoteReplacement(choices));
        }
        return name.appendTail(out).toString();
    }

    /** Where {@code text}'s words say the person is, or is from. */
    public Optional<SaidCountry> find(String text) {
        return find(normaliser.normalise(text));
    }

    /** As {@link #find(String)}, for a message already normalised. */
    public Optional<SaidCountry> find(NormalisedText text) {
        return read(text).any();
    }

    /** Where {@code text}'s words say the person is, and whether they say nothing else. */
    public Reading read(NormalisedText text) {
        List<String> tokens = text.tokens();
        if (!namesAny(tokens)) {
            return NOWHERE;                 // most messages name no place or people: no frame can fit
        }
        SaidCountry here = null;
        SaidCountry asked = null;
        SaidCountry from = null;
        SaidCountry there = null;
        SaidCountry notHere = null;
        boolean[] own = new boolean[tokens.size()];        // the words of the frames of the person's own place
        for (int i = 0; i < tokens.size(); i++) {
            for (NormalisedText read : readings(text, i)) {
                for (Frame frame : byFirstWord.getOrDefault(read.tokens().get(i), List.of())) {
                    Optional<Fit> fit = fit(read, frame, 0, i, null);
                    if (fit.isPresent()) {
                        SaidCountry said = new SaidCountry(fit.get().country(), frame.how());
                        if (frame.how() != SaidCountry.How.THERE) {
                            Arrays.fill(own, i, fit.get().end(), true);
                        }
                        if (said.how() == SaidCountry.How.ASKED) {
                            asked = said;
                        }
                        if (said.isHere()) {
                            here = said;        // the last one said wins: i starts later each time
                        } else if (said.how() == SaidCountry.How.FROM) {
                            from = said;
                        } else if (said.how() == SaidCountry.How.NOT_HERE) {
                            notHere = said;
                        } else if (there == null) {
                            there = said;       // the first someone named is most often the one it is about
                        }
                    }
                }
            }
        }
        // lines asked for one country by someone who says they are in another: the place is theirs, the lines asked
        // are for this message
        Optional<SaidCountry> askedElsewhere = Optional.empty();
        if (asked != null && here != null && here.how() == SaidCountry.How.HERE
                && !here.country().equals(asked.country())) {
            askedElsewhere = Optional.of(asked.askedForSomeone());
        }
        Optional<SaidCountry> said = Optional.ofNullable(here != null ? here : notHere != null ? notHere : from);
        if (said.filter(s -> s.how() == SaidCountry.How.ASKED).isPresent() && forSomeoneElse(text)) {
            said = said.map(SaidCountry::askedForSomeone);
        }
        boolean alone = said.filter(s -> s.how() == SaidCountry.How.HERE).isPresent() && there == null;
        for (int i = 0; alone && i < tokens.size(); i++) {
            alone = own[i] || filler.contains(tokens.get(i));
        }
        return new Reading(said, Optional.ofNullable(there), askedElsewhere, alone);
    }

    /**
     * Whether a place's or a people's name may start at one of {@code tokens}, as written or without an Arabic "and"
     * or "so" joined to it: every frame that fits has one.
     */
    private boolean namesAny(List<String> tokens) {
        for (String token : tokens) {
            if (startsAName(token) || TextNormaliser.withoutJoinedAnd(token).filter(this::startsAName).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private boolean startsAName(String token) {
        return places.containsKey(token) || people.containsKey(token);
    }

    /**
     * The message as read from token {@code i}: as written, and where an Arabic word there has "and" or "so" joined
     * to it (وعايشة في جدة، فانا بالرياض), also without it.
     */
    private List<NormalisedText> readings(NormalisedText text, int i) {
        Optional<String> unjoined = TextNormaliser.withoutJoinedAnd(text.tokens().get(i));
        if (unjoined.isEmpty() || !byFirstWord.containsKey(unjoined.get())) {
            return List.of(text);           // most such words start no frame: nothing to copy
        }
        List<String> tokens = new ArrayList<>(text.tokens());
        tokens.set(i, unjoined.get());
        return List.of(text, new NormalisedText(text.text(), tokens, text.clauseStarts()));
    }

    /** Whether an {@code others} phrase occurs: "for my sister", "meri behan ke liye", «لأختي». */
    private boolean forSomeoneElse(NormalisedText text) {
        List<String> tokens = text.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            for (Frame phrase : othersByFirstWord.getOrDefault(tokens.get(i), List.of())) {
                if (fit(text, phrase, 0, i, "").isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The country named, and where the fit ends, if the frame's slots {@code slot}… fit the tokens from {@code at};
     * {@code told} is what the slots before told (a phrase that tells nothing passes a non-null one in, so that a fit
     * shows as present).
     */
    private Optional<Fit> fit(NormalisedText text, Frame frame, int slot, int at, String told) {
        List<Slot> slots = frame.slots();
        if (slot == slots.size()) {
            return told == null ? Optional.empty() : Optional.of(new Fit(told, at));
        }
        List<String> tokens = text.tokens();
        Slot step = slots.get(slot);
        switch (step.step()) {
            case CLAUSE_START, CLAUSE_END -> {
                boolean edge = step.step() == Step.CLAUSE_START ? at == 0 : at == tokens.size();
                return edge || text.clauseStarts().contains(at) ? fit(text, frame, slot + 1, at, told)
                        : Optional.empty();
            }
            case WORDS -> {
                for (List<String> words : step.alternatives()) {
                    if (wordsAt(text, words, at, frame.gapStops())) {
                        Optional<Fit> rest = fit(text, frame, slot + 1, at + words.size(), told);
                        if (rest.isPresent()) {
                            return rest;
                        }
                    }
                }
                return Optional.empty();
            }
            default -> {
                if (at >= tokens.size()) {
                    return Optional.empty();
                }
                boolean ofPeople = step.step() == Step.PEOPLE || step.step() == Step.ANY_PEOPLE;
                for (Name name : (ofPeople ? people : places).getOrDefault(tokens.get(at), List.of())) {
                    if ((step.step() != Step.PLACE_IN || name.joinedIn()) && startsAt(tokens, name.tokens(), at)) {
                        Optional<Fit> rest = fit(text, frame, slot + 1, at + name.tokens().size(),
                                step.tells() ? name.country() : told);
                        if (rest.isPresent()) {
                            return rest;
                        }
                    }
                }
                return Optional.empty();
            }
        }
    }

    /** Whether {@code words} occur at {@code at}, a {@code *} standing for a word of the clause that is no stop. */
    private static boolean wordsAt(NormalisedText text, List<String> words, int at, Set<String> gapStops) {
        List<String> tokens = text.tokens();
        if (at + words.size() > tokens.size()) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            String token = tokens.get(at + i);
            boolean fits = words.get(i).equals(ANY_WORD)
                    ? !gapStops.contains(token) && !text.clauseStarts().contains(at + i) && at + i > 0
                    : words.get(i).equals(token);
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsAt(List<String> tokens, List<String> words, int at) {
        return at + words.size() <= tokens.size() && tokens.subList(at, at + words.size()).equals(words);
    }

    /** The tokens a frame may start with: those of its first slot that takes a word, and past words left out. */
    private List<String> firstWords(Frame frame) {
        return List.copyOf(firstWords(frame.slots(), 0, new HashSet<>()));
    }

    private Set<String> firstWords(List<Slot> slots, int from, Set<String> into) {
        Slot slot = slots.get(from);
        switch (slot.step()) {
            case CLAUSE_START, CLAUSE_END -> firstWords(slots, from + 1, into);
            case WORDS -> slot.alternatives().forEach(words -> {
                if (words.isEmpty()) {
                    firstWords(slots, from + 1, into);
                } else {
                    into.add(words.get(0));
                }
            });
            case PEOPLE, ANY_PEOPLE -> into.addAll(people.keySet());
            default -> into.addAll(places.keySet());
        }
        return into;
    }

    private static Frame frame(TextNormaliser normaliser, String file, String raw, SaidCountry.How how,
                               Set<String> gapStops) {
        List<Slot> slots = new ArrayList<>();
        Matcher part = PART.matcher(raw);
        while (part.find()) {
            if (part.group(2) != null) {
                slots.add(new Slot(switch (part.group(2)) {
                    case "place" -> Step.PLACE;
                    case "place-in" -> Step.PLACE_IN;
                    case "people" -> Step.PEOPLE;
                    case "any-people" -> Step.ANY_PEOPLE;
                    default -> Step.ANY_PLACE;
                }, List.of()));
            } else if (part.group().equals("^") || part.group().equals("$")) {
                slots.add(new Slot(part.group().equals("^") ? Step.CLAUSE_START : Step.CLAUSE_END, List.of()));
            } else {
                List<List<String>> alternatives = new ArrayList<>();
                String group = part.group(1) != null ? part.group(1) : part.group();
                for (String alternative : group.split("\\|", -1)) {
                    alternatives.add(alternative.trim().equals(ANY_WORD) ? List.of(ANY_WORD)
                            : normaliser.normalise(alternative).tokens());
                }
                if (alternatives.stream().allMatch(List::isEmpty)) {
                    throw new TemplateException(file + ": frame '" + raw + "' has a part with no words");
                }
                slots.add(new Slot(Step.WORDS, alternatives));
            }
        }
        long telling = slots.stream().filter(Slot::tells).count();
        if (how == null ? slots.stream().anyMatch(s -> s.step() != Step.WORDS && s.consumes()) : telling != 1) {
            throw new TemplateException(file + ": frame '" + raw + (how == null
                    ? "' is an others phrase, which names no place" : "' needs exactly one [place] or [people]"));
        }
        if (startsWithAnyWord(slots, 0)) {
            throw new TemplateException(file + ": frame '" + raw + "' may start with *, any word: it needs a word or "
                    + "a name to start from");
        }
        return new Frame(List.copyOf(slots), how, gapStops);
    }

    /** Whether a frame may start with {@code *} (or has no word at all), past anchors and words left out. */
    private static boolean startsWithAnyWord(List<Slot> slots, int from) {
        if (from == slots.size()) {
            return true;
        }
        Slot slot = slots.get(from);
        if (!slot.consumes()) {
            return startsWithAnyWord(slots, from + 1);
        }
        return slot.step() == Step.WORDS && slot.alternatives().stream().anyMatch(words -> words.isEmpty()
                ? startsWithAnyWord(slots, from + 1) : words.get(0).equals(ANY_WORD));
    }

    /**
     * {@code places: {AE: {place: [dubai, …], people: [emirati, …]}, …}}; a name given two countries stops the load.
     */
    @SuppressWarnings("unchecked")
    private static void readNames(TextNormaliser normaliser, String file, Object value, Map<String, List<Name>> places,
                                  Map<String, List<Name>> people, Map<String, String> seen) {
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
                if (!kind.equals("place") && !kind.equals("people")) {
                    throw new TemplateException(file + ": places." + country + " has unknown kind '" + kind + "'");
                }
                for (String said : strings(file, "places." + country + "." + kind, list)) {
                    for (Name name : spellings(normaliser, file, said, country)) {
                        String key = kind + " " + String.join(" ", name.tokens());
                        String before = seen.putIfAbsent(key, country);
                        if (before != null && !before.equals(country)) {
                            throw new TemplateException(file + ": '" + said + "' names both " + before + " and "
                                    + country);
                        }
                        if (before == null) {
                            (kind.equals("place") ? places : people)
                                    .computeIfAbsent(name.tokens().get(0), t -> new ArrayList<>()).add(name);
                        }
                    }
                }
            });
        });
    }

    /**
     * A name as it may be written: in Arabic script also with "in" or "to" joined to it (بمصر، بالرياض، فالرباط،
     * لمصر، للأردن), as Arabic writes them; not a one-word name of two letters, whose joined forms are everyday words
     * (Yemen's إب: «باب», a door, was read "in Ibb", and a mother in Jordan whose son «قفل باب غرفته» had Yemen's lack
     * of lines instead of Jordan's 911: the s56 QA pass).
     */
    private static List<Name> spellings(TextNormaliser normaliser, String file, String said, String country) {
        List<String> tokens = normaliser.normalise(said).tokens();
        if (tokens.isEmpty()) {
            throw new TemplateException(file + ": a place name with no words: '" + said + "'");
        }
        List<Name> out = new ArrayList<>(List.of(new Name(tokens, country, false)));
        String first = tokens.get(0);
        if (first.codePointAt(0) >= 0x0600 && first.codePointAt(0) <= 0x06FF
                && (tokens.size() > 1 || first.length() > 2)) {
            for (String in : JOINED_IN) {
                out.add(new Name(joined(tokens, in + first), country, true));
            }
            out.add(new Name(joined(tokens, first.startsWith("ال") ? "ل" + first.substring(1) : "ل" + first),
                    country, false));
        }
        return out;
    }

    private static List<String> joined(List<String> tokens, String first) {
        List<String> spelled = new ArrayList<>(tokens);
        spelled.set(0, first);
        return List.copyOf(spelled);
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
