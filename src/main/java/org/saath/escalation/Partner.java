package org.saath.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.saath.helpline.OpeningHours;

/**
 * A partner organisation whose counsellors take escalations: what it covers, when it is open, how many
 * conversations it can hold at once, how long an offer may wait for a claim, where its webhook is (optional) and
 * the SHA-256 of its API key (the key itself is never stored).
 */
public record Partner(String id, String name, Set<String> countries, Set<String> languages, Set<String> topics,
                      OpeningHours hours, int capacity, Duration acceptanceDeadline, Optional<String> webhookUrl,
                      Optional<String> webhookSecret, String apiKeySha256, Optional<String> fallback) {

    public Partner {
        countries = Set.copyOf(countries);
        languages = Set.copyOf(languages);
        topics = Set.copyOf(topics);
    }

    public boolean covers(String country, String language, String topic) {
        return countries.contains(country) && (languages.isEmpty() || languages.contains(language))
                && (topics.isEmpty() || topics.contains(topic));
    }

    public boolean openAt(Instant at) {
        return hours.isOpen(at).orElse(false);
    }
}
