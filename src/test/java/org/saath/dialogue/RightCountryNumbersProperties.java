package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.channel.InboundMessage;
import org.saath.channel.TurnResult;
import org.saath.escalation.Caller;
import org.saath.escalation.PartnerDirectory;
import org.saath.escalation.ResolveOutcome;
import org.saath.helpline.Contact;
import org.saath.helpline.Helpline;
import org.saath.helpline.HelplineDirectory;
import org.saath.outbox.MutableClock;
import org.saath.store.HandoffStore;

/**
 * A wrong number given to someone in crisis is the worst bug this product can have (a UAE person was once sent
 * Pakistan's Umang when a counsellor offer expired). Over countries × paths × hours: every line in a reply, and
 * every number in any text the person reads (the reply, the note when an offer expires or is declined, the note
 * when a counsellor hands the conversation back), belongs to the person's own country or is an international
 * fallback; and every number in a text is one the directory holds.
 */
class RightCountryNumbersProperties {

    /** Where numbers reach a person. */
    enum Route { REPLY, OFFER_EXPIRES, PARTNER_DECLINES, COUNSELLOR_HANDS_BACK }

    private static final HelplineDirectory DIRECTORY = Components.helplines();
    private static final List<String> COUNTRIES = List.of("PK", "AE", "SA", "EG", "LB", "JO", "IQ", "QA", "KW", "BH",
            "OM", "MA", "US", "GB", "IE", "FR", "DE", "IN", "NG", "BR");
    /** A number: digits, maybe with spaces or dashes inside (a time such as 08:00 is not one). */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d:])\\d[\\d -]*\\d(?![\\d:])");

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-20T00:05:00Z"));
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final Components APP = components();

    @Property(tries = 120)
    void every_number_shown_belongs_to_the_person_s_country_or_is_an_international_fallback(
            @ForAll("countries") String country, @ForAll Route route, @ForAll("messages") String message,
            @ForAll @IntRange(min = 0, max = 30) int hoursLater) {
        CLOCK.advance(Duration.ofHours(hoursLater).plusMinutes(13));
        String user = "u-" + USERS.incrementAndGet();
        List<String> texts = new ArrayList<>();
        List<TurnResult.HelplineView> lines = new ArrayList<>();

        TurnResult reply = APP.turns().handle(new InboundMessage("generic", user, "m-1", message,
                Optional.of(country)));
        reply.replies().forEach(r -> {
            texts.add(r.text());
            lines.addAll(r.helplines());
        });
        Optional<String> offered = Optional.ofNullable(reply.escalation()).filter(e -> e.state().equals("offered"))
                .map(TurnResult.EscalationView::id);
        Caller partner = Caller.partnerSystem(APP.partners().byId("everywhere").orElseThrow());
        offered.ifPresent(id -> {
            switch (route) {
                case OFFER_EXPIRES -> {
                    CLOCK.advance(Duration.ofMinutes(6));
                    APP.desk().expireLapsedOffers();
                }
                case PARTNER_DECLINES -> APP.desk().decline(partner, id);
                case COUNSELLOR_HANDS_BACK -> {
                    APP.desk().claim(partner, id);
                    APP.desk().resolve(partner, id, ResolveOutcome.SAFE);
                }
                case REPLY -> { }
            }
        });
        APP.turns().messagesFor("generic", user, 0, APP.handoffs()).stream().map(HandoffStore.UserMessage::text)
                .forEach(texts::add);

        assertOnlyNumbersFor(country, texts, lines);
    }

    /** The expired or declined offer and the counsellor's hand-back really do give numbers on these routes. */
    @Property(tries = 12)
    void a_note_after_an_offer_ends_always_carries_a_way_to_reach_help(@ForAll("countries") String country) {
        String user = "n-" + USERS.incrementAndGet();
        TurnResult reply = APP.turns().handle(new InboundMessage("generic", user, "m-1", "i want to end my life",
                Optional.of(country)));
        APP.desk().decline(Caller.partnerSystem(APP.partners().byId("everywhere").orElseThrow()),
                reply.escalation().id());

        List<String> notes = APP.turns().messagesFor("generic", user, 0, APP.handoffs()).stream()
                .map(HandoffStore.UserMessage::text).toList();

        assertThat(notes).singleElement()
                .satisfies(note -> assertThat(note).containsAnyOf("\n- ", "\n\u200F- ", "112"));
        assertOnlyNumbersFor(country, notes, List.of());
    }

    static void assertOnlyNumbersFor(String country, List<String> texts, List<TurnResult.HelplineView> lines) {
        for (TurnResult.HelplineView line : lines) {
            Helpline h = DIRECTORY.byId(line.id()).orElseThrow();
            assertThat(h.country()).as(line.id() + " shown to a person in " + country)
                    .isIn(country, Helpline.INTERNATIONAL);
        }
        Set<String> allowed = numbers(DIRECTORY.all().stream().filter(h -> h.country().equals(country)
                || h.international()).toList());
        for (String text : texts) {
            for (String number : numbers(text)) {
                assertThat(allowed).as("the number " + number + " is not one of " + country + "'s in:\n" + text)
                        .contains(number);
            }
        }
    }

    /** Every number (3+ digits) in the lines' contacts and names, as digits. */
    private static Set<String> numbers(List<Helpline> lines) {
        Set<String> out = new java.util.HashSet<>();
        for (Helpline h : lines) {
            h.contacts().stream().map(Contact::value).forEach(v -> out.addAll(numbers(v)));
            out.addAll(numbers(h.name()));
            h.names().values().forEach(n -> out.addAll(numbers(n)));
        }
        return out;
    }

    private static List<String> numbers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            if (digits.length() >= 3) {
                out.add(digits);
            }
        }
        return out;
    }

    @Provide
    Arbitrary<String> countries() {
        return Arbitraries.of(COUNTRIES);
    }

    @Provide
    Arbitrary<String> messages() {
        return Arbitraries.of("i want to end my life", "main abhi pankhe se latak jaunga, rassi tayyar hai",
                "بدي انتحر ما عاد فيني", "مجھے جینا نہیں ہے", "he beats me every day and i'm scared",
                "can i talk to a human please", "i feel anxious all the time", "exams are stressing me out so much",
                "someone is blackmailing me with my pictures", "hi", "my brother says he will kill himself");
    }

    /** jqwik runs no Jupiter extension, so ClosesComponents does not see this app: closed and deleted here. */
    @AfterContainer
    static void close() {
        APP.database().close();
        Components.deleteFolder(Path.of(APP.config().dataDir()).getParent());
    }

    private static Components components() {
        try {
            Path dir = Files.createTempDirectory("saath-right-country");
            String everyCountry = String.join(", ", COUNTRIES);
            Path partners = Files.writeString(dir.resolve("partners.yaml"), """
                    partners:
                      - id: everywhere
                        name: Everywhere
                        countries: [%s]
                        capacity: 1000
                        acceptance-deadline: PT5M
                        api-key-sha256: %s
                    """.formatted(everyCountry, PartnerDirectory.sha256("everywhere-key-0123456789")));
            return TestComponents.load(TestComponents.config(dir.resolve("data")).withPartnersFile(partners.toString()),
                    TestComponents.analyser(), CLOCK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
