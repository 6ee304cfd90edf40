package org.saath.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.config.SaathConfig;
import org.saath.nlu.Analysis;
import org.saath.nlu.RiskLevel;

/**
 * A phrase added to the lexicon after the risk model was trained raises risk by the rules at once, while the model
 * reads its features through the lexicon it was trained with ({@code models/risk.lexicon}): its probabilities do not
 * move, so no measured figure of the model does either; a promotion carries each model's lexicon with it.
 */
class TrainedLexiconTest {

    /** Made-up words, so that nothing but the added phrase can make them risky. */
    private static final String MESSAGE = "zorblax quuxed";
    private static final String PHRASE = "zorblax quuxed\ten\timminent\tact";

    @TempDir
    Path dir;

    @Test
    void a_phrase_added_since_training_raises_risk_by_the_rules_and_leaves_the_model_s_reading_alone()
            throws IOException {
        Path models = copy(Path.of("models"), dir.resolve("models"));
        Files.writeString(models.resolve("lang/en/lexicon.tsv"), PHRASE + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        SaathConfig config = org.saath.config.ConfigLoader.load(Optional.of(Files.writeString(dir.resolve("c.yaml"),
                "models-dir: " + models + "\n")));

        Analysis before = TestComponents.analyser().analyse(MESSAGE);
        Analysis after = Components.analyser(config).analyse(MESSAGE);

        assertThat(before.risk()).isLessThan(RiskLevel.IMMINENT);
        assertThat(after.risk()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(after.signals()).contains("act:zorblax quuxed");
        assertThat(modelReading(after)).as("the model's own probabilities").isEqualTo(modelReading(before));

        // read through the current lexicon instead, the model's features (and so its reading) would change
        Files.walk(models.resolve("risk.lexicon")).sorted(java.util.Comparator.reverseOrder())
                .forEach(p -> p.toFile().delete());
        Analysis unpinned = Components.analyser(config).analyse(MESSAGE);
        assertThat(unpinned.risk()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(modelReading(unpinned)).isNotEqualTo(modelReading(before));
    }

    /** A language added since training has no lexicon among the model's: the start goes on, unpinned. */
    @Test
    void a_kept_lexicon_without_every_language_is_not_used() throws IOException {
        Path models = copy(Path.of("models"), dir.resolve("models"));
        Files.writeString(models.resolve("lang/en/lexicon.tsv"), PHRASE + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Files.delete(models.resolve("risk.lexicon/ur/lexicon.tsv"));
        SaathConfig config = org.saath.config.ConfigLoader.load(Optional.of(Files.writeString(dir.resolve("c.yaml"),
                "models-dir: " + models + "\n")));

        Analysis read = Components.analyser(config).analyse(MESSAGE);

        assertThat(read.risk()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(modelReading(read)).isNotEqualTo(modelReading(TestComponents.analyser().analyse(MESSAGE)));
    }

    @Test
    void promoting_a_version_brings_its_lexicon_and_keeps_the_one_it_replaces() throws IOException {
        Path models = copy(Path.of("models"), dir.resolve("models"));
        ModelRegistry<RiskCard> risk = ModelRegistry.risk(models);
        String promoted = risk.current().orElseThrow().version();
        Files.writeString(models.resolve("lang/en/lexicon.tsv"), PHRASE + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        String next = "29991231-000000-test";
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode card = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(risk.card().toFile());
        card.put("version", next);
        risk.saveLexicon(next, models.resolve("lang"));
        risk.save(Files.readAllBytes(risk.model()), next, file -> json.writeValue(file.toFile(), card));

        risk.promote(next);

        assertThat(Files.readString(risk.lexicon().resolve("en/lexicon.tsv"))).contains("zorblax");
        assertThat(models.resolve("risk-" + promoted + ".lexicon/en/lexicon.tsv")).as("the replaced one's, kept")
                .content().doesNotContain("zorblax");
        assertThat(risk.current().orElseThrow().version()).isEqualTo(next);

        risk.promote(promoted);
        assertThat(Files.readString(risk.lexicon().resolve("en/lexicon.tsv"))).doesNotContain("zorblax");
    }

    /** The model's own reading, as the rules name it: {@code rule:model:<level>:p=…}. */
    private static Optional<String> modelReading(Analysis a) {
        return a.signals().stream().filter(s -> s.startsWith("rule:model:")).findFirst();
    }

    private static Path copy(Path source, Path target) throws IOException {
        List<Path> files;
        try (var walk = Files.walk(source)) {   // the promoted models only, not the versions kept on this machine
            files = walk.filter(f -> !source.relativize(f).toString().matches("(risk|intent)-\\d.*")).toList();
        }
        for (Path f : files) {
            Path to = target.resolve(source.relativize(f).toString());
            if (Files.isDirectory(f)) {
                Files.createDirectories(to);
            } else {
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        return target;
    }
}
