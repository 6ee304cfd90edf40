package org.saath.helpline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the helpline directory. {@code verified} is true only where the cited source states the number
 * (and the hours, where the entry gives them) without conflict; every other entry is shown as not confirmed and
 * ranked after verified ones. {@code pairedWith} names entries shown together with this one or not at all;
 * {@code region} is empty for a national line and names the province or district otherwise. {@code country} is an
 * ISO 3166 code, or {@value #INTERNATIONAL} for the fallbacks anyone may be given (international directories).
 * {@code service} is set only on emergency entries ({@code police}, {@code ambulance}, {@code emergency} for a
 * single number); {@code names} holds the line's name in other languages, only where a cited source gives it;
 * {@code where}, by language, where a number works when that is not the whole country (Saudi Arabia's 911), shown
 * with it; {@code silent}, by language, how to reach an emergency number without speaking (Britain's 999, then 55),
 * said where the person may be overheard or cannot talk.
 */
public record Helpline(String id, String name, Map<String, String> names, String country, Set<String> topics,
                       Set<String> languages, Set<String> audience, String region, String service, String cost,
                       List<Contact> contacts, List<String> pairedWith,
                       String source, LocalDate lastVerified, boolean verified, String notes,
                       Map<String, String> where, Map<String, String> silent) {

    /** The pseudo-country of entries that fit every country: international directories. */
    public static final String INTERNATIONAL = "international";
    /** The topic of police, ambulance and single emergency numbers. */
    public static final String EMERGENCY = "emergency";
    /** The service of an ambulance number (called before the police for a medical emergency). */
    public static final String AMBULANCE = "ambulance";

    public Helpline {
        names = Map.copyOf(names);
        topics = Set.copyOf(topics);
        languages = Set.copyOf(languages);
        audience = Set.copyOf(audience);
        contacts = List.copyOf(contacts);
        pairedWith = List.copyOf(pairedWith);
        where = Map.copyOf(where);
        silent = Map.copyOf(silent);
    }

    /** Where the number works, in {@code language}, when it is not the whole country; empty otherwise. */
    public Optional<String> where(String language) {
        return Optional.ofNullable(where.get(language));
    }

    /** How to reach this number without speaking, in {@code language}, where a cited source says; empty otherwise. */
    public Optional<String> silent(String language) {
        return Optional.ofNullable(silent.get(language));
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

    /** The earliest next opening of any contact, when all are closed at {@code at}. */
    public Optional<Instant> nextOpening(Instant at) {
        return contacts.stream().map(c -> c.hours().nextOpening(at)).flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    /** The time zone of the first contact with weekly hours, for showing its opening times. */
    public Optional<ZoneId> zone() {
        return contacts.stream().map(Contact::hours).map(OpeningHours::zone).flatMap(Optional::stream).findFirst();
    }

    /** A national line for everyone, as opposed to one for a region or a particular group. */
    public boolean general() {
        return region.isEmpty() && audience.contains("everyone");
    }

    public boolean alwaysOpen() {
        return contacts.stream().anyMatch(c -> c.hours() instanceof OpeningHours.Always);
    }

    /** Police, ambulance or a single emergency number. */
    public boolean emergency() {
        return topics.contains(EMERGENCY);
    }

    /** An international directory or fallback, offered in any country. */
    public boolean international() {
        return INTERNATIONAL.equals(country);
    }

    /** The name to show in {@code language}: the cited local name where there is one, else the official name. */
    public String nameIn(String language) {
        return names.getOrDefault(language, name);
    }
}
