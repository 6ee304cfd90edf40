package org.saath.helpline;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads and validates the helpline directory YAML (kebab-case keys). Any bad entry — unknown topic, language or
 * contact type, bad hours, missing source, an emergency entry without its service — stops the load with a message
 * naming the file and the entry id.
 *
 * <pre>
 * helplines:
 *   - id: pk-umang
 *     name: Umang
 *     country: PK
 *     topics: [crisis, depression]
 *     languages: [en, ur, roman_ur]
 *     source: https://…
 *     last-verified: 2026-11-21
 *     verified: true
 *     contacts:
 *       - {type: phone, value: "0311-7786264", hours: always}
 *       - {type: phone, value: "0800-39393", hours: {zone: Asia/Karachi, days: [MON, SUN], from: "09:00", to: "17:00"}}
 * </pre>
 */
public final class HelplineDirectoryLoader {

    /** Topics a helpline may list: the twelve intent labels and the cross-cutting ones. */
    public static final Set<String> TOPICS = Set.of("greeting", "seek_help", "anxiety", "depression", "crisis",
            "cyberbullying", "abuse_violence", "substance", "resource_request", "work_stress", "gratitude_goodbye",
            "out_of_scope", "suicide", "gbv", "harassment", "child", "addiction", "legal", "digital_safety",
            "professional_care", "bereavement", "suicide_loss", "suicide_news", "postpartum", "eating", "identity",
            "bullying", "baby_harm_thoughts", "housing", Helpline.EMERGENCY);
    /** What an emergency entry answers: police, ambulance, or one number for every service. */
    public static final Set<String> SERVICES = Set.of("police", Helpline.AMBULANCE, Helpline.EMERGENCY);
    private static final Set<String> LANGUAGES = Set.of("en", "ur", "roman_ur", "ar");
    private static final Set<String> COSTS = Set.of("free", "toll-free", "standard-rate", "unknown");
    private static final Set<String> AUDIENCES = Set.of("everyone", "youth", "women", "children", "men",
            "displaced", "lgbtq", "veterans");

    record RawDirectory(List<RawHelpline> helplines) {
    }

    record RawHelpline(String id, String name, Map<String, String> names, String country, List<String> topics,
                       List<String> languages, List<String> audience, String region, String service, String cost,
                       List<RawContact> contacts,
                       @JsonProperty("paired-with") List<String> pairedWith, String source,
                       @JsonProperty("last-verified") String lastVerified, Boolean verified, String notes,
                       Map<String, String> where, Map<String, String> silent) {
    }

    record RawContact(String type, String value, Object hours) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private HelplineDirectoryLoader() {
    }

    public static HelplineDirectory load(InputStream in, String name) {
        RawDirectory raw;
        try {
            raw = YAML.readValue(in, RawDirectory.class);
        } catch (IOException e) {
            throw new HelplineDirectoryException(name + ": " + e.getMessage(), e);
        }
        if (raw == null || raw.helplines() == null || raw.helplines().isEmpty()) {
            throw new HelplineDirectoryException(name + ": no helplines", null);
        }
        List<Helpline> helplines = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        raw.helplines().forEach(h -> ids.add(h.id()));
        Set<String> seen = new HashSet<>();
        for (RawHelpline entry : raw.helplines()) {
            String where = name + ", helpline '" + entry.id() + "'";
            try {
                Helpline helpline = convert(entry);
                require(seen.add(helpline.id()), "duplicate id");
                helpline.pairedWith().forEach(p -> require(ids.contains(p), "paired-with names unknown id '" + p + "'"));
                helplines.add(helpline);
            } catch (RuntimeException e) {
                throw new HelplineDirectoryException(where + ": " + e.getMessage(), e);
            }
        }
        return new HelplineDirectory(helplines);
    }

    private static Helpline convert(RawHelpline e) {
        require(e.id() != null && e.id().matches("[a-z0-9-]+"), "id must be lowercase letters, digits and '-'");
        require(e.name() != null && !e.name().isBlank(), "name is missing");
        require(e.country() != null && (Set.of(Locale.getISOCountries()).contains(e.country())
                        || Helpline.INTERNATIONAL.equals(e.country())),
                "country must be an ISO 3166 code or '" + Helpline.INTERNATIONAL + "', was '" + e.country() + "'");
        require(e.source() != null && e.source().startsWith("http"), "source URL is missing");
        require(e.verified() != null, "verified (true/false) is missing");
        require(e.topics() != null && !e.topics().isEmpty(), "topics are missing");
        e.topics().forEach(t -> require(TOPICS.contains(t), "unknown topic '" + t + "'"));
        require(e.languages() != null && !e.languages().isEmpty(), "languages are missing");
        e.languages().forEach(l -> require(LANGUAGES.contains(l), "unknown language '" + l + "'"));
        require(e.contacts() != null && !e.contacts().isEmpty(), "contacts are missing");
        List<Contact> contacts = e.contacts().stream().map(HelplineDirectoryLoader::contact).toList();
        LocalDate lastVerified;
        try {
            lastVerified = LocalDate.parse(String.valueOf(e.lastVerified()));
        } catch (DateTimeException ex) {
            throw new IllegalArgumentException("last-verified must be a date YYYY-MM-DD", ex);
        }
        require(e.cost() == null || COSTS.contains(e.cost()), "cost must be one of " + COSTS);
        Set<String> audience = e.audience() == null ? Set.of("everyone") : Set.copyOf(e.audience());
        audience.forEach(a -> require(AUDIENCES.contains(a), "unknown audience '" + a + "'"));
        boolean emergency = e.topics().contains(Helpline.EMERGENCY);
        require(!emergency || e.service() != null && SERVICES.contains(e.service()),
                "an emergency entry needs service: one of " + SERVICES);
        require(emergency || e.service() == null, "service is only for emergency entries");
        Map<String, String> names = e.names() == null ? Map.of() : e.names();
        names.keySet().forEach(l -> require(LANGUAGES.contains(l), "names: unknown language '" + l + "'"));
        Map<String, String> where = e.where() == null ? Map.of() : e.where();
        require(where.isEmpty() || where.keySet().equals(LANGUAGES), "where: give the places in every language "
                + LANGUAGES + " (a person reads them in theirs)");
        Map<String, String> silent = e.silent() == null ? Map.of() : e.silent();
        require(silent.isEmpty() || emergency, "silent is only for emergency entries");
        require(silent.isEmpty() || silent.keySet().equals(LANGUAGES), "silent: give the words in every language "
                + LANGUAGES + " (a person reads them in theirs)");
        return new Helpline(e.id(), e.name(), names, e.country(), Set.copyOf(e.topics()), Set.copyOf(e.languages()),
                audience, e.region() == null ? "" : e.region(), e.service() == null ? "" : e.service(),
                e.cost() == null ? "unknown" : e.cost(), contacts,
                e.pairedWith() == null ? List.of() : e.pairedWith(), e.source(), lastVerified, e.verified(),
                e.notes() == null ? "" : e.notes(), where, silent);
    }

    private static Contact contact(RawContact c) {
        require(c.type() != null && Contact.TYPES.contains(c.type()), "unknown contact type '" + c.type() + "'");
        require(c.value() != null && !c.value().isBlank(), "contact value is missing");
        return new Contact(c.type(), c.value(), parseHours(c.hours()));
    }

    /**
     * Parses opening hours in the directory's format (also used for partners): {@code always}, {@code unknown}, or
     * {@code {zone, weekly: [{days, from, to}…], closed: [dates]}}; the short form {@code {zone, days, from, to}} is
     * one weekly range. With {@code outside: unknown} the weekly times are only what every source agrees on, and
     * other times are unknown rather than closed; {@code at-most: {days, from, to}} then gives the widest times any
     * source gives, outside which the line is closed. {@code {zone, always: true, unconfirmed-on: eid}} is 24/7 except
     * perhaps on the Eid holidays, when the hours are unknown.
     */
    public static OpeningHours parseHours(Object raw) {
        if ("always".equals(raw)) {
            return new OpeningHours.Always();
        }
        if ("unknown".equals(raw)) {
            return new OpeningHours.Unknown();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("hours must be 'always', 'unknown' or {zone, weekly, closed}");
        }
        try {
            ZoneId zone = ZoneId.of(String.valueOf(map.get("zone")));
            if (Boolean.TRUE.equals(map.get("always"))) {
                Object unconfirmed = map.get("unconfirmed-on");
                require("eid".equals(unconfirmed), "hours {always: true} needs unconfirmed-on: eid (the only "
                        + "holidays known), or write hours: always");
                return new OpeningHours.Always(zone, OpeningHours.Holidays.EID);
            }
            List<OpeningHours.Range> ranges = new ArrayList<>();
            if (map.get("weekly") instanceof List<?> weekly) {
                for (Object range : weekly) {
                    ranges.add(range((Map<?, ?>) range));
                }
            } else {
                ranges.add(range(map));
            }
            require(!ranges.isEmpty(), "hours.weekly has no ranges");
            Set<LocalDate> closed = new HashSet<>();
            if (map.get("closed") instanceof List<?> dates) {
                dates.forEach(d -> closed.add(LocalDate.parse(String.valueOf(d))));
            }
            OpeningHours.Weekly weekly = new OpeningHours.Weekly(zone, ranges, closed);
            Object outside = map.get("outside");
            require(outside == null || "unknown".equals(outside) || "closed".equals(outside),
                    "hours.outside must be 'unknown' or 'closed'");
            if (!"unknown".equals(outside)) {
                require(map.get("at-most") == null, "hours.at-most needs outside: unknown");
                return weekly;
            }
            Optional<OpeningHours.Weekly> atMost = Optional.ofNullable(map.get("at-most")).map(m -> new OpeningHours
                    .Weekly(zone, List.of(range((Map<?, ?>) m)), Set.of()));
            return new OpeningHours.AtLeast(weekly, atMost);
        } catch (DateTimeException | ClassCastException e) {
            throw new IllegalArgumentException("bad hours " + raw + ": " + e.getMessage(), e);
        }
    }

    private static OpeningHours.Range range(Map<?, ?> map) {
        List<?> days = (List<?>) map.get("days");
        require(days != null && days.size() == 2, "hours days must be [FIRST, LAST], e.g. [MON, SUN]");
        DayOfWeek first = day(days.get(0));
        DayOfWeek last = day(days.get(1));
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d = first; ; d = d.plus(1)) {
            set.add(d);
            if (d == last) {
                break;
            }
        }
        LocalTime from = LocalTime.parse(String.valueOf(map.get("from")));
        LocalTime to = LocalTime.parse(String.valueOf(map.get("to")));
        require(!from.equals(to), "hours from and to are equal; use 'always' for 24/7");
        return new OpeningHours.Range(set, from, to);
    }

    private static DayOfWeek day(Object value) {
        String code = String.valueOf(value).toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(code) && code.length() >= 3) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown day '" + value + "'");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
