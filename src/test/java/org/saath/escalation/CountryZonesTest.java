package org.saath.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The console shows a person's local time in their country's zone, and says so when the country has several. */
class CountryZonesTest {

    private final CountryZones zones = CountryZones.fromClasspath();

    @Test
    void a_one_zone_country_gets_its_zone_without_a_note() {
        assertThat(zones.of("PK")).hasValueSatisfying(z -> {
            assertThat(z.zone()).isEqualTo(ZoneId.of("Asia/Karachi"));
            assertThat(z.note()).isEmpty();
        });
        assertThat(zones.of("AE").orElseThrow().zone()).isEqualTo(ZoneId.of("Asia/Dubai"));
    }

    @Test
    void a_country_with_several_zones_names_the_one_shown() {
        assertThat(zones.of("US").orElseThrow().note()).hasValue(
                "United States has several time zones; shown: America/New_York");
    }

    @Test
    void an_unknown_or_missing_country_has_no_zone() {
        assertThat(zones.of("ZZ")).isEmpty();
        assertThat(zones.of(null)).isEmpty();
    }
}
