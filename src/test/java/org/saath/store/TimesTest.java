package org.saath.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TimesTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void format_writes_what_the_formatter_writes_and_parse_reads_it_back() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            // years 0 to 9999, any nanosecond
            Instant instant = Instant.ofEpochSecond(-62_167_219_200L + (long) (random.nextDouble() * 315_537_897_599L),
                    random.nextInt(1_000_000_000));
            String text = Times.format(instant);
            assertEquals(REFERENCE.format(instant), text);
            assertEquals(instant, Times.parse(text));
        }
    }

    @Test
    void format_keeps_one_width_so_text_order_is_time_order() {
        assertEquals("2026-12-02T10:00:00.000000000Z", Times.format(Instant.parse("2026-12-02T10:00:00Z")));
        assertEquals("2026-12-02T10:00:00.500000000Z", Times.format(Instant.parse("2026-12-02T10:00:00.5Z")));
        assertEquals("1970-01-01T00:00:00.000000001Z", Times.format(Instant.ofEpochSecond(0, 1)));
    }

    @Test
    void parse_reads_the_other_width_and_null() {
        assertEquals(Instant.parse("2026-12-02T10:00:00.5Z"), Times.parse("2026-12-02T10:00:00.5Z"));
        assertEquals(Instant.parse("2026-12-02T10:00:00Z"), Times.parse("2026-12-02T10:00:00Z"));
        assertNull(Times.parse(null));
    }

    @Test
    void parse_refuses_text_that_is_not_an_instant() {
        assertThrows(DateTimeParseException.class, () -> Times.parse("2026-12-02T10:00:00.00000000xZ"));
        assertThrows(RuntimeException.class, () -> Times.parse("2026-13-02T10:00:00.000000000Z"));
    }

    @Test
    void years_past_9999_go_through_the_formatter() {
        Instant far = Instant.parse("+12026-01-01T00:00:00Z");
        assertEquals(REFERENCE.format(far), Times.format(far));
        assertEquals(far, Times.parse(Times.format(far)));
    }
}
