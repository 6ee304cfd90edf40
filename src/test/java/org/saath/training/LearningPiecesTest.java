package org.saath.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.nlu.ModelUnavailableException;
import org.saath.nlu.TextNormaliser;
import org.saath.store.ExportRow;

/** Export ordering and dedupe, held-out refusal, gates and the registry (retention: {@code privacy.RetentionTest}). */
class LearningPiecesTest {

    private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void export_puts_near_misses_and_escalated_turns_first_and_never_repeats_a_text() {
        List<ExportRow> rows = List.of(
                new ExportRow("t-1", T, "hello there", "greeting", 0.95, "none", "en", "", false),
                new ExportRow("t-2", T, "i am so tired of it all", "depression", 0.6, "moderate", "en",
                        "hopelessness:tired", false),
                new ExportRow("t-3", T, "Hello   there!", "greeting", 0.9, "none", "en", "", false),
                new ExportRow("t-4", T, "call me on [PHONE]", "seek_help", 0.4, "none", "en", "", true));

        List<String> lines = new LabellingExport(new TextNormaliser()).lines(rows, 10);

        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).endsWith("t-2");
        assertThat(lines.get(2)).endsWith("t-4");
        assertThat(lines.get(3)).endsWith("t-3"); // the less confident of the two same texts is kept
        assertThat(lines).noneMatch(l -> l.endsWith("t-1"));
    }

    @Test
    void a_training_row_found_in_the_held_out_files_is_refused_naming_the_line() throws IOException {
        Path training = Files.createDirectories(dir.resolve("training"));
        Files.writeString(training.resolve("en.tsv"), "label\ttext\ngreeting\thello\n"
                + "crisis\tThis Exact Sentence Is In The Eval Set\n");

        assertThatThrownBy(() -> TrainingCorpus.load(List.of(training), new TextNormaliser(),
                Map.of("this exact sentence is in the eval set", "some-eval.tsv")))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("en.tsv:3").hasMessageContaining("some-eval.tsv");
    }

    /** A challenge-set file (its own columns, a context column) is read like an eval file: its rows are refused. */
    @Test
    void a_risk_row_found_in_the_challenge_set_is_refused_naming_the_line() throws IOException {
        Path challenge = Files.createDirectories(dir.resolve("challenge"));
        Files.writeString(challenge.resolve("risk-challenge.tsv"), "language\trisk\tintent\tcategory\ttext\tcontext\n"
                + "en\thigh\tcrisis\tpreparation\tA Sentence Written For The Challenge Set Only\t\n");
        Path lang = Files.createDirectories(dir.resolve("lang/en"));
        Files.writeString(lang.resolve("risk.tsv"), "risk\ttext\tcontext\nnone\thello\t\n"
                + "high\ta sentence written for the challenge set only\t\n");

        assertThatThrownBy(() -> RiskCorpus.load(dir.resolve("lang"), new TextNormaliser(),
                TrainingCorpus.heldOutTexts(challenge, new TextNormaliser())))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("risk.tsv:3").hasMessageContaining("risk-challenge.tsv");
    }

    @Test
    void gates_say_which_gate_failed_and_by_how_much() {
        ModelCard current = ModelCard.read(Path.of("models/intent.card.json"));
        IntentReport cv = current.crossValidation().report();
        IntentReport worse = new IntentReport(cv.rows(), cv.accuracy(), cv.macroF1(),
                Map.of("crisis", new IntentReport.Scores(0.5, 0.5, 0.5, 100)), cv.perLanguage(), cv.crisisRows(),
                cv.crisisRecallModerate() - 0.05, cv.crisisRecallHigh(), 0, 0, cv.confusion());

        List<Gates.Result> results = new Gates(0.85, 0.005, 0.05).check(worse, Optional.of(current), List.of("x turn 1: y"));

        assertThat(results).filteredOn(r -> !r.passed()).extracting(Gates.Result::line)
                .anyMatch(l -> l.startsWith("crisis recall (moderate+)") && l.contains("short by 0.045"))
                .anyMatch(l -> l.startsWith("F1 of crisis 0.500 dropped below"))
                .anyMatch(l -> l.startsWith("golden conversations: 1 broken"));
        assertThat(new Gates(0.85, 0.005, 0.05).check(cv, Optional.of(current), List.of())).allMatch(Gates.Result::passed);
    }

    @Test
    void promoting_keeps_the_replaced_model_so_it_can_be_promoted_back() throws IOException {
        Files.copy(Path.of("models/intent.bin"), dir.resolve("intent.bin"));
        Files.copy(Path.of("models/intent.card.json"), dir.resolve("intent.card.json"));
        ModelRegistry<ModelCard> registry = ModelRegistry.intent(dir);
        ModelCard old = registry.current().orElseThrow();
        ModelCard next = new ModelCard("next-version", "2026-11-22T00:00:00Z", old.dataSha256(), old.rows(),
                old.duplicatesDropped(), old.rowsPerIntent(), old.rowsPerLanguage(), old.parameters(),
                old.crossValidation(), old.gates(), false, old.notes(), null);
        registry.save(Files.readAllBytes(Path.of("models/intent.bin")), next.version(), next::write);

        registry.promote("next-version");

        assertThat(registry.current()).map(ModelCard::version).contains("next-version");
        assertThat(registry.versions()).extracting(ModelCard::version).contains(old.version(), "next-version");
        registry.promote(old.version());
        assertThat(registry.current()).map(ModelCard::version).contains(old.version());
    }

    @Test
    void promoting_an_unknown_version_is_refused() {
        assertThatThrownBy(() -> ModelRegistry.intent(dir).promote("nope"))
                .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("saath models");
    }
}
