package org.saath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Main;
import org.saath.training.ModelCard;
import org.saath.training.RiskCard;

/** {@code models} and {@code promote} agree on what is promoted, in a fresh clone that keeps no other version. */
class PromoteCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path dir;

    /** QA s41 #9: `models` listed the version with `*`, and `promote` of it said it was not kept. */
    @Test
    void promoting_the_version_models_marks_as_promoted_says_so_and_changes_nothing() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        for (String file : new String[] {"intent.card.json", "risk.card.json"}) {
            Files.copy(Path.of("models", file), models.resolve(file));
        }
        Path config = Files.writeString(dir.resolve("c.yaml"), "models-dir: " + models + "\n");
        String intent = ModelCard.read(models.resolve("intent.card.json")).version();
        String risk = RiskCard.read(models.resolve("risk.card.json")).version();

        assertThat(Main.execute("models", "--config", config.toString())).isZero();
        assertThat(streams.out()).contains("* " + intent, "* " + risk);

        streams.clear();
        assertThat(Main.execute("promote", "--config", config.toString(), intent)).as(streams.err()).isZero();
        assertThat(Main.execute("promote", "--config", config.toString(), risk)).as(streams.err()).isZero();
        assertThat(streams.out()).isEqualTo(intent + " is already the promoted intent model\n"
                + risk + " is already the promoted risk model\n");
        try (Stream<Path> files = Files.list(models)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("nothing kept, copied or replaced")
                    .containsExactlyInAnyOrder("intent.card.json", "risk.card.json");
        }

        assertThat(Main.execute("promote", "--config", config.toString(), "20990101-000000-nosuch")).isEqualTo(1);
        assertThat(streams.err()).hasLineCount(1).contains("no kept intent or risk model version");
    }
}
