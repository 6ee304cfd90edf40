package org.saath.hub;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.saath.config.ConfigException;
import org.saath.nlu.RiskLevel;
import org.saath.rules.RuleBook;

/**
 * The help hub's topics, from {@code hub/topics.yaml}, in the order the hub shows them. Each names the rule whose
 * lines the chat gives for that situation, looked up in the rule book in force when asked ({@link HelpFinder}); a
 * deployment's own rule book may lack some ({@link #withoutLines}), which never stops the service. An unknown guide
 * or a malformed entry stops the start naming the file and the topic.
 */
public final class HelpTopics {

    /**
     * One topic: its id (the API's {@code topic}), the rule whose lines it shows, the risk the chat would be at
     * ({@code high} adds the safety floor's open crisis line), a guide for its page, and whether its page shows the
     * paid services.
     */
    public record HelpTopic(String id, String rule, RiskLevel risk, String guide, boolean paidServices) {
    }

    record RawFile(List<RawTopic> topics) {
    }

    record RawTopic(String id, String rule, String risk, String guide,
                    @JsonProperty("paid-services") Boolean paidServices) {
    }

    private static final String FILE = "hub/topics.yaml";
    private static final String CRISIS = "crisis";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<HelpTopic> topics;

    HelpTopics(List<HelpTopic> topics) {
        this.topics = List.copyOf(topics);
    }

    /** Loads the topics and checks them against the guides. */
    public static HelpTopics loadFromClasspath(Set<String> guides) {
        RawFile raw;
        try (InputStream in = HelpTopics.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new ConfigException(FILE + " is missing from the jar");
            }
            raw = YAML.readValue(in, RawFile.class);
        } catch (IOException e) {
            throw new ConfigException(FILE + ": " + e.getMessage(), e);
        }
        if (raw == null || raw.topics() == null || raw.topics().isEmpty()) {
            throw new ConfigException(FILE + ": no topics");
        }
        Set<String> seen = new HashSet<>();
        List<HelpTopic> topics = raw.topics().stream().map(t -> {
            if (t.id() == null || !t.id().matches("[a-z_]{2,40}") || !seen.add(t.id())) {
                throw new ConfigException(FILE + ": topic id '" + t.id() + "' is missing, malformed or repeated");
            }
            if (t.rule() == null || t.rule().isBlank()) {
                throw new ConfigException(FILE + ": topic '" + t.id() + "' names no rule");
            }
            if (t.guide() != null && !guides.contains(t.guide())) {
                throw new ConfigException(FILE + ": topic '" + t.id() + "' names an unknown guide '" + t.guide() + "'");
            }
            RiskLevel risk;
            try {
                risk = t.risk() == null ? RiskLevel.NONE : RiskLevel.fromCode(t.risk());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(FILE + ": topic '" + t.id() + "': " + e.getMessage(), e);
            }
            return new HelpTopic(t.id(), t.rule(), risk, t.guide(), Boolean.TRUE.equals(t.paidServices()));
        }).toList();
        return new HelpTopics(topics);
    }

    /**
     * The topics whose rule {@code book} lacks or gives no lines: their pages and the directory API then give the
     * emergency numbers and the international directories (and, for crises, the safety floor's crisis line).
     */
    public List<String> withoutLines(RuleBook book) {
        return topics.stream().filter(t -> book.rules().stream().filter(r -> r.id().equals(t.rule()))
                .allMatch(r -> r.then().helplineTopics().isEmpty() && r.then().helplineIds().isEmpty()))
                .map(HelpTopic::id).toList();
    }

    public List<HelpTopic> all() {
        return topics;
    }

    /** The crisis topic, whose lines the front page and the safety plan show as well as its own page. */
    public HelpTopic crisis() {
        return byId(CRISIS).orElseThrow(() -> new IllegalStateException(FILE + " has no '" + CRISIS + "' topic"));
    }

    public Optional<HelpTopic> byId(String id) {
        return topics.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
