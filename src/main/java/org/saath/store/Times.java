package org.saath.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the store keeps them: ISO-8601 UTC text of one fixed width (nanoseconds always written), so that text
 * order is time order in SQLite and PostgreSQL alike ({@code Instant.toString} drops zero fractions, which puts
 * {@code 10:00:00.5Z} before {@code 10:00:00Z}).
 */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** Reads a stored instant (either width); {@code null} stays {@code null}. */
    public static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
