package org.saath.helpline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** When a contact answers: always, at weekly times in its own time zone, or not known. */
public sealed interface OpeningHours {

    /** Whether it is open at {@code at}; empty when the hours are not known. */
    Optional<Boolean> isOpen(Instant at);

    /** Open around the clock. */
    record Always() implements OpeningHours {
        @Override
        public Optional<Boolean> isOpen(Instant at) {
            return Optional.of(true);
        }
    }

    /** Hours not confirmed by any source: never shown as open. */
    record Unknown() implements OpeningHours {
        @Override
        public Optional<Boolean> isOpen(Instant at) {
            return Optional.empty();
        }
    }

    /**
     * Weekly ranges in the helpline's own zone. A range whose end is not after its start spans midnight
     * ({@code 08:30–05:30}) and belongs to the day it starts on.
     */
    record Weekly(ZoneId zone, List<Range> ranges) implements OpeningHours {

        public Weekly {
            ranges = List.copyOf(ranges);
        }

        @Override
        public Optional<Boolean> isOpen(Instant at) {
            ZonedDateTime local = at.atZone(zone);
            LocalTime time = local.toLocalTime();
            for (Range range : ranges) {
                if (range.covers(local.getDayOfWeek(), time)) {
                    return Optional.of(true);
                }
            }
            return Optional.of(false);
        }
    }

    /** One opening range on the given days. */
    record Range(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

        public Range {
            days = Set.copyOf(days);
        }

        boolean covers(DayOfWeek day, LocalTime time) {
            if (from.isBefore(to)) {
                return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
            }
            boolean lateToday = days.contains(day) && !time.isBefore(from);
            boolean earlyFromYesterday = days.contains(day.minus(1)) && time.isBefore(to);
            return lateToday || earlyFromYesterday;
        }
    }
}
