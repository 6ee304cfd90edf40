package org.saath.rules;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.saath.nlu.Analysis;
import org.saath.nlu.Command;
import org.saath.nlu.DistressCategory;
import org.saath.nlu.Intent;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;

/**
 * The rule book: rules in descending priority, validated at load. Conditions: intents, topics (what the
 * conversation is about, remembered across turns), risk-at-least, risk-at-most, conversation-risk-at-least,
 * conversation-risk-at-most, earlier-risk-at-least (the conversation's before this message), signals (distress
 * categories heard in the message), signals-none (none of these heard), asks-about-means, counsellor-available
 * (whether a partner could be offered the conversation now), has-command (whether the message said any command),
 * topic-said (whether the message named the topic itself, not remembered), act-before (own | someone-else | any |
 * none: whose act on the body a message read with this one told), classified-as (the intent classifier's own reading,
 * before a risk of high made the intent a crisis), place-said (true | false | alone: whether the message said where
 * the person is, and whether it said nothing else), languages, countries,
 * states, min-confidence, low-confidence, requests-human, third-person, commands. Actions: template, helpline-topics,
 * topic-lines (the lines for what the conversation is about, from the book's {@code topic-lines} table), helplines,
 * escalate, escalate-priority, next-state, forget, safety-plan (start | answer | show), risk-at-least, consent,
 * withdraw (the person no longer wants a counsellor: the open escalation ends, its partner is told). An unknown
 * intent, risk level, language, state, signal, template, helpline topic or helpline id fails the load with a message
 * naming the file and the rule, and a book without a default rule (one with no conditions) is refused.
 *
 * @param topicLines the helpline topics for each conversation topic, and under {@value #DEFAULT_LINES} for any other
 *                   or none: one table for every reply that follows what the conversation is about ("more lines",
 *                   "is it free?", "nobody answered"), so a topic's lines are written once, not once a command
 */
public record RuleBook(List<Rule> rules, Map<String, Set<String>> topicLines) {

    /** The key of {@code topic-lines} for a conversation whose topic has no entry of its own. */
    public static final String DEFAULT_LINES = "default";

    public RuleBook {
        rules = List.copyOf(rules);
        topicLines = Map.copyOf(topicLines);
    }

    /** The helpline topics for a conversation about {@code topic} ({@code ""}: about nothing yet). */
    public Set<String> linesFor(String topic) {
        return topicLines.getOrDefault(topic, topicLines.getOrDefault(DEFAULT_LINES, Set.of()));
    }

    record RawBook(List<RawRule> rules, @JsonProperty("topic-lines") Map<String, List<String>> topicLines) {
    }

    record RawRule(String id, Integer priority, RawWhen when, RawThen then) {
    }

    record RawWhen(List<String> intents, @JsonProperty("risk-at-least") String riskAtLeast,
                   @JsonProperty("risk-at-most") String riskAtMost, List<String> languages, List<String> countries,
                   List<String> states, @JsonProperty("min-confidence") Double minConfidence,
                   @JsonProperty("low-confidence") Boolean lowConfidence,
                   @JsonProperty("requests-human") Boolean requestsHuman,
                   @JsonProperty("third-person") Boolean thirdPerson, List<String> commands, List<String> topics,
                   @JsonProperty("conversation-risk-at-least") String conversationRiskAtLeast,
                   @JsonProperty("conversation-risk-at-most") String conversationRiskAtMost, List<String> signals,
                   @JsonProperty("asks-about-means") Boolean asksAboutMeans,
                   @JsonProperty("earlier-risk-at-least") String earlierRiskAtLeast,
                   @JsonProperty("signals-none") List<String> signalsNone,
                   @JsonProperty("counsellor-available") Boolean counsellorAvailable,
                   @JsonProperty("has-command") Boolean hasCommand,
                   @JsonProperty("topic-said") Boolean topicSaid,
                   @JsonProperty("act-before") String actBefore,
                   @JsonProperty("classified-as") List<String> classifiedAs,
                   @JsonProperty("place-said") String placeSaid) {
    }

    record RawThen(String template, @JsonProperty("helpline-topics") List<String> helplineTopics,
                   List<String> helplines, Boolean escalate, @JsonProperty("escalate-priority") String priority,
                   @JsonProperty("next-state") String nextState, Boolean forget, @JsonProperty("safety-plan") String plan,
                   @JsonProperty("risk-at-least") String riskAtLeast, String consent, Boolean withdraw,
                   @JsonProperty("topic-lines") Boolean topicLines) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Loads and validates a rule book.
     *
     * @param templates    the template ids every language has
     * @param topics       the helpline topics the directory knows
     * @param helplineById whether a helpline id exists
     */
    public static RuleBook load(InputStream in, String name, Set<String> templates, Set<String> topics,
                                Predicate<String> helplineById) {
        RawBook raw;
        try {
            raw = YAML.readValue(in, RawBook.class);
        } catch (IOException e) {
            throw new RuleBookException(name + ": " + e.getMessage(), e);
        }
        if (raw == null || raw.rules() == null || raw.rules().isEmpty()) {
            throw new RuleBookException(name + ": no rules", null);
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RawRule r : raw.rules()) {
            try {
                Rule rule = convert(r, templates, topics, helplineById);
                check(ids.add(rule.id()), "duplicate rule id");
                rules.add(rule);
            } catch (RuntimeException e) {
                throw new RuleBookException(name + ", rule '" + r.id() + "': " + e.getMessage(), e);
            }
        }
        rules.sort(Comparator.comparingInt(Rule::priority).reversed());
        if (rules.stream().noneMatch(RuleBook::isDefault)) {
            throw new RuleBookException(name + ": no default rule (a rule without conditions)", null);
        }
        Map<String, Set<String>> lines = topicLines(raw.topicLines(), name, topics);
        rules.stream().filter(r -> r.then().topicLines() && !lines.containsKey(DEFAULT_LINES)).findFirst()
                .ifPresent(r -> {
                    throw new RuleBookException(name + ", rule '" + r.id() + "': topic-lines needs a '"
                            + DEFAULT_LINES + "' entry in the book's topic-lines", null);
                });
        return new RuleBook(rules, lines);
    }

    /** The book's {@code topic-lines} table: each key a topic or {@value #DEFAULT_LINES}, each value helpline topics. */
    private static Map<String, Set<String>> topicLines(Map<String, List<String>> raw, String name,
                                                       Set<String> topics) {
        Map<String, Set<String>> lines = new TreeMap<>();
        if (raw == null) {
            return lines;
        }
        raw.forEach((topic, helplineTopics) -> {
            try {
                check(topic.equals(DEFAULT_LINES) || topics.contains(topic), "unknown topic '" + topic + "'");
                check(helplineTopics != null && !helplineTopics.isEmpty(), "no helpline topics for '" + topic + "'");
                lines.put(topic, set(helplineTopics, t -> {
                    check(topics.contains(t), "unknown helpline topic '" + t + "'");
                    return t;
                }));
            } catch (RuntimeException e) {
                throw new RuleBookException(name + ", topic-lines: " + e.getMessage(), e);
            }
        });
        return lines;
    }

    private static boolean isDefault(Rule rule) {
        Rule.When w = rule.when();
        return w.intents().isEmpty() && w.riskAtLeast() == null && w.riskAtMost() == null
                && w.languages().isEmpty() && w.countries().isEmpty() && w.states().isEmpty()
                && w.minConfidence() == null && w.lowConfidence() == null && w.requestsHuman() == null
                && w.thirdPerson() == null && w.commands().isEmpty() && w.topics().isEmpty()
                && w.conversationRiskAtLeast() == null && w.conversationRiskAtMost() == null && w.signals().isEmpty()
                && w.asksAboutMeans() == null && w.earlierRiskAtLeast() == null && w.signalsNone().isEmpty()
                && w.counsellorAvailable() == null && w.hasCommand() == null && w.topicSaid() == null
                && w.actBefore().isEmpty() && w.classifiedAs().isEmpty() && w.placeSaid() == null;
    }

    /** {@code place-said}: {@code true} (said, alone or not), {@code false} (not said) or {@code alone}. */
    private static TurnFacts.PlaceSaid placeSaid(String said) {
        if (said == null) {
            return null;
        }
        return switch (said) {
            case "true" -> TurnFacts.PlaceSaid.SAID;
            case "false" -> TurnFacts.PlaceSaid.NONE;
            case "alone" -> TurnFacts.PlaceSaid.ALONE;
            default -> throw new IllegalArgumentException("place-said must be true, false or alone, not '" + said
                    + "'");
        };
    }

    private static Rule convert(RawRule r, Set<String> templates, Set<String> topics,
                                Predicate<String> helplineById) {
        check(r.id() != null && !r.id().isBlank(), "id is missing");
        check(r.priority() != null, "priority is missing");
        check(r.then() != null && r.then().template() != null, "then.template is missing");
        check(templates.contains(r.then().template()), "unknown template '" + r.then().template() + "'");
        RawWhen w = r.when() == null
                ? new RawWhen(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null) : r.when();
        RawThen t = r.then();
        Set<String> helplineTopics = set(t.helplineTopics(), topic -> {
            check(topics.contains(topic), "unknown helpline topic '" + topic + "'");
            return topic;
        });
        boolean topicLines = Boolean.TRUE.equals(t.topicLines());
        check(!topicLines || helplineTopics.isEmpty(), "helpline-topics and topic-lines both name the lines");
        List<String> helplineIds = t.helplines() == null ? List.of() : t.helplines();
        helplineIds.forEach(id -> check(helplineById.test(id), "unknown helpline id '" + id + "'"));
        return new Rule(r.id(), r.priority(), new Rule.When(
                set(w.intents(), RuleBook::intent),
                w.riskAtLeast() == null ? null : RiskLevel.fromCode(w.riskAtLeast()),
                w.riskAtMost() == null ? null : RiskLevel.fromCode(w.riskAtMost()),
                set(w.languages(), Language::fromCode), set(w.countries(), c -> c),
                set(w.states(), RuleBook::state), w.minConfidence(), w.lowConfidence(), w.requestsHuman(),
                w.thirdPerson(), set(w.commands(), RuleBook::command), set(w.topics(), topic -> {
                    check(topics.contains(topic), "unknown topic '" + topic + "'");
                    return topic;
                }), risk(w.conversationRiskAtLeast()), risk(w.conversationRiskAtMost()),
                set(w.signals(), RuleBook::signal), w.asksAboutMeans(), risk(w.earlierRiskAtLeast()),
                set(w.signalsNone(), RuleBook::signal), w.counsellorAvailable(), w.hasCommand(), w.topicSaid(),
                actBefore(w.actBefore()), set(w.classifiedAs(), RuleBook::intent), placeSaid(w.placeSaid())),
                new Rule.Then(t.template(), helplineTopics, helplineIds, Boolean.TRUE.equals(t.escalate()),
                        priority(t.priority()), t.nextState() == null ? null : state(t.nextState()),
                        Boolean.TRUE.equals(t.forget()), plan(t.plan()),
                        t.riskAtLeast() == null ? null : RiskLevel.fromCode(t.riskAtLeast()), consent(t.consent()),
                        Boolean.TRUE.equals(t.withdraw()), topicLines));
    }

    private static DialogueState state(String code) {
        try {
            return DialogueState.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown dialogue state '" + code + "'", e);
        }
    }

    private static Intent intent(String label) {
        return Intent.fromLabel(label)
                .orElseThrow(() -> new IllegalArgumentException("unknown intent '" + label + "'"));
    }

    private static Set<Analysis.ActBefore> actBefore(String value) {
        if (value == null) {
            return Set.of();
        }
        return switch (value) {
            case "own" -> Set.of(Analysis.ActBefore.OWN);
            case "someone-else" -> Set.of(Analysis.ActBefore.SOMEONE_ELSE);
            case "any" -> Set.of(Analysis.ActBefore.OWN, Analysis.ActBefore.SOMEONE_ELSE);
            case "none" -> Set.of(Analysis.ActBefore.NONE);
            default -> throw new IllegalArgumentException("act-before must be own, someone-else, any or none, was '"
                    + value + "'");
        };
    }

    private static RiskLevel risk(String code) {
        return code == null ? null : RiskLevel.fromCode(code);
    }

    private static DistressCategory signal(String code) {
        try {
            return DistressCategory.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown signal '" + code + "'", e);
        }
    }

    private static Command command(String code) {
        try {
            return Command.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown command '" + code + "'", e);
        }
    }

    private static String consent(String value) {
        check(value == null || value.equals("yes") || value.equals("no"), "consent must be yes or no, was '" + value
                + "'");
        return value;
    }

    private static String priority(String value) {
        check(value == null || value.equals("normal") || value.equals("urgent"),
                "escalate-priority must be normal or urgent, was '" + value + "'");
        return value == null ? "normal" : value;
    }

    private static Decision.PlanStep plan(String value) {
        if (value == null) {
            return Decision.PlanStep.NONE;
        }
        try {
            return Decision.PlanStep.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("safety-plan must be start, answer or show, was '" + value + "'", e);
        }
    }

    private static <T> Set<T> set(List<String> values, Function<String, T> parse) {
        Set<T> out = new LinkedHashSet<>();
        if (values != null) {
            values.forEach(v -> out.add(parse.apply(v)));
        }
        return out;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
