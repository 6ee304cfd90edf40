package org.saath.helpline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The validated helpline directory and its matching: topic × country × language × who and where × open now.
 *
 * <p>Only lines of the person's own country are ever matched (international entries and emergency numbers have
 * their own methods). A line for a region or a group is matched only when the {@link Need} says it fits. National
 * lines for everyone come before the others; within each, lines open now come before lines whose hours are not
 * confirmed, verified before unverified, the person's language before others, then file order. Closed lines appear
 * only when no fitting line is open, marked with their next opening, and then always together with an open
 * general-support line of the country, so a person is never left with only closed doors. Lines
 * {@code paired-with} each other are shown together.
 */
public final class HelplineDirectory {

    /** Topics of a line that can take anyone in distress when the specialist line is closed. */
    static final Set<String> GENERAL_SUPPORT = Set.of("crisis", "seek_help", "depression");

    private final List<Helpline> helplines;
    /** Each line's place in the file, and each id's line: looked up instead of comparing whole entries. */
    private final Map<Helpline, Integer> positions = new IdentityHashMap<>();
    private final Map<String, Helpline> ids = new HashMap<>();
    /** Each country's lines (emergency numbers apart) with their topics as bits, its emergency numbers, and the
     *  international entries, in file order: a turn asks for them several times, and the whole file need not be
     *  read each time. */
    private final Map<String, List<Listed>> lines;
    private final Map<String, List<Helpline>> emergencyNumbers;
    private final List<Helpline> international;
    /** Each topic some line lists, as the number of its bit. */
    private final Map<String, Integer> topicBits = new HashMap<>();

    /** A line and its topics, each as its bit: whether it lists one of a need's topics is one intersection. */
    private record Listed(Helpline line, BitSet topics) {
    }

    public HelplineDirectory(List<Helpline> helplines) {
        this.helplines = List.copyOf(helplines);
        for (int i = 0; i < this.helplines.size(); i++) {
            positions.putIfAbsent(this.helplines.get(i), i);
            ids.putIfAbsent(this.helplines.get(i).id(), this.helplines.get(i));
        }
        this.helplines.forEach(h -> h.topics().forEach(t -> topicBits.putIfAbsent(t, topicBits.size())));
        Map<String, List<Listed>> lines = new HashMap<>();
        byCountry(this.helplines.stream().filter(h -> !h.emergency()).toList()).forEach((country, list) ->
                lines.put(country, list.stream().map(h -> new Listed(h, bits(h.topics()))).toList()));
        this.lines = lines;
        this.emergencyNumbers = byCountry(this.helplines.stream().filter(Helpline::emergency).toList());
        this.international = this.helplines.stream().filter(Helpline::international).toList();
    }

    private static Map<String, List<Helpline>> byCountry(List<Helpline> helplines) {
        Map<String, List<Helpline>> byCountry = new HashMap<>();
        helplines.forEach(h -> byCountry.computeIfAbsent(h.country(), c -> new ArrayList<>()).add(h));
        byCountry.replaceAll((country, list) -> List.copyOf(list));
        return byCountry;     // a HashMap: a need without a country finds nothing, as it did by comparing
    }

    /** What to offer for {@code topics} in {@code country} at {@code at}: national lines for everyone only. */
    public List<HelplineOffer> match(Set<String> topics, String country, String language, Instant at, int limit) {
        return match(Need.of(topics, country, language), at, limit);
    }

    /** What to offer for {@code need} at {@code at}, at most {@code limit} lines (plus pairs). */
    public List<HelplineOffer> match(Need need, Instant at, int limit) {
        List<HelplineOffer> fitting = fitting(need, at);
        List<HelplineOffer> chosen = new ArrayList<>(fitting.stream()
                .filter(o -> !Boolean.FALSE.equals(o.openNow())).toList());
        if (chosen.stream().noneMatch(HelplineOffer::isOpen)) {
            fitting.stream().filter(o -> Boolean.FALSE.equals(o.openNow())).forEach(chosen::add);
            if (!chosen.isEmpty()) {
                openGeneralLine(need, at).ifPresent(alternative -> chosen.add(0, alternative));
            }
        }
        Set<String> seen = new HashSet<>();       // one offer per line (hashing whole entries cost more)
        return withPairs(chosen.stream().filter(o -> seen.add(o.helpline().id())).limit(limit).toList(), at);
    }

    /** Every line of the need's country listing one of its topics and fitting it, ranked, whatever its hours. */
    public List<HelplineOffer> fitting(Need need, Instant at) {
        BitSet wanted = bits(need.topics());
        List<HelplineOffer> fitting = new ArrayList<>();
        for (Listed listed : lines.getOrDefault(need.country(), List.of())) {
            if (listed.topics().intersects(wanted) && need.fits(listed.line())) {
                fitting.add(HelplineOffer.at(listed.line(), at));
            }
        }
        fitting.sort(ranking(need.language()));
        return Collections.unmodifiableList(fitting);
    }

    /** {@code topics} as bits; a topic no line lists has none. */
    private BitSet bits(Set<String> topics) {
        BitSet bits = new BitSet(topicBits.size());
        for (String topic : topics) {
            Integer bit = topicBits.get(topic);
            if (bit != null) {
                bits.set(bit);
            }
        }
        return bits;
    }

    /** Every national line for everyone of {@code country} listing one of {@code topics}, ranked. */
    public List<HelplineOffer> fitting(Set<String> topics, String country, String language, Instant at) {
        return fitting(Need.of(topics, country, language), at);
    }

    /** The best crisis line of {@code country} that is open at {@code at}, if any. */
    public Optional<HelplineOffer> openCrisisLine(String country, String language, Instant at) {
        return fitting(Set.of("crisis", "suicide"), country, language, at).stream()
                .filter(HelplineOffer::isOpen).findFirst();
    }

    /**
     * The emergency numbers of {@code country}: the first entry for each service (police, ambulance, one number for
     * everything), in file order, with their pairs (an ambulance line with an outage history comes only with a
     * second one). Empty when the directory knows none for the country.
     */
    public List<HelplineOffer> emergency(String country, Instant at) {
        return emergency(country, at, false);
    }

    /**
     * As {@link #emergency(String, Instant)}; for a {@code medical} emergency (an overdose, a cut, a hanging) the
     * ambulance comes first and the police last, whatever the file's order (Saudi Arabia: 997, then the unified 911
     * where it works, then 999): the body needs it first, and fear of the police keeps people from calling
     * (../shared/research/emergency-and-protection-lines.md, "How a bot should use these").
     */
    public List<HelplineOffer> emergency(String country, Instant at, boolean medical) {
        Map<String, Helpline> firstPerService = new LinkedHashMap<>();
        emergencyNumbers.getOrDefault(country, List.of())
                .forEach(h -> firstPerService.putIfAbsent(h.service(), h));
        List<Helpline> numbers = new ArrayList<>(firstPerService.values());
        if (medical) {      // the ambulance, then one number for everything, then the police
            numbers.sort(Comparator.comparingInt(h -> Helpline.AMBULANCE.equals(h.service()) ? 0
                    : Helpline.EMERGENCY.equals(h.service()) ? 1 : 2));
        }
        return withPairs(numbers.stream().map(h -> HelplineOffer.at(h, at)).toList(), at);
    }

    /** The international fallbacks for {@code topics} (directories), or for {@code emergency} (112 from a mobile). */
    public List<HelplineOffer> international(Set<String> topics, Instant at) {
        return international.stream()
                .filter(h -> listsAny(h, topics))
                .map(h -> HelplineOffer.at(h, at)).toList();
    }

    /** Whether {@code line} lists any of {@code topics}. */
    private static boolean listsAny(Helpline line, Set<String> topics) {
        for (String topic : line.topics()) {
            if (topics.contains(topic)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the directory has any line, other than emergency numbers, for {@code country}. */
    public boolean hasLines(String country) {
        return lines.containsKey(country);
    }

    private Optional<HelplineOffer> openGeneralLine(Need need, Instant at) {
        return fitting(need.withTopics(GENERAL_SUPPORT), at).stream().filter(HelplineOffer::isOpen).findFirst();
    }

    private List<HelplineOffer> withPairs(List<HelplineOffer> offers, Instant at) {
        List<HelplineOffer> out = new ArrayList<>(offers);
        for (HelplineOffer offer : offers) {
            for (String id : offer.helpline().pairedWith()) {
                if (out.stream().noneMatch(o -> o.helpline().id().equals(id))) {
                    byId(id).ifPresent(h -> out.add(out.indexOf(offer) + 1, HelplineOffer.at(h, at)));
                }
            }
        }
        return out;
    }

    /**
     * National lines for everyone before regional or group-specific ones (a women's line in one district is not
     * the second thing to offer a man in Lahore); within each, open before hours-unknown; closed lines last.
     */
    private Comparator<HelplineOffer> ranking(String language) {
        return Comparator.<HelplineOffer>comparingInt(o -> o.openNow() != null && !o.openNow() ? 1 : 0)
                .thenComparing(o -> o.helpline().general() ? 0 : 1)
                .thenComparing(o -> o.isOpen() ? 0 : 1)
                .thenComparing(o -> o.helpline().verified() ? 0 : 1)
                .thenComparing(o -> o.helpline().languages().contains(language) ? 0 : 1)
                .thenComparingInt(o -> positions.get(o.helpline()));
    }

    public Optional<Helpline> byId(String id) {
        return Optional.ofNullable(ids.get(id));
    }

    public List<Helpline> all() {
        return helplines;
    }
}
