package org.saath.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.channel.InboundMessage;
import org.saath.dialogue.RtlText;
import org.saath.outbox.MutableClock;
import org.saath.store.HandoffStore;

/** An offer nobody claims moves to the fallback partner, then expires back to the bot with a crisis line. */
class OfferExpiryTest {

    @TempDir
    Path dir;

    @Test
    void an_unclaimed_offer_moves_on_then_expires_and_the_person_is_told_with_a_number() throws Exception {
        Path partners = Files.writeString(dir.resolve("partners.yaml"), """
                partners:
                  - id: partner-a
                    name: A
                    countries: [PK]
                    capacity: 1
                    acceptance-deadline: PT5M
                    api-key-sha256: %s
                    fallback: partner-c
                  - id: partner-c
                    name: C
                    countries: [PK]
                    capacity: 1
                    acceptance-deadline: PT5M
                    api-key-sha256: %s
                """.formatted(PartnerDirectory.sha256("key-a-0123456789"), PartnerDirectory.sha256("key-c-0123456789")));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T21:00:00Z")); // 02:00 in Karachi
        Components c = TestComponents.load(TestComponents.config(dir.resolve("data")).withPartnersFile(partners.toString()),
                TestComponents.analyser(), clock);
        String id = escalated(c, "i want to end my life");
        assertThat(c.handoffs().escalation(id).map(HandoffStore.Escalation::partnerId)).contains("partner-a");

        clock.advance(Duration.ofMinutes(4));
        assertThat(c.desk().expireLapsedOffers()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(c.desk().expireLapsedOffers()).isEqualTo(1);
        assertThat(c.handoffs().escalation(id).map(HandoffStore.Escalation::partnerId)).contains("partner-c");

        clock.advance(Duration.ofMinutes(6));
        c.desk().expireLapsedOffers();

        assertThat(c.handoffs().escalation(id).map(HandoffStore.Escalation::state)).contains("expired");
        assertThat(c.handoffs().events(id)).containsExactly("null>requested by saath", "requested>offered by saath",
                "offered>offered by lapsed:partner-a", "offered>expired by lapsed:partner-c");
        assertThat(c.turns().messagesFor("generic", "u-1", 0, c.handoffs())).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("No counsellor could take the conversation")
                        .contains("0311-7786264"));
    }

    /** The escalation a first message of person u-1 in Pakistan opens. */
    private static String escalated(Components c, String text) {
        return c.turns().handle(new InboundMessage("generic", "u-1", "m-1", text, Optional.of("PK"))).escalation().id();
    }

    /** Partners A and B, both for Pakistan, two places each, five minutes to claim an offer. */
    private Components twoPakistanPartners(MutableClock clock) throws java.io.IOException {
        Path partners = Files.writeString(dir.resolve("partners.yaml"), """
                partners:
                  - {id: partner-a, name: A, countries: [PK], capacity: 2, acceptance-deadline: PT5M,
                     api-key-sha256: %1$s}
                  - {id: partner-b, name: B, countries: [PK], capacity: 2, acceptance-deadline: PT5M,
                     api-key-sha256: %1$s}
                """.formatted(PartnerDirectory.sha256("key-0123456789abcdef")));
        return TestComponents.load(TestComponents.config(dir.resolve("data")).withPartnersFile(partners.toString()),
                TestComponents.analyser(), clock);
    }

    /**
     * An offer can come back to a partner that handed it on (A transfers to B, B lets it lapse, A is the one that
     * fits): its notification is a new delivery, not a clash with the first one's key.
     */
    @Test
    void an_offer_comes_back_to_the_partner_that_transferred_it() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
        Components c = twoPakistanPartners(clock);
        String id = escalated(c, "i want to end my life");
        assertThat(c.handoffs().escalation(id).map(HandoffStore.Escalation::partnerId)).contains("partner-a");
        c.desk().transfer(Caller.partnerSystem(c.partners().byId("partner-a").orElseThrow()), id, "partner-b");

        clock.advance(Duration.ofMinutes(6));
        assertThat(c.desk().expireLapsedOffers()).isEqualTo(1);

        assertThat(c.handoffs().escalation(id).map(HandoffStore.Escalation::partnerId)).contains("partner-a");
        assertThat(c.handoffs().events(id)).containsExactly("null>requested by saath", "requested>offered by saath",
                "offered>offered by partner:partner-a", "offered>offered by lapsed:partner-b");
        assertThat(c.handoffs().load("partner-a") + c.handoffs().load("partner-b")).as("one place held").isEqualTo(1);
    }

    /**
     * A transfer goes only to a partner that could answer now: not to one that is closed, nor to one that does not
     * speak the person's language; the escalation stays where it was.
     */
    @Test
    void a_transfer_to_a_closed_partner_or_one_without_the_person_s_language_is_refused() throws Exception {
        Path partners = Files.writeString(dir.resolve("partners.yaml"), """
                partners:
                  - {id: partner-a, name: A, countries: [PK], capacity: 2, api-key-sha256: %1$s}
                  - {id: partner-day, name: Day, countries: [PK], capacity: 2, api-key-sha256: %1$s,
                     hours: {zone: Asia/Karachi, days: [MON, SUN], from: "09:00", to: "17:00"}}
                  - {id: partner-arabic, name: Arabic, countries: [PK], languages: [ar], capacity: 2,
                     api-key-sha256: %1$s}
                  - {id: partner-urdu, name: Urdu, countries: [PK], languages: [en, ur], capacity: 2,
                     api-key-sha256: %1$s}
                """.formatted(PartnerDirectory.sha256("key-0123456789abcdef")));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T21:00:00Z")); // 02:00 in Karachi
        Components c = TestComponents.load(TestComponents.config(dir.resolve("data")).withPartnersFile(partners.toString()),
                TestComponents.analyser(), clock);
        String id = escalated(c, "i want to end my life");
        Caller a = Caller.partnerSystem(c.partners().byId("partner-a").orElseThrow());

        assertThatThrownBy(() -> c.desk().transfer(a, id, "partner-day")).isInstanceOf(EscalationStateException.class)
                .hasMessageContaining("closed now");
        assertThatThrownBy(() -> c.desk().transfer(a, id, "partner-arabic"))
                .isInstanceOf(EscalationStateException.class).hasMessageContaining("language (en)");
        assertThat(c.handoffs().escalation(id).map(HandoffStore.Escalation::partnerId)).contains("partner-a");

        c.desk().transfer(a, id, "partner-urdu");
        assertThat(c.handoffs().escalation(id).map(HandoffStore.Escalation::partnerId)).contains("partner-urdu");
    }

    /** A crisis written while the offer waited: the next partner is told the risk as it is now, routed as a crisis. */
    @Test
    void a_lapsed_offer_tells_the_next_partner_the_risk_a_later_message_raised() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
        Components c = twoPakistanPartners(clock);
        String id = escalated(c, "please let me talk to a human");
        assertThat(c.handoffs().escalation(id).map(HandoffStore.Escalation::risk)).contains("none");
        clock.advance(Duration.ofMinutes(1));
        c.turns().handle(new InboundMessage("generic", "u-1", "m-2", "i have swallowed all my sleeping pills just now",
                Optional.of("PK")));

        clock.advance(Duration.ofMinutes(5));
        assertThat(c.desk().expireLapsedOffers()).isEqualTo(1);

        assertThat(c.handoffs().escalation(id)).hasValueSatisfying(e -> {
            assertThat(e.partnerId()).isEqualTo("partner-b");
            assertThat(e.risk()).isEqualTo("imminent");
            assertThat(e.topic()).isEqualTo("crisis");
        });
        assertThat(org.saath.Sqlite.strings(dir.resolve("data"), "SELECT payload FROM outbox WHERE target = "
                + "'partner-b'")).singleElement().asString().contains("\"risk\":\"imminent\"")
                .contains("\"topic\":\"crisis\"");
    }

    @Test
    void a_lapsed_offer_moves_on_for_the_person_s_country_not_the_partner_s() throws Exception {
        Path partners = Files.writeString(dir.resolve("partners.yaml"), """
                partners:
                  - {id: both, name: Both, countries: [PK, AE], capacity: 1, acceptance-deadline: PT5M,
                     api-key-sha256: %1$s}
                  - {id: pakistan-only, name: P, countries: [PK], capacity: 1, api-key-sha256: %1$s}
                  - {id: uae-only, name: U, countries: [AE], capacity: 1, api-key-sha256: %1$s}
                """.formatted(PartnerDirectory.sha256("key-0123456789abcdef")));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
        Components c = TestComponents.load(TestComponents.config(dir.resolve("data")).withPartnersFile(partners.toString()),
                TestComponents.analyser(), clock);
        String id = c.turns().handle(new InboundMessage("generic", "u-1", "m-1", "i want to end my life",
                Optional.of("AE"))).escalation().id();
        assertThat(c.handoffs().escalation(id).map(HandoffStore.Escalation::partnerId)).contains("both");

        clock.advance(Duration.ofMinutes(6));
        c.desk().expireLapsedOffers();

        assertThat(c.handoffs().escalation(id).map(HandoffStore.Escalation::partnerId)).contains("uae-only");
    }

    /** A person writing in Arabic from the UAE was sent Pakistan's Umang when an unclaimed offer expired (issue 10). */
    @Test
    void an_expired_offer_gives_the_numbers_of_the_person_s_country_never_the_deployment_s() throws Exception {
        Path partners = Files.writeString(dir.resolve("partners.yaml"), """
                partners:
                  - {id: uae, name: U, countries: [AE], capacity: 1, acceptance-deadline: PT5M, api-key-sha256: %s}
                """.formatted(PartnerDirectory.sha256("key-0123456789abcdef")));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T00:00:00Z")); // 04:00 in Dubai
        Components c = TestComponents.load(TestComponents.config(dir.resolve("data")).withPartnersFile(partners.toString()),
                TestComponents.analyser(), clock); // the deployment's default country is PK
        String id = c.turns().handle(new InboundMessage("generic", "u-ae", "m-1", "بدي انتحر ما عاد فيني",
                Optional.of("AE"))).escalation().id();

        clock.advance(Duration.ofMinutes(6));
        c.desk().expireLapsedOffers();

        assertThat(c.handoffs().escalation(id).map(HandoffStore.Escalation::state)).contains("expired");
        assertThat(c.turns().messagesFor("generic", "u-ae", 0, c.handoffs())).singleElement()
                .satisfies(m -> assertThat(RtlText.plain(m.text())).startsWith("لم يتمكن أي مستشار")
                        .contains("999", "998", "800-4673").doesNotContain("0311-7786264", "Umang"));
    }

    @Test
    void a_counsellor_handing_back_a_high_risk_conversation_leaves_the_crisis_line_with_the_person() throws Exception {
        Path partners = Files.writeString(dir.resolve("partners.yaml"), """
                partners:
                  - {id: pk, name: P, countries: [PK], capacity: 1, api-key-sha256: %s}
                """.formatted(PartnerDirectory.sha256("key-0123456789abcdef")));
        Components c = TestComponents.load(TestComponents.config(dir.resolve("data")).withPartnersFile(partners.toString()),
                TestComponents.analyser(), new MutableClock(TestComponents.PK_AFTERNOON));
        String id = c.turns().handle(new InboundMessage("generic", "u-pk", "m-1", "i want to end my life",
                Optional.of("PK"))).escalation().id();
        Caller partner = Caller.partnerSystem(c.partners().byId("pk").orElseThrow());

        c.desk().claim(partner, id);
        c.desk().resolve(partner, id, ResolveOutcome.SAFE);

        assertThat(c.turns().messagesFor("generic", "u-pk", 0, c.handoffs())).last()
                .satisfies(m -> assertThat(m.text()).startsWith("A crisis line you can reach right now:\n"
                        + "- Umang: phone 0311-7786264 (open 24/7)").contains("The counsellor has ended the chat."));
    }
}
