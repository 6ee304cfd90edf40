package org.saath.helpline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saath.Components;
import org.saath.TestComponents;

class HelplineDirectoryTest {

    private static final HelplineDirectory DIRECTORY = Components.helplines();

    @Test
    void the_shipped_directory_has_the_seed_lines_each_with_a_source() {
        assertThat(DIRECTORY.all()).extracting(Helpline::id).contains("pk-umang", "pk-drf-cyber-harassment",
                "pk-madadgaar", "pk-punjab-emergency-15-7", "us-988", "gb-samaritans", "ae-mental-support-line");
        assertThat(DIRECTORY.all()).allSatisfy(h -> assertThat(h.source()).startsWith("http"));
    }

    @Test
    void numbers_match_the_research_notes() {
        assertThat(contact("pk-umang")).isEqualTo("0311-7786264");
        assertThat(contact("pk-drf-cyber-harassment")).isEqualTo("0800-39393");
        assertThat(contact("pk-madadgaar")).isEqualTo("1098");
        assertThat(contact("us-988")).isEqualTo("988");
        assertThat(contact("gb-samaritans")).isEqualTo("116 123");
        assertThat(contact("ae-mental-support-line")).startsWith("800-4673");
    }

    @Test
    void at_2am_in_pakistan_the_closed_drf_line_comes_only_with_an_open_alternative_and_its_next_opening() {
        List<HelplineOffer> offers = DIRECTORY.match(Set.of("cyberbullying", "digital_safety"), "PK", "ur",
                TestComponents.PK_NIGHT, 3);

        assertThat(offers).extracting(o -> o.helpline().id())
                .containsExactly("pk-umang", "pk-drf-cyber-harassment");
        assertThat(offers.get(0).isOpen()).isTrue();
        HelplineOffer drf = offers.get(1);
        assertThat(drf.openNow()).isFalse();
        assertThat(drf.nextOpening()).isEqualTo(Instant.parse("2026-11-21T04:00:00Z")); // 09:00 in Karachi
    }

    @Test
    void in_the_afternoon_only_the_open_drf_line_is_offered_for_cyberbullying() {
        List<HelplineOffer> offers = DIRECTORY.match(Set.of("cyberbullying"), "PK", "ur",
                TestComponents.PK_AFTERNOON, 3);

        assertThat(offers).extracting(o -> o.helpline().id()).containsExactly("pk-drf-cyber-harassment");
        assertThat(offers.get(0).isOpen()).isTrue();
    }

    @Test
    void closed_lines_are_left_out_when_a_fitting_line_is_open() {
        List<HelplineOffer> offers = DIRECTORY.match(Set.of("cyberbullying", "crisis"), "PK", "ur",
                TestComponents.PK_NIGHT, 5);

        assertThat(offers).extracting(o -> o.helpline().id()).doesNotContain("pk-drf-cyber-harassment");
        assertThat(offers).filteredOn(o -> Boolean.FALSE.equals(o.openNow())).isEmpty();
    }

    @Test
    void national_lines_for_everyone_come_before_regional_or_group_lines_that_fit() {
        Need inChitral = new Need(Set.of("crisis", "suicide"), "PK", "roman_ur", Set.of("women"),
                Set.of("Punjab", "Chitral"));

        List<String> ids = DIRECTORY.match(inChitral, TestComponents.PK_NIGHT, 10).stream()
                .map(o -> o.helpline().id()).toList();

        assertThat(ids.get(0)).isEqualTo("pk-umang");
        assertThat(ids.indexOf("pk-humraaz-1166")).isLessThan(ids.indexOf("pk-chitral-women-helpline"));
        assertThat(ids.indexOf("pk-humraaz-1166")).isLessThan(ids.indexOf("pk-punjab-emergency-15-7"));
    }

    /** A man in Lahore was offered a women's line in Chitral in every crisis list (reply review row 67). */
    @Test
    void a_line_for_one_region_or_group_is_left_out_unless_the_person_fits_it() {
        List<String> ids = DIRECTORY.match(Set.of("crisis", "suicide"), "PK", "roman_ur", TestComponents.PK_NIGHT,
                10).stream().map(o -> o.helpline().id()).toList();

        assertThat(ids).contains("pk-umang").doesNotContain("pk-chitral-women-helpline", "pk-punjab-emergency-15-7",
                "pk-happy-kp", "pk-sindh-mental-health-authority");
    }

    @Test
    void a_women_s_line_fits_domestic_violence_and_a_provincial_one_only_when_the_province_is_named() {
        List<String> national = DIRECTORY.match(Set.of("abuse_violence", "gbv"), "PK", "ur",
                TestComponents.PK_NIGHT, 10).stream().map(o -> o.helpline().id()).toList();
        List<String> inLahore = DIRECTORY.match(new Need(Set.of("abuse_violence", "gbv"), "PK", "ur", Set.of(),
                Set.of("Punjab")), TestComponents.PK_NIGHT, 10).stream().map(o -> o.helpline().id()).toList();

        assertThat(national).contains("pk-madadgaar", "pk-mohr-1099").doesNotContain("pk-punjab-women-helpline-1043");
        assertThat(inLahore).contains("pk-punjab-women-helpline-1043", "pk-madadgaar");
    }

    @Test
    void paired_lines_are_shown_together() {
        List<HelplineOffer> offers = DIRECTORY.match(Set.of("suicide"), "US", "en", TestComponents.PK_NIGHT, 1);

        assertThat(offers).extracting(o -> o.helpline().id()).containsExactly("us-988", "us-crisis-text-line");
    }

    @Test
    void verified_lines_rank_before_unverified_ones_with_the_same_status() {
        Need inPunjab = new Need(Set.of("crisis"), "PK", "ur", Set.of(), Set.of("Punjab"));

        List<HelplineOffer> offers = DIRECTORY.match(inPunjab, TestComponents.PK_AFTERNOON, 5);

        assertThat(offers).extracting(o -> o.helpline().id())
                .containsSubsequence("pk-umang", "pk-humraaz-1166", "pk-punjab-emergency-15-7");
    }

    /** The research's rule: the emergency number itself, police and ambulance, for each country it covers. */
    @Test
    void each_country_s_emergency_numbers_come_from_the_research_and_edhi_never_alone() {
        assertThat(emergency("PK")).containsExactly("15", "1122");
        assertThat(emergency("AE")).containsExactly("999", "998");
        assertThat(emergency("SA")).containsExactly("911", "999", "997");
        assertThat(DIRECTORY.byId("sa-unified-911").orElseThrow().where("ar")).as("where 911 works, said with it")
                .hasValueSatisfying(w -> assertThat(w).contains("الرياض"));
        assertThat(emergency("EG")).containsExactly("122", "123");
        assertThat(emergency("LB")).containsExactly("112", "140");
        assertThat(emergency("GB")).containsExactly("999");
        assertThat(emergency("MY")).isEmpty();
        // in the EU only the EU-wide number, which the research's official source says works in every member state
        assertThat(emergency("DE")).containsExactly("112");
        assertThat(emergency("FR")).containsExactly("112");
        assertThat(DIRECTORY.byId("pk-edhi-115").orElseThrow().pairedWith()).containsExactly("pk-rescue-1122");
        assertThat(DIRECTORY.all()).filteredOn(Helpline::emergency)
                .allSatisfy(h -> assertThat(h.service()).isIn("police", "ambulance", "emergency"));
    }

    /**
     * An overdose, a cut or a hanging is a medical emergency: the ambulance comes before the police (Egypt's police
     * 122 had stood before its ambulance 123 for a whole box of tablets swallowed); a single number stays alone, and
     * a line paired with the ambulance stays beside it.
     */
    @Test
    void a_medical_emergency_puts_the_ambulance_first() {
        assertThat(medical("EG")).containsExactly("123", "122");
        assertThat(medical("PK")).containsExactly("1122", "15");
        assertThat(medical("AE")).containsExactly("998", "999");
        assertThat(medical("SA")).containsExactly("997", "911", "999");
        assertThat(medical("GB")).containsExactly("999");
        assertThat(emergency("EG")).as("not medical: the file's order").containsExactly("122", "123");
    }

    private static List<String> medical(String country) {
        return DIRECTORY.emergency(country, TestComponents.PK_NIGHT, true).stream()
                .map(o -> o.helpline().contacts().get(0).value()).toList();
    }

    /** Numbers the research marks UNCONFIRMED or conflicting are never shown as checked facts. */
    @Test
    void conflicting_or_unconfirmed_numbers_are_left_out_or_carried_as_not_confirmed() {
        assertThat(DIRECTORY.all()).extracting(h -> h.contacts().get(0).value())
                .doesNotContain("1021", "1030", "1097", "1093", "920033360", "16328", "03-018019", "1714", "139",
                        "0304-1111741");
        assertThat(DIRECTORY.all()).filteredOn(h -> h.country().equals("PK") && h.contacts().get(0).value()
                .equals("911")).isEmpty();
        for (String unconfirmed : List.of("pk-humraaz-1166", "pk-edhi-115", "ae-mental-support-line",
                "lb-embrace-lifeline", "qa-mental-health-16000", "ma-police-19", "intl-mobile-112")) {
            assertThat(DIRECTORY.byId(unconfirmed).orElseThrow().verified()).as(unconfirmed).isFalse();
        }
        assertThat(DIRECTORY.byId("pk-humraaz-1166").orElseThrow().notes()).contains("CONFLICT");
    }

    /** Embrace's sources agree on 08:30-05:30 and disagree on the rest: open then, unknown (never closed) after. */
    @Test
    void a_line_whose_sources_agree_only_on_some_hours_is_open_then_and_unknown_otherwise() {
        Helpline embrace = DIRECTORY.byId("lb-embrace-lifeline").orElseThrow();

        assertThat(embrace.openAt(Instant.parse("2026-11-21T21:00:00Z"))).contains(true);   // 23:00 in Beirut
        assertThat(embrace.openAt(Instant.parse("2026-11-22T05:00:00Z"))).isEmpty();        // 07:00: not known
    }

    @Test
    void international_fallbacks_are_the_directories_the_research_cites() {
        assertThat(DIRECTORY.international(Set.of("crisis"), TestComponents.PK_NIGHT))
                .extracting(o -> o.helpline().contacts().get(0).value())
                .containsExactly("https://findahelpline.com", "https://www.befrienders.org");
        assertThat(DIRECTORY.hasLines("MY")).isFalse();
        assertThat(DIRECTORY.hasLines("BH")).isFalse();
        assertThat(DIRECTORY.hasLines("SA")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "topics: [astrology]|unknown topic 'astrology'",
        "country: XX|country must be an ISO 3166 code",
        "source: ''|source URL is missing",
        "languages: [fr]|unknown language 'fr'",
        "topics: [emergency]|an emergency entry needs service",
        "service: police|service is only for emergency entries",
        "names: {fr: Ligne}|names: unknown language 'fr'",
        "where: {en: in Lahore}|where: give the places in every language",
        "silent: {en: press 55}|silent is only for emergency entries"
    })
    void a_bad_entry_is_a_load_error_naming_the_entry(String override, String message) {
        String entry = """
                helplines:
                  - id: test-line
                    name: Test
                    country: PK
                    topics: [crisis]
                    languages: [en]
                    source: https://example.org
                    last-verified: 2026-11-21
                    verified: false
                    contacts: [{type: phone, value: "1", hours: always}]
                """;
        String key = override.substring(0, override.indexOf(':'));
        String yaml = entry.contains("    " + key + ":")
                ? entry.replaceFirst("(?m)^    " + key + ":.*$", "    " + override)
                : entry.replace("    name: Test\n", "    name: Test\n    " + override + "\n");

        assertThatThrownBy(() -> HelplineDirectoryLoader.load(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml"))
                .isInstanceOf(HelplineDirectoryException.class)
                .hasMessageContaining("test.yaml, helpline 'test-line'")
                .hasMessageContaining(message);
    }

    @Test
    void bad_hours_are_refused() {
        assertThatThrownBy(() -> HelplineDirectoryLoader.parseHours(java.util.Map.of("zone", "Asia/Nowhere",
                "days", List.of("MON", "SUN"), "from", "09:00", "to", "17:00"))).hasMessageContaining("bad hours");
        assertThatThrownBy(() -> HelplineDirectoryLoader.parseHours("sometimes")).hasMessageContaining("always");
    }

    private static List<String> emergency(String country) {
        return DIRECTORY.emergency(country, TestComponents.PK_NIGHT).stream()
                .map(o -> o.helpline().contacts().get(0).value()).toList();
    }

    private static String contact(String id) {
        return DIRECTORY.byId(id).orElseThrow().contacts().get(0).value();
    }
}
