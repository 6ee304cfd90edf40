package org.saath.escalation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The time zone a counsellor should read a person's local time in, from the person's country (tz database's
 * {@code zone.tab}, shipped in the jar). A country with several zones gets its first listed (most populous) zone,
 * and a note saying so, because the console must not pretend to know the person's hour exactly.
 */
public final class CountryZones {

    /** The zone shown for a country, and the note when the country has more than one. */
    public record LocalZone(ZoneId zone, Optional<String> note) {
    }

    private final Map<String, List<ZoneId>> zones;

    CountryZones(Map<String, List<ZoneId>> zones) {
        this.zones = Map.copyOf(zones);
    }

    public static CountryZones fromClasspath() {
        Map<String, List<ZoneId>> zones = new LinkedHashMap<>();
        try (InputStream in = CountryZones.class.getClassLoader().getResourceAsStream("tz/zone.tab");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cols = line.split("\t");
                if (line.startsWith("#") || cols.length < 2) {
                    continue;
                }
                try {
                    zones.computeIfAbsent(cols[0], c -> new ArrayList<>()).add(ZoneId.of(cols[1]));
                } catch (java.time.DateTimeException e) {
                    // a zone newer than this JDK's rules: the country's other zones still serve
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("tz/zone.tab cannot be read", e);
        }
        return new CountryZones(zones);
    }

    /** The zone to show for {@code country}, if it is known. */
    public Optional<LocalZone> of(String country) {
        List<ZoneId> list = country == null ? List.of() : zones.getOrDefault(country, List.of());
        if (list.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> note = list.size() == 1 ? Optional.empty() : Optional.of(new Locale("", country)
                .getDisplayCountry(Locale.ENGLISH) + " has several time zones; shown: " + list.get(0));
        return Optional.of(new LocalZone(list.get(0), note));
    }
}
