package org.saath.helpline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one place that decides which numbers may be shown to a person: the lines of their own country that fit the
 * need and the hour, the country's emergency numbers, and the international fallbacks; never a line of another
 * country. Every path that gives numbers (a reply, an expired or declined counsellor offer, a counsellor ending the
 * chat) asks here.
 */
public final class Referrals {

    /** What a crisis line is, for telling whether one is open. */
    private static final Set<String> CRISIS_TOPICS = Set.of("crisis", "suicide");

    private final HelplineDirectory directory;
    private final int limit;

    /** @param limit lines per need (emergency numbers and named lines come on top) */
    public Referrals(HelplineDirectory directory, int limit) {
        this.directory = directory;
        this.limit = limit;
    }

    /** Everything that may be offered for {@code need} at {@code at}. */
    public Referral find(Need need, Instant at) {
        return find(need, List.of(), at);
    }

    /**
     * As {@link #find(Need, Instant)}, plus the lines a rule names by id, kept only when they belong to the person's
     * country (or are international): a rule book cannot send anyone another country's number.
     */
    public Referral find(Need need, List<String> namedIds, Instant at) {
        List<HelplineOffer> lines = new ArrayList<>(need.topics().isEmpty() ? List.of()
                : directory.match(need, at, limit));
        for (String id : namedIds) {
            directory.byId(id).filter(h -> h.country().equals(need.country()) || h.international())
                    .ifPresent(h -> {
                        add(lines, h, at);
                        h.pairedWith().forEach(pair -> directory.byId(pair).ifPresent(p -> add(lines, p, at)));
                    });
        }
        List<HelplineOffer> emergency = directory.emergency(need.country(), at, need.medical());
        boolean known = !emergency.isEmpty();
        if (!known) {
            emergency = directory.international(Set.of(Helpline.EMERGENCY), at);
        }
        List<HelplineOffer> crisis = directory.fitting(need.withTopics(CRISIS_TOPICS), at);
        // nothing of the country fits the need (a teenager blackmailed with pictures in Britain): its crisis line, open
        // now, still listens, where the directories alone leave the person with a web page
        List<HelplineOffer> listening = lines.isEmpty() && !need.topics().isEmpty()
                ? crisis.stream().filter(HelplineOffer::isOpen).limit(1).toList() : List.of();
        return new Referral(lines, emergency, known, directory.international(need.topics(), at),
                crisisCover(crisis), listening);
    }

    /** The directory itself, for the safety floor's open crisis line. */
    public HelplineDirectory directory() {
        return directory;
    }

    private static void add(List<HelplineOffer> lines, Helpline line, Instant at) {
        if (lines.stream().noneMatch(o -> o.helpline().id().equals(line.id()))) {
            lines.add(HelplineOffer.at(line, at));
        }
    }

    private static Referral.CrisisCover crisisCover(List<HelplineOffer> crisis) {
        if (crisis.isEmpty()) {
            return Referral.CrisisCover.NONE;
        }
        if (crisis.stream().anyMatch(HelplineOffer::isOpen)) {
            return Referral.CrisisCover.OPEN;
        }
        return crisis.stream().anyMatch(o -> o.openNow() == null) ? Referral.CrisisCover.UNCONFIRMED
                : Referral.CrisisCover.CLOSED;
    }
}
