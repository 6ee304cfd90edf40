package org.saath.helpline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the helpline directory. {@code verified} is true only where the cited source states the number
 * and hours without conflict; every other entry is shown as unverified and ranked after verified ones.
 */
public record Helpline(String id, String name, String country, Set<String> topics, Set<String> languages,
                       List<Contact> contacts, String source, LocalDate lastVerified, boolean verified,
                       String notes) {

    public Helpline {
        topics = Set.copyOf(topics);
        languages = Set.copyOf(languages);
        contacts = List.copyOf(contacts);
    }

    /** True when any contact is open, false when all known hours are closed, empty when nothing is known. */
    public Optional<Boolean> openAt(Instant at) {
        boolean anyKnown = false;
        for (Contact contact : contacts) {
            Optional<Boolean> open = contact.hours().isOpen(at);
            if (open.orElse(false)) {
                return Optional.of(true);
            }
            anyKnown |= open.isPresent();
        }
        return anyKnown ? Optional.of(false) : Optional.empty();
    }

    public boolean alwaysOpen() {
        return contacts.stream().anyMatch(c -> c.hours() instanceof OpeningHours.Always);
    }
}
