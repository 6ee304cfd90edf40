package org.saath.helpline;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The validated helpline directory and its matching: topic × country × open now, ranked open first (then hours
 * unknown, then closed), verified before unverified, the person's language before others, then file order.
 */
public final class HelplineDirectory {

    private final List<Helpline> helplines;

    public HelplineDirectory(List<Helpline> helplines) {
        this.helplines = List.copyOf(helplines);
    }

    /** Lines of {@code country} that list any of {@code topics}, best first, at most {@code limit}. */
    public List<HelplineOffer> match(Set<String> topics, String country, String language, Instant at, int limit) {
        return helplines.stream()
                .filter(h -> h.country().equals(country))
                .filter(h -> h.topics().stream().anyMatch(topics::contains))
                .map(h -> new HelplineOffer(h, h.openAt(at).orElse(null)))
                .sorted(ranking(language))
                .limit(limit)
                .toList();
    }

    /** The best crisis line of {@code country} that is open at {@code at}, if any. */
    public Optional<HelplineOffer> openCrisisLine(String country, String language, Instant at) {
        return match(Set.of("crisis", "suicide"), country, language, at, Integer.MAX_VALUE).stream()
                .filter(o -> Boolean.TRUE.equals(o.openNow()))
                .findFirst();
    }

    private Comparator<HelplineOffer> ranking(String language) {
        return Comparator.<HelplineOffer>comparingInt(o -> Boolean.TRUE.equals(o.openNow()) ? 0
                        : o.openNow() == null ? 1 : 2)
                .thenComparing(o -> o.helpline().verified() ? 0 : 1)
                .thenComparing(o -> o.helpline().languages().contains(language) ? 0 : 1)
                .thenComparingInt(o -> helplines.indexOf(o.helpline()));
    }

    public Optional<Helpline> byId(String id) {
        return helplines.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    public List<Helpline> all() {
        return helplines;
    }
}
