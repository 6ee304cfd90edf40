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
    void national_lines_for_everyone_come_before_regional_or_group_lines() {
        List<HelplineOffer> offers = DIRECTORY.match(Set.of("crisis", "suicide"), "PK", "roman_ur",
                TestComponents.PK_NIGHT, 10);

        List<String> ids = offers.stream().map(o -> o.helpline().id()).toList();
        assertThat(ids.get(0)).isEqualTo("pk-umang");
        assertThat(ids.indexOf("pk-humraaz-1166")).isLessThan(ids.indexOf("pk-chitral-women-helpline"));
        assertThat(ids.indexOf("pk-humraaz-1166")).isLessThan(ids.indexOf("pk-punjab-emergency-15-7"));
    }

    @Test
    void paired_lines_are_shown_together() {
        List<HelplineOffer> offers = DIRECTORY.match(Set.of("suicide"), "US", "en", Instant.now(), 1);

        assertThat(offers).extracting(o -> o.helpline().id()).containsExactly("us-988", "us-crisis-text-line");
    }

    @Test
    void verified_lines_rank_before_unverified_ones_with_the_same_status() {
        List<HelplineOffer> offers = DIRECTORY.match(Set.of("crisis"), "PK", "ur", Instant.now(), 5);

        assertThat(offers).extracting(o -> o.helpline().id())
                .containsSubsequence("pk-umang", "pk-punjab-emergency-15-7");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "topics: [astrology]|unknown topic 'astrology'",
        "country: XX|country must be an ISO 3166 code",
        "source: ''|source URL is missing",
        "languages: [fr]|unknown language 'fr'"
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
        String yaml = entry.replaceFirst("(?m)^    " + key + ":.*$", "    " + override);

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

    private static String contact(String id) {
        return DIRECTORY.byId(id).orElseThrow().contacts().get(0).value();
    }
}
