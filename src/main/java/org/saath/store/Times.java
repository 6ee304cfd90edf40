package org.saath.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the store keeps them: ISO-8601 UTC text of one fixed width (nanoseconds always written), so that text
 * order is time order in SQLite and PostgreSQL alike ({@code Instant.toString} drops zero fractions, which puts
 * {@code 10:00:00.5Z} before {@code 10:00:00Z}).
 *
 * <p>A turn writes and reads a dozen instants, so years 0–9999 (every real one) are written and read digit by digit
 * rather than through {@link DateTimeFormatter} and {@link Instant#parse}, which cost a microsecond or more each;
 * other years and other widths go through them.
 */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** {@code uuuu-MM-ddTHH:mm:ss.nnnnnnnnnZ}: the separators' positions, and where each number starts and ends. */
    private static final String SHAPE = "0000-00-00T00:00:00.000000000Z";
    private static final int WIDTH = SHAPE.length();
    private static final int MAX_YEAR = 9999;

    private Times() {
    }

    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > MAX_YEAR) {
            return FORMAT.format(instant);
        }
        char[] out = SHAPE.toCharArray();
        digits(out, 0, 4, t.getYear());
        digits(out, 5, 2, t.getMonthValue());
        digits(out, 8, 2, t.getDayOfMonth());
        digits(out, 11, 2, t.getHour());
        digits(out, 14, 2, t.getMinute());
        digits(out, 17, 2, t.getSecond());
        digits(out, 20, 9, t.getNano());
        return new String(out);
    }

    /** Reads a stored instant (either width); {@code null} stays {@code null}. */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        if (!fixedWidth(text)) {
            return Instant.parse(text);
        }
        int nano = number(text, 20, 9);
        long second = LocalDateTime.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2),
                number(text, 11, 2), number(text, 14, 2), number(text, 17, 2)).toEpochSecond(ZoneOffset.UTC);
        return Instant.ofEpochSecond(second, nano);
    }

    private static void digits(char[] out, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** True when {@code text} has the written shape: digits where {@link #SHAPE} has them, its separators elsewhere. */
    private static boolean fixedWidth(String text) {
        if (text.length() != WIDTH) {
            return false;
        }
        for (int i = 0; i < WIDTH; i++) {
            char c = text.charAt(i);
            char expected = SHAPE.charAt(i);
            if (expected == '0' ? c < '0' || c > '9' : c != expected) {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }
}
