package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.channel.InboundMessage;
import org.saath.channel.SmsSegments;
import org.saath.channel.TurnResult;
import org.saath.escalation.PartnerDirectory;
import org.saath.nlu.Language;

/**
 * The first crisis reply fits one phone screen (issue 17): at most {@value #MESSAGES} messages and the character and
 * SMS budget of its language (README, "The conversation"), in seven countries, at 2 a.m. and 2 p.m. there, with and
 * without a counsellor to ask; and an English or Roman Urdu reply is plain GSM-7, so a "•" never doubles its cost.
 * Characters are what the person reads (the right-to-left marks not counted); segments are those of the text sent.
 */
class CrisisLengthBudgetTest {

    /** Messages in a first crisis reply: the reply, then the privacy notice (or the consent question with it). */
    static final int MESSAGES = 2;

    /** The budget of one language: characters read, and SMS segments sent, over the whole first reply. */
    record Budget(int characters, int segments) {
    }

    static final Map<Language, Budget> BUDGETS = Map.of(
            Language.EN, new Budget(850, 7),
            Language.ROMAN_UR, new Budget(1050, 8),
            Language.UR, new Budget(950, 15),
            Language.AR, new Budget(850, 14));

    /** A first message at high or imminent risk in each language. */
    private static final Map<Language, List<String>> FIRST = Map.of(
            Language.EN, List.of("i want to end my life", "i want to kill myself tonight, i have the pills"),
            Language.ROMAN_UR, List.of("mujhe jeena nahi hai", "main abhi pankhe se latak jaunga, rassi tayyar hai"),
            Language.UR, List.of("میں مرنا چاہتی ہوں، اب اور برداشت نہیں ہوتا",
                    "میں آج رات خود کو مار دوں گا، گولیاں میرے پاس ہیں"),
            Language.AR, List.of("بدي انتحر ما عاد فيني", "رح انتحر الليلة، جمعت حبوب"));

    private static final List<String> COUNTRIES = List.of("PK", "AE", "EG", "SA", "LB", "GB", "FR");
    /** 02:00 and 14:00 on a Saturday, in the country's own zone. */
    private static final Map<String, String> ZONES = Map.of("PK", "+05:00", "AE", "+04:00", "EG", "+02:00",
            "SA", "+03:00", "LB", "+02:00", "GB", "+00:00", "FR", "+01:00");

    @TempDir
    Path dir;

    @Test
    void the_first_crisis_reply_fits_its_language_s_budget_in_every_country_at_every_hour() throws IOException {
        List<Measured> report = new ArrayList<>();
        record Moment(Instant at, String country, String hour) {
        }
        List<Moment> moments = new ArrayList<>();
        for (String hour : List.of("02:00", "14:00")) {
            for (String country : COUNTRIES) {
                moments.add(new Moment(OffsetDateTime.parse("2026-11-21T" + hour + ":00" + ZONES.get(country))
                        .toInstant(), country, hour));
            }
        }
        moments.sort(Comparator.comparing(Moment::at)); // one clock per app, moved forward only
        int n = 0;
        for (boolean partner : List.of(false, true)) {
            GoldenConversations.ScriptClock clock = new GoldenConversations.ScriptClock(moments.get(0).at());
            Components app = components(partner, clock);
            for (Moment moment : moments) {
                clock.moveTo(moment.at());
                for (Map.Entry<Language, List<String>> first : FIRST.entrySet()) {
                    for (String message : first.getValue()) {
                        TurnResult result = app.turns().handle(new InboundMessage("test", "u-" + n++, "m-1",
                                message, Optional.of(moment.country())));
                        report.add(new Measured(first.getKey(), moment.country() + " " + moment.hour()
                                + (partner ? " +partner" : ""), message, result));
                    }
                }
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/crisis-reply-lengths.tsv"), report.stream().map(Measured::row).toList());
        report.forEach(CrisisLengthBudgetTest::check);
    }

    /** One first reply as measured; the report ({@code target/crisis-reply-lengths.tsv}) is the README's source. */
    record Measured(Language language, String where, String message, TurnResult result) {

        int characters() {
            return result.replies().stream().mapToInt(r -> RtlText.plain(r.text()).length()).sum();
        }

        int segments() {
            return result.replies().stream().mapToInt(r -> SmsSegments.of(r.text())).sum();
        }

        String row() {
            return String.join("\t", language.code(), where, message, Integer.toString(result.replies().size()),
                    Integer.toString(characters()), Integer.toString(segments()),
                    RtlText.plain(result.replies().get(0).text()).replace("\n", " | "));
        }
    }

    private static void check(Measured m) {
        String as = m.language().code() + " " + m.where() + ": " + m.message() + "\n" + m.row();
        List<TurnResult.Reply> replies = m.result().replies();
        Budget budget = BUDGETS.get(m.language());

        assertThat(replies).as(as).hasSizeLessThanOrEqualTo(MESSAGES);
        assertThat(m.characters()).as(as).isLessThanOrEqualTo(budget.characters());
        assertThat(m.segments()).as(as).isLessThanOrEqualTo(budget.segments());
        if (m.language() == Language.EN || m.language() == Language.ROMAN_UR) {
            replies.forEach(r -> assertThat(SmsSegments.firstNonGsm7(r.text())).as(as).isEqualTo(-1));
        }
        assertThat(replies.get(0).helplines()).as(as + ": a number to call").isNotEmpty();
    }

    private Components components(boolean partner, Clock clock) throws IOException {
        Path data = dir.resolve(partner ? "with-partner" : "alone");
        var config = TestComponents.config(data);
        if (partner) {
            Path file = Files.writeString(dir.resolve("partners.yaml"), """
                    partners:
                      - {id: everywhere, name: Counsellors, countries: [PK, AE, EG, SA, LB, GB, FR], capacity: 500,
                         api-key-sha256: %s}
                    """.formatted(PartnerDirectory.sha256("key-0123456789abcdef")));
            config = config.withPartnersFile(file.toString());
        }
        return TestComponents.load(config, TestComponents.analyser(), clock);
    }
}
