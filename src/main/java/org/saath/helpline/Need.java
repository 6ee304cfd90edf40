package org.saath.helpline;

import java.util.HashSet;
import java.util.Set;

/**
 * What a person needs lines for: the topics, their country and language, and what their words or the topic tell
 * about who they are and where. A line for a group (women, children, displaced people) fits only when
 * {@code audiences} names that group; a provincial or district line only when {@code regions} names its region.
 * National lines for everyone always fit. {@code medical}: an act on the body told now (tablets or poison taken, a
 * cut, a hanging), for which the ambulance is called before the police.
 */
public record Need(Set<String> topics, String country, String language, Set<String> audiences, Set<String> regions,
                   boolean medical) {

    /** Topics whose lines for women fit without further words: domestic and gender-based violence, harassment. */
    private static final Set<String> WOMEN_TOPICS = Set.of("abuse_violence", "gbv", "harassment");

    public Need {
        topics = Set.copyOf(topics);
        Set<String> fitting = new HashSet<>(audiences);
        if (topics.stream().anyMatch(WOMEN_TOPICS::contains)) {
            fitting.add("women");
        }
        if (topics.contains("child")) {
            fitting.add("children");
        }
        audiences = Set.copyOf(fitting);
        regions = Set.copyOf(regions);
    }

    /** A need that is not a medical emergency. */
    public Need(Set<String> topics, String country, String language, Set<String> audiences, Set<String> regions) {
        this(topics, country, language, audiences, regions, false);
    }

    /** A need with nothing known beyond the topics, country and language: national lines for everyone fit. */
    public static Need of(Set<String> topics, String country, String language) {
        return new Need(topics, country, language, Set.of(), Set.of());
    }

    /** Whether {@code line}'s region and audience fit this person. */
    public boolean fits(Helpline line) {
        return (line.region().isEmpty() || regions.contains(line.region()))
                && (line.audience().contains("everyone") || line.audience().stream().anyMatch(audiences::contains));
    }

    public Need withTopics(Set<String> other) {
        return new Need(other, country, language, audiences, regions, medical);
    }

    /** This need as a medical emergency: the ambulance before the police. */
    public Need medicalEmergency() {
        return new Need(topics, country, language, audiences, regions, true);
    }
}
