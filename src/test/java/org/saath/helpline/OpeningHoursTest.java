package org.saath.helpline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Opening hours in the helpline's own zone, with an explicit instant instead of the wall clock. */
class OpeningHoursTest {

    private static final OpeningHours KARACHI_9_TO_5 = HelplineDirectoryLoader.parseHours(
            Map.of("zone", "Asia/Karachi", "days", java.util.List.of("MON", "SUN"), "from", "09:00", "to", "17:00"));
    private static final OpeningHours BEIRUT_0830_TO_0530 = HelplineDirectoryLoader.parseHours(
            Map.of("zone", "Asia/Beirut", "days", java.util.List.of("MON", "FRI"), "from", "08:30", "to", "05:30"));

    @ParameterizedTest
    @CsvSource({
        "2026-11-21T03:59:00Z,false",   // 08:59 in Karachi
        "2026-11-21T04:00:00Z,true",    // 09:00
        "2026-11-21T11:59:00Z,true",    // 16:59
        "2026-11-21T12:00:00Z,false",   // 17:00 closes
        "2026-11-20T21:00:00Z,false"    // 02:00
    })
    void a_day_range_in_karachi(String at, boolean open) {
        assertThat(KARACHI_9_TO_5.isOpen(Instant.parse(at))).contains(open);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-20T01:00:00Z,true",    // Fri 03:00 Beirut: still Thursday's shift
        "2026-11-20T03:45:00Z,false",   // Fri 05:45: closed until 08:30
        "2026-11-21T01:00:00Z,true",    // Sat 03:00: Friday's shift runs past midnight
        "2026-11-22T01:00:00Z,false",   // Sun 03:00: no Saturday shift
        "2026-11-23T22:00:00Z,true"     // Tue 00:00: Monday's shift
    })
    void a_range_past_midnight_belongs_to_the_day_it_starts(String at, boolean open) {
        assertThat(BEIRUT_0830_TO_0530.isOpen(Instant.parse(at))).contains(open);
    }

    @Test
    void a_closed_date_closes_the_day_and_the_next_opening_skips_it() {
        OpeningHours eid = HelplineDirectoryLoader.parseHours(Map.of("zone", "Asia/Karachi",
                "weekly", java.util.List.of(Map.of("days", java.util.List.of("MON", "SUN"), "from", "09:00",
                        "to", "17:00")),
                "closed", java.util.List.of("2026-11-21")));

        assertThat(eid.isOpen(Instant.parse("2026-11-21T06:00:00Z"))).contains(false); // 11:00 on the closed day
        assertThat(eid.nextOpening(Instant.parse("2026-11-21T06:00:00Z")))
                .contains(Instant.parse("2026-11-22T04:00:00Z")); // Sunday 09:00
    }

    @Test
    void several_ranges_a_day_and_the_gap_between_them() {
        OpeningHours split = HelplineDirectoryLoader.parseHours(Map.of("zone", "Asia/Dubai", "weekly", java.util.List.of(
                Map.of("days", java.util.List.of("SUN", "THU"), "from", "08:00", "to", "12:00"),
                Map.of("days", java.util.List.of("SUN", "THU"), "from", "16:00", "to", "20:00"))));

        assertThat(split.isOpen(Instant.parse("2026-11-23T05:00:00Z"))).contains(true);   // Mon 09:00 Dubai
        assertThat(split.isOpen(Instant.parse("2026-11-23T10:00:00Z"))).contains(false);  // Mon 14:00
        assertThat(split.nextOpening(Instant.parse("2026-11-23T10:00:00Z")))
                .contains(Instant.parse("2026-11-23T12:00:00Z"));                          // Mon 16:00
        assertThat(split.isOpen(Instant.parse("2026-11-21T05:00:00Z"))).contains(false);  // Saturday
    }

    /**
     * "24/7 except Eid holidays", no dates given: around each Eid (29 Ramadan to 5 Shawwal, 9 to 15 Dhu al-Hijjah of
     * the Umm al-Qura calendar, in Karachi) the hours are unknown, neither open nor closed; open every other day.
     */
    @ParameterizedTest
    @CsvSource({
        "2026-03-16T22:00:00Z,true",      // 17 March 2026, 03:00 in Karachi: 28 Ramadan
        "2026-03-17T18:59:00Z,true",      // 17 March, 23:59: still open
        "2026-03-17T19:00:00Z,",          // 18 March 00:00 Karachi, 29 Ramadan: a sighting may bring Eid tomorrow
        "2026-03-20T06:00:00Z,",          // Eid al-Fitr (Umm al-Qura)
        "2026-03-24T18:59:00Z,",          // 24 March 23:59, 5 Shawwal
        "2026-03-24T19:00:00Z,true",      // 25 March 00:00, 6 Shawwal: open again
        "2027-05-16T06:00:00Z,",          // Eid al-Adha 2027
        "2027-02-10T06:00:00Z,true"
    })
    void a_line_open_24_7_except_on_the_eid_holidays(String at, Boolean open) {
        OpeningHours umang = HelplineDirectoryLoader.parseHours(Map.of("zone", "Asia/Karachi", "always", true,
                "unconfirmed-on", "eid"));

        assertThat(umang.isOpen(Instant.parse(at))).isEqualTo(Optional.ofNullable(open));
        assertThat(umang.nextOpening(Instant.parse(at))).isEmpty();
    }

    @Test
    void always_with_other_holidays_than_eid_is_refused_naming_the_key() {
        assertThatThrownBy(() -> HelplineDirectoryLoader.parseHours(Map.of("zone", "Asia/Karachi", "always", true,
                "unconfirmed-on", "christmas"))).hasMessageContaining("unconfirmed-on");
    }

    @Test
    void unknown_hours_are_never_shown_as_open() {
        assertThat(new OpeningHours.Unknown().isOpen(Instant.now())).isEmpty();
    }

    /**
     * Sources that conflict (Qatar's 16000: 07:00-15:00 Saturday to Thursday by one, 07:00-22:00 daily by the other):
     * open where both say so, unknown where only one does, closed where neither does, and the next opening then is the
     * next time both agree. Without at-most, never closed.
     */
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "2026-11-21T05:00:00Z,true,null",                      // Sat 08:00 Doha: both open
        "2026-11-21T14:00:00Z,null,null",                      // Sat 17:00: one source only
        "2026-11-20T06:00:00Z,null,null",                      // Fri 09:00: one source only
        "2026-11-20T23:00:00Z,false,2026-11-21T04:00:00Z"      // Sat 02:00: neither; both open at 07:00
    })
    void conflicting_sources_are_closed_only_where_every_one_says_so(String at, Boolean open, String next) {
        OpeningHours qatar = HelplineDirectoryLoader.parseHours(Map.of("zone", "Asia/Qatar",
                "days", java.util.List.of("SAT", "THU"), "from", "07:00", "to", "15:00", "outside", "unknown",
                "at-most", Map.of("days", java.util.List.of("MON", "SUN"), "from", "07:00", "to", "22:00")));
        OpeningHours withoutAtMost = HelplineDirectoryLoader.parseHours(Map.of("zone", "Asia/Qatar",
                "days", java.util.List.of("SAT", "THU"), "from", "07:00", "to", "15:00", "outside", "unknown"));

        assertThat(qatar.isOpen(Instant.parse(at))).isEqualTo(Optional.ofNullable(open));
        assertThat(qatar.nextOpening(Instant.parse(at))).isEqualTo(Optional.ofNullable(next).map(Instant::parse));
        assertThat(withoutAtMost.isOpen(Instant.parse(at))).isNotEqualTo(Optional.of(false));
    }

    @Test
    void at_most_without_outside_unknown_is_refused_naming_the_key() {
        assertThatThrownBy(() -> HelplineDirectoryLoader.parseHours(Map.of("zone", "Asia/Qatar",
                "days", java.util.List.of("SAT", "THU"), "from", "07:00", "to", "15:00",
                "at-most", Map.of("days", java.util.List.of("MON", "SUN"), "from", "07:00", "to", "22:00"))))
                .hasMessageContaining("at-most");
    }
}
