package org.saath.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void ids_are_version_7_and_sort_by_the_millisecond_they_were_made() {
        Instant start = Instant.parse("2026-12-02T09:00:00Z");
        String previous = "";
        for (int ms = 0; ms < 1_000; ms++) {
            UUID id = new TimeOrderedIds(Clock.fixed(start.plus(Duration.ofMillis(ms)), ZoneOffset.UTC)).get();
            assertEquals(7, id.version());
            assertEquals(2, id.variant());
            assertEquals(start.toEpochMilli() + ms, id.getMostSignificantBits() >>> 16);
            assertTrue(id.toString().compareTo(previous) > 0, id + " sorts after " + previous);
            previous = id.toString();
        }
    }

    @Test
    void ids_made_in_the_same_millisecond_differ() {
        TimeOrderedIds ids = new TimeOrderedIds(Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC));
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(ids.get()));
        }
    }
}
