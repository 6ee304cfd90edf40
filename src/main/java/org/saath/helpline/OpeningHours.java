package org.saath.helpline;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.HijrahChronology;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** When a contact answers: always, at weekly times in its own time zone, or not known. */
public sealed interface OpeningHours {

    /** Whether it is open at {@code at}; empty when the hours are not known. */
    Optional<Boolean> isOpen(Instant at);

    /** The next time it opens after {@code at}, if it is closed then and its hours are known. */
    Optional<Instant> nextOpening(Instant at);

    /** The zone of weekly hours, for showing opening times. */
    default Optional<ZoneId> zone() {
        return Optional.empty();
    }

    /**
     * Open around the clock, except perhaps on the {@code unconfirmed} days in {@code timeZone} ("24/7 except Eid
     * holidays"): then its hours are not known, so it is never shown as open, nor as closed.
     */
    record Always(ZoneId timeZone, Holidays unconfirmed) implements OpeningHours {

        public Always() {
            this(ZoneOffset.UTC, Holidays.NONE);
        }

        @Override
        public Optional<Boolean> isOpen(Instant at) {
            return unconfirmed.contains(at.atZone(timeZone).toLocalDate()) ? Optional.empty() : Optional.of(true);
        }

        @Override
        public Optional<ZoneId> zone() {
            return unconfirmed == Holidays.NONE ? Optional.empty() : Optional.of(timeZone);
        }

        @Override
        public Optional<Instant> nextOpening(Instant at) {
            return Optional.empty();
        }
    }

    /**
     * Days on which a line that is otherwise always open may not be: none, or the Eid holidays. No source gives a
     * helpline's Eid dates, and a country's Eid may begin a day after the Umm al-Qura calendar's, so the days are a
     * generous window of that calendar ({@link HijrahChronology}): 29 Ramadan to 5 Shawwal (Eid al-Fitr)
     * and 9 to 15 Dhu al-Hijjah (Eid al-Adha). They only withhold "open now"; they never say the line is closed.
     */
    enum Holidays {
        NONE, EID;

        boolean contains(LocalDate date) {
            if (this == NONE) {
                return false;
            }
            HijrahDate hijri;
            try {
                hijri = HijrahChronology.INSTANCE.date(date);
            } catch (DateTimeException outsideTheCalendar) {
                return false;
            }
            int month = hijri.get(ChronoField.MONTH_OF_YEAR);
            int day = hijri.get(ChronoField.DAY_OF_MONTH);
            return month == 9 && day >= 29 || month == 10 && day <= 5 || month == 12 && day >= 9 && day <= 15;
        }
    }

    /** Hours not confirmed by any source: never shown as open. */
    record Unknown() implements OpeningHours {
        @Override
        public Optional<Boolean> isOpen(Instant at) {
            return Optional.empty();
        }

        @Override
        public Optional<Instant> nextOpening(Instant at) {
            return Optional.empty();
        }
    }

    /**
     * Weekly ranges in the helpline's own zone, minus closed dates (holidays). A range whose end is not after its
     * start spans midnight ({@code 08:30–05:30}) and belongs to the day it starts on; a closed date closes the
     * shifts that start on it.
     */
    record Weekly(ZoneId timeZone, List<Range> ranges, Set<LocalDate> closedDates) implements OpeningHours {

        public Weekly {
            ranges = List.copyOf(ranges);
            closedDates = Set.copyOf(closedDates);
        }

        @Override
        public Optional<Boolean> isOpen(Instant at) {
            ZonedDateTime local = at.atZone(timeZone);
            LocalDate today = local.toLocalDate();
            LocalTime time = local.toLocalTime();
            for (Range range : ranges) {
                if (!closedDates.contains(today) && range.coversSameDay(today.getDayOfWeek(), time)) {
                    return Optional.of(true);
                }
                LocalDate yesterday = today.minusDays(1);
                if (!closedDates.contains(yesterday) && range.coversFromYesterday(yesterday.getDayOfWeek(), time)) {
                    return Optional.of(true);
                }
            }
            return Optional.of(false);
        }

        @Override
        public Optional<Instant> nextOpening(Instant at) {
            if (isOpen(at).orElse(false)) {
                return Optional.empty();
            }
            LocalDate day = at.atZone(timeZone).toLocalDate();
            Instant best = null;
            for (int d = 0; d <= 400 && best == null; d++) {
                LocalDate date = day.plusDays(d);
                if (closedDates.contains(date)) {
                    continue;
                }
                for (Range range : ranges) {
                    Instant start = date.atTime(range.from()).atZone(timeZone).toInstant();
                    if (range.days().contains(date.getDayOfWeek()) && start.isAfter(at)
                            && (best == null || start.isBefore(best))) {
                        best = start;
                    }
                }
            }
            return Optional.ofNullable(best);
        }

        @Override
        public Optional<ZoneId> zone() {
            return Optional.of(timeZone);
        }
    }

    /**
     * Open at least at the weekly times every source agrees on; unknown outside them, where sources conflict (one
     * says 21 hours a day, another 24/7), and closed only outside {@code atMost}, the widest times any source gives
     * (Qatar's 16000: 07:00-15:00 by both sources, 07:00-22:00 by one, so closed at 02:00 by both). Without
     * {@code atMost} never shown as closed, so a line that may well answer is not written off.
     */
    record AtLeast(Weekly known, Optional<Weekly> atMost) implements OpeningHours {

        public AtLeast(Weekly known) {
            this(known, Optional.empty());
        }

        @Override
        public Optional<Boolean> isOpen(Instant at) {
            if (known.isOpen(at).orElse(false)) {
                return Optional.of(true);
            }
            return atMost.flatMap(w -> w.isOpen(at)).filter(open -> !open);
        }

        /** When closed by every source: the next time every source agrees it is open. */
        @Override
        public Optional<Instant> nextOpening(Instant at) {
            return isOpen(at).filter(open -> !open).flatMap(closed -> known.nextOpening(at));
        }

        @Override
        public Optional<ZoneId> zone() {
            return known.zone();
        }
    }

    /** One opening range on the given days. */
    record Range(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

        public Range {
            days = Set.copyOf(days);
        }

        boolean spansMidnight() {
            return !from.isBefore(to);
        }

        boolean coversSameDay(DayOfWeek day, LocalTime time) {
            if (!days.contains(day) || time.isBefore(from)) {
                return false;
            }
            return spansMidnight() || time.isBefore(to);
        }

        boolean coversFromYesterday(DayOfWeek yesterday, LocalTime time) {
            return spansMidnight() && days.contains(yesterday) && time.isBefore(to);
        }
    }
}
