package org.saath.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.saath.Components;
import org.saath.TestComponents;

/** The one place that decides which numbers a person may see. */
class ReferralsTest {

    private static final Referrals REFERRALS = new Referrals(Components.helplines(), 3);
    private static final Set<String> CRISIS = Set.of("crisis", "suicide");

    /** A rule book naming Umang must not send it to a person in the UAE. */
    @Test
    void a_line_a_rule_names_is_kept_only_for_a_person_of_its_country() {
        Referral uae = REFERRALS.find(Need.of(Set.of("anxiety"), "AE", "ar"), List.of("pk-umang"),
                TestComponents.PK_AFTERNOON);
        Referral pk = REFERRALS.find(Need.of(Set.of("anxiety"), "PK", "ur"), List.of("pk-umang"),
                TestComponents.PK_AFTERNOON);

        assertThat(uae.lines()).extracting(o -> o.helpline().id()).doesNotContain("pk-umang");
        assertThat(pk.lines()).extracting(o -> o.helpline().id()).contains("pk-umang");
    }

    @Test
    void edhi_named_by_a_rule_comes_with_rescue_1122() {
        Referral pk = REFERRALS.find(Need.of(Set.of(), "PK", "ur"), List.of("pk-edhi-115"),
                TestComponents.PK_NIGHT);

        assertThat(pk.lines()).extracting(o -> o.helpline().id()).containsExactly("pk-edhi-115", "pk-rescue-1122");
    }

    @Test
    void how_a_country_s_crisis_lines_stand_is_told_truthfully() {
        Instant uaeMidnight = Instant.parse("2026-11-21T20:00:00Z");

        assertThat(REFERRALS.find(Need.of(CRISIS, "PK", "ur"), TestComponents.PK_NIGHT).crisis())
                .isEqualTo(Referral.CrisisCover.OPEN);
        assertThat(REFERRALS.find(Need.of(CRISIS, "AE", "ar"), uaeMidnight).crisis())
                .isEqualTo(Referral.CrisisCover.CLOSED);
        assertThat(REFERRALS.find(Need.of(CRISIS, "EG", "ar"), uaeMidnight).crisis())
                .isEqualTo(Referral.CrisisCover.UNCONFIRMED);
        assertThat(REFERRALS.find(Need.of(CRISIS, "SA", "ar"), uaeMidnight).crisis())
                .isEqualTo(Referral.CrisisCover.NONE);
    }

    @Test
    void a_country_saath_knows_nothing_about_gets_the_international_fallbacks_only() {
        Referral my = REFERRALS.find(Need.of(CRISIS, "MY", "en"), TestComponents.PK_NIGHT);

        assertThat(my.lines()).isEmpty();
        assertThat(my.emergencyKnown()).isFalse();
        assertThat(my.emergency()).extracting(o -> o.helpline().id()).containsExactly("intl-mobile-112");
        assertThat(my.international()).isNotEmpty()
                .allSatisfy(o -> assertThat(o.helpline().international()).isTrue());
    }
}
