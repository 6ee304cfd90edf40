package org.saath.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.saath.dialogue.Templates;
import org.saath.helpline.HelplineDirectoryLoader;
import org.saath.nlu.Analysis;
import org.saath.nlu.Command;
import org.saath.nlu.DistressCategory;
import org.saath.nlu.Intent;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;

/**
 * The engine looks only at the rules that can match a turn's state and command; whatever the facts, the rule it
 * picks from the shipped book is the first one, in the book's order, whose conditions all hold.
 */
class RuleIndexProperties {

    private static final RuleBook BOOK = shipped();
    private static final RuleEngine ENGINE = new RuleEngine(BOOK);
    /** The topics and countries the shipped rules name, and one they do not. */
    private static final List<String> TOPICS = named(w -> w.topics().stream());
    private static final List<String> COUNTRIES = named(w -> w.countries().stream());

    @Property(tries = 3000)
    void the_rule_picked_is_the_first_in_the_book_that_matches(@ForAll("facts") TurnFacts facts) {
        Rule first = BOOK.rules().stream().filter(r -> r.matches(facts)).findFirst().orElseThrow();

        assertThat(ENGINE.decide(facts).ruleId()).isEqualTo(first.id());
    }

    @Provide
    Arbitrary<TurnFacts> facts() {
        Arbitrary<Optional<Command>> command = Arbitraries.of(Command.values()).optional(0.6);
        Arbitrary<Set<DistressCategory>> signals = Arbitraries.of(DistressCategory.values()).set().ofMaxSize(4);
        Arbitrary<RiskLevel> risk = Arbitraries.of(RiskLevel.values());
        Arbitrary<Boolean> yes = Arbitraries.of(true, false);
        Arbitrary<Intent> intent = Arbitraries.of(Intent.values());
        return Combinators.combine(
                Combinators.combine(intent, Arbitraries.doubles().between(0, 1), yes, risk, risk,
                        Arbitraries.of(Language.values()), Arbitraries.of(COUNTRIES),
                        Arbitraries.of(DialogueState.values())).as(Head::new),
                Combinators.combine(yes, yes, command, Arbitraries.of(TOPICS), yes, signals, yes, risk).as(Middle::new),
                Combinators.combine(yes, Arbitraries.of(Analysis.ActBefore.values()), intent,
                        Arbitraries.of(TurnFacts.PlaceSaid.values())).as(Tail::new))
                .as((h, m, t) -> new TurnFacts(h.intent, h.confidence, h.lowConfidence, h.risk, h.conversationRisk,
                        h.language, h.country, h.state, m.requestsHuman, m.thirdPerson, m.command, m.topic,
                        m.topicSaid, m.signals, m.asksAboutMeans, m.earlierRisk, t.counsellorAvailable, t.actBefore,
                        t.classified, t.placeSaid));
    }

    private record Head(Intent intent, double confidence, boolean lowConfidence, RiskLevel risk,
                        RiskLevel conversationRisk, Language language, String country, DialogueState state) {
    }

    private record Middle(boolean requestsHuman, boolean thirdPerson, Optional<Command> command, String topic,
                          boolean topicSaid, Set<DistressCategory> signals, boolean asksAboutMeans,
                          RiskLevel earlierRisk) {
    }

    private record Tail(boolean counsellorAvailable, Analysis.ActBefore actBefore, Intent classified,
                        TurnFacts.PlaceSaid placeSaid) {
    }

    private static List<String> named(Function<Rule.When, Stream<String>> of) {
        List<String> values = BOOK.rules().stream().flatMap(r -> of.apply(r.when())).distinct()
                .collect(Collectors.toList());
        values.add("");
        values.add("XX");
        return values;
    }

    private static RuleBook shipped() {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/rules.yaml"))) {
            return RuleBook.load(in, "rules.yaml", Templates.loadFromClasspath().ids(),
                    HelplineDirectoryLoader.TOPICS, id -> true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
