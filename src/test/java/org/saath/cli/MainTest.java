package org.saath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Main;

/** The CLI contract: output shape and exit codes (0 ok, 1 data/model error, 2 usage). */
class MainTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path dir;

    @Test
    void classify_prints_one_json_line_per_input_line_in_order() throws IOException {
        streams.input("i want to die\nhello\n\nexam ka pressure hai\n");

        int code = Main.execute("classify");

        assertThat(code).isZero();
        String[] lines = streams.out().split("\n");
        assertThat(lines).hasSize(4);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.get("text").asText()).isEqualTo("i want to die");
        assertThat(first.get("intent").asText()).isEqualTo("crisis");
        assertThat(first.get("risk").asText()).isIn("high", "imminent");
        assertThat(first.get("language").asText()).isEqualTo("en");
        assertThat(first.get("signals").isArray()).isTrue();
        assertThat(new ObjectMapper().readTree(lines[3]).get("language").asText()).isEqualTo("roman_ur");
    }

    @Test
    void helplines_shows_what_would_be_offered_at_a_time() {
        int code = Main.execute("helplines", "--country", "PK", "--topic", "cyberbullying", "--at",
                "2026-11-21T02:00+05:00");

        assertThat(code).isZero();
        String printed = streams.out();
        assertThat(printed).contains("pk-umang", "open now", "pk-drf-cyber-harassment", "closed, opens 2026-11-21T09:00+05:00");
        assertThat(Main.execute("helplines", "--country", "PK", "--topic", "astrology")).isEqualTo(2);
    }

    @Test
    void an_unknown_command_or_option_is_a_usage_error() {
        assertThat(Main.execute("dance")).isEqualTo(2);
        assertThat(Main.execute("classify", "--nope")).isEqualTo(2);
        assertThat(Main.execute()).isEqualTo(2);
    }

    @Test
    void a_missing_model_is_a_data_error_with_one_readable_line() throws IOException {
        Path config = Files.writeString(dir.resolve("c.yaml"), "models-dir: " + dir.resolve("nothing") + "\n");

        int code = Main.execute("classify", "--config", config.toString());

        assertThat(code).isEqualTo(1);
        assertThat(streams.err()).startsWith("saath: model card not found");
    }

    @Test
    void a_corrupt_model_stops_with_a_clear_message() throws IOException {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.copy(Path.of("models/intent.card.json"), models.resolve("intent.card.json"));
        Files.writeString(models.resolve("intent.bin"), "not a model");
        Path config = Files.writeString(dir.resolve("c.yaml"), "models-dir: " + models + "\n");

        assertThat(Main.execute("classify", "--config", config.toString())).isEqualTo(1);
        assertThat(streams.err()).contains("intent model").contains("cannot be read");
    }

    @Test
    void evaluate_reports_per_intent_figures_and_crisis_recall() throws IOException {
        Path data = Files.writeString(dir.resolve("tiny.tsv"), "label\ttext\ncrisis\ti want to kill myself\n"
                + "greeting\thello there\ngratitude_goodbye\tthanks a lot, bye\n"
                + "greeting\thi, i want to kill myself\n");

        int code = Main.execute("evaluate", "--data", data.toString(), "--json");

        assertThat(code).isZero();
        JsonNode out = new ObjectMapper().readTree(streams.out());
        JsonNode report = out.get("report");
        assertThat(report.get("rows").asInt()).isEqualTo(4);
        assertThat(report.get("crisisRecallModerate").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/perIntent/crisis/support").asInt()).isEqualTo(1);
        assertThat(report.get("falseCrisisAlarms").asInt()).isEqualTo(1);
        JsonNode falseHigh = out.at("/sources/falseHigh");
        assertThat(falseHigh.size()).as("the crisis row is no false alarm: one source, once").isEqualTo(1);
        assertThat(falseHigh.fields().next().getValue().asInt()).isEqualTo(1);
        assertThat(out.toString()).as("aggregates only, never a message").doesNotContain("kill myself");
    }

    @Test
    void evaluate_refuses_an_unknown_label_naming_the_line() throws IOException {
        Path data = Files.writeString(dir.resolve("bad.tsv"), "label\ttext\ncrisis\tx\nsadness\ty\n");

        assertThat(Main.execute("evaluate", "--data", data.toString())).isEqualTo(1);
        assertThat(streams.err()).contains("bad.tsv:3").contains("unknown label 'sadness'");
    }

    /** The QA pass of 6 December: a row without its text, and a file of a header alone, were evaluated. */
    @Test
    void evaluate_refuses_a_labelled_row_without_text_and_a_file_without_rows() throws IOException {
        Path noText = Files.writeString(dir.resolve("no-text.tsv"), "label\ttext\nhigh\ti want to die\nlow\n");
        assertThat(Main.execute("evaluate", "--data", noText.toString())).isEqualTo(1);
        assertThat(streams.err()).contains("no-text.tsv:3: a labelled row without its text");

        Path header = Files.writeString(dir.resolve("header.tsv"), "label\ttext\n");
        assertThat(Main.execute("evaluate", "--data", header.toString())).isEqualTo(1);
        assertThat(streams.err()).contains("header.tsv: no labelled row to evaluate");

        Path mixed = Files.writeString(dir.resolve("mixed.tsv"), "label\ttext\nhigh\tx\nsuperhigh\ty\n");
        assertThat(Main.execute("evaluate", "--data", mixed.toString())).isEqualTo(1);
        assertThat(streams.err()).contains("unknown label 'high'").contains("every label a risk level");
    }

    @Test
    void evaluate_reads_a_challenge_row_with_its_context_and_refuses_a_wrong_separator() throws IOException {
        String header = "language\trisk\tintent\tcategory\ttext\tcontext\n";
        Path good = Files.writeString(dir.resolve("good.tsv"), header
                + "en\tmoderate\tcrisis\tpassive_ideation\tand tonight i just want to sleep and never wake up\t"
                + "nothing is getting better || i am so tired of all of it\n"
                + "en\tnone\tgreeting\teveryday\thello there\t\n");
        Path bad = Files.writeString(dir.resolve("bad-context.tsv"), header
                + "en\tnone\tgreeting\teveryday\thello there\t\n"
                + "en\thigh\tcrisis\tpassive_ideation\tsame as yesterday\ti want to die ||| nobody cares\n");

        assertThat(Main.execute("evaluate", "--data", good.toString(), "--json")).isZero();
        JsonNode report = new ObjectMapper().readTree(streams.out());
        assertThat(report.get("mode").asText()).isEqualTo("challenge");
        assertThat(report.at("/risk/overall/rows").asInt()).isEqualTo(2);
        assertThat(report.at("/risk/overall/safeRows").asInt()).as("none and low rows").isEqualTo(1);
        assertThat(report.toString()).as("aggregates only, never a message").doesNotContain("never wake up")
                .doesNotContain("tired of all");

        assertThat(Main.execute("evaluate", "--data", bad.toString())).isEqualTo(1);
        assertThat(streams.err()).contains("bad-context.tsv:3").contains("\"||\"").contains("\"|||\"");
    }

    /** A probe of risk alone (challenge/everyday-probe.tsv) labels no intent: its risk figures, no intent report. */
    @Test
    void evaluate_reads_a_risk_probe_without_intents() throws IOException {
        Path probe = Files.writeString(dir.resolve("probe.tsv"), "language\trisk\tcategory\ttext\tcontext\n"
                + "en\tnone\teveryday\thello there\t\n"
                + "en\tlow\tdistress\tfailed my exam again, abbu will be so upset\t\n");

        assertThat(Main.execute("evaluate", "--data", probe.toString(), "--json")).isZero();
        JsonNode report = new ObjectMapper().readTree(streams.out());
        assertThat(report.get("mode").asText()).isEqualTo("challenge");
        assertThat(report.at("/risk/overall/safeRows").asInt()).isEqualTo(2);
        assertThat(report.has("intent")).as("no intent labelled, no intent figures").isFalse();
    }

    @Test
    void counsellors_are_added_listed_and_disabled_with_the_readme_s_exit_codes() throws IOException {
        Path partners = Files.writeString(dir.resolve("partners.yaml"), """
                partners:
                  - {id: partner-a, name: Partner A, countries: [PK], capacity: 2,
                     api-key-sha256: 0000000000000000000000000000000000000000000000000000000000000000}
                """);
        String config = Files.writeString(dir.resolve("saath.yaml"), "partners-file: " + partners + "\n"
                + "console: {password-cost: 4}\n").toString();
        String data = dir.resolve("data").toString();

        assertThat(Main.execute("counsellors", "add", "--config", config, "--data", data, "--partner", "partner-a",
                "--login", "Sara", "--name", "Sara K.")).isZero();
        assertThat(streams.out()).contains("added sara").containsPattern(
                "password \\(shown once[^:]*\\): \\S{20}");
        streams.input("short\n");
        assertThat(Main.execute("counsellors", "add", "--config", config, "--data", data, "--partner", "partner-a",
                "--login", "omar", "--password-stdin")).isEqualTo(1);
        assertThat(Main.execute("counsellors", "add", "--config", config, "--data", data, "--partner", "partner-a",
                "--login", "sara")).as("a taken login").isEqualTo(1);
        assertThat(Main.execute("counsellors", "add", "--config", config, "--data", data, "--partner", "nobody",
                "--login", "nadia")).as("an unknown partner").isEqualTo(1);
        assertThat(Main.execute("counsellors", "add", "--config", config, "--data", data)).isEqualTo(2);
        assertThat(Main.execute("counsellors", "disable", "--config", config, "--data", data, "--login", "sara"))
                .isZero();
        assertThat(Main.execute("counsellors", "disable", "--config", config, "--data", data, "--login", "sara"))
                .isEqualTo(1);
        streams.clear();
        assertThat(Main.execute("counsellors", "list", "--config", config, "--data", data)).isZero();
        assertThat(streams.out()).contains("partner-a\tsara\tSara K.\tdisabled");
        assertThat(streams.err()).contains("password must be 12 characters",
                "login 'sara' is taken", "no partner 'nobody'", "no active counsellor with login 'sara'");
    }

    /** An NGO scripts a whole conversation: one response JSON per turn, exactly as POST /v1/messages answers. */
    @Test
    void replay_prints_each_turn_s_response_and_moves_the_clock_to_a_turn_s_own_time() throws IOException {
        Path script = Files.writeString(dir.resolve("uae.yaml"), """
                name: the UAE line closes at 20:00
                country: AE
                at: 2026-11-21T19:00:00+04:00
                turns:
                  - user: "i want to end my life"
                    expect: {first-helpline: ae-mental-support-line, open-line: true}
                  - user: "i still want to end my life"
                    at: 2026-11-21T21:00:00+04:00
                    expect: {first-helpline: ae-police-999, closed-helplines: [ae-mental-support-line]}
                """);

        int code = Main.execute("replay", script.toString());

        assertThat(code).as(streams.err()).isZero();
        String[] lines = streams.out().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode second = new ObjectMapper().readTree(lines[1]);
        assertThat(second.fieldNames()).toIterable().containsExactly("replies", "escalation");
        assertThat(second.at("/replies/0/helplines/0/id").asText()).isEqualTo("ae-police-999");
        assertThat(second.at("/escalation/state").asText()).isEqualTo("requested");
    }

    @Test
    void replay_exits_1_naming_the_turn_and_the_broken_expectation() throws IOException {
        Path script = Files.writeString(dir.resolve("broken.yaml"), """
                name: expects a number from the wrong country
                country: AE
                at: 2026-11-21T10:00:00+04:00
                turns:
                  - user: "hello"
                  - user: "i want to end my life"
                    expect: {first-helpline: pk-umang}
                """);

        int code = Main.execute("replay", script.toString());

        assertThat(code).isEqualTo(1);
        assertThat(streams.out().split("\n")).hasSize(2);
        assertThat(streams.err())
                .contains("broken.yaml turn 2 (i want to end my life)").contains("expected first pk-umang");
    }

    @Test
    void replay_runs_on_a_throwaway_store_even_when_the_config_names_the_deployment_s_store() throws IOException {
        Path deployment = dir.resolve("deployment.db");
        Path config = Files.writeString(dir.resolve("deployment.yaml"), "store:\n  url: \"jdbc:sqlite:" + deployment
                + "\"\n");
        Path script = Files.writeString(dir.resolve("hello.yaml"), """
                name: a greeting
                country: PK
                at: 2026-11-21T10:00:00+05:00
                turns:
                  - user: "hello"
                """);

        assertThat(Main.execute("replay", "--config", config.toString(), script.toString())).as(streams.err())
                .isZero();
        assertThat(streams.out().split("\n")).hasSize(1);
        assertThat(deployment).as("the deployment's store is not opened, let alone written").doesNotExist();
    }

    @Test
    void replay_without_a_readable_script_is_a_usage_error() {
        assertThat(Main.execute("replay", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(Main.execute("replay")).isEqualTo(2);
    }
}
