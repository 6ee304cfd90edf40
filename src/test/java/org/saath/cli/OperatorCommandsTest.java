package org.saath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.saath.App;
import org.saath.Components;
import org.saath.Main;
import org.saath.Sqlite;
import org.saath.TestComponents;
import org.saath.TestPartners;
import org.saath.channel.InboundMessage;
import org.saath.training.RiskCard;
import picocli.CommandLine;

/**
 * The command line as an operator meets it: {@code --help} and {@code help} on every command, unknown countries
 * refused, {@code train} stopping when a gate's input is missing, {@code report} and {@code health}.
 */
class OperatorCommandsTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path dir;

    @Test
    void every_command_answers_help_with_its_usage_and_exit_0() {
        var commands = new CommandLine(new Main()).getSubcommands().keySet();
        assertThat(commands).contains("serve", "train", "report", "health", "help");
        for (String command : commands) {
            streams.clear();
            assertThat(Main.execute(command, "--help")).as(command + " --help").isZero();
            assertThat(streams.out()).as(command + " --help").contains("Usage: saath " + command);
            streams.clear();
            assertThat(Main.execute("help", command)).as("help " + command).isZero();
            assertThat(streams.out()).as("help " + command).contains("Usage: saath " + command);
        }
        for (String nested : new CommandLine(new Main()).getSubcommands().get("counsellors").getSubcommands()
                .keySet()) {
            streams.clear();
            assertThat(Main.execute("counsellors", nested, "--help")).as("counsellors " + nested).isZero();
            assertThat(streams.out()).contains("Usage: saath counsellors " + nested);
        }
        streams.clear();
        assertThat(Main.execute("train", "--help")).isZero();
        assertThat(streams.out()).contains("--skip-golden-gate", "--skip-leak-check", "--heldout");
    }

    @Test
    void an_unknown_country_is_a_usage_error_everywhere() {
        assertThat(Main.execute("chat", "--country", "XX", "--data", dir.toString())).isEqualTo(2);
        assertThat(streams.err()).contains("unknown country 'XX'");
        assertThat(Main.execute("helplines", "--country", "ZZ", "--topic", "crisis")).isEqualTo(2);
        assertThat(Main.execute("helplines", "--country", "pk", "--topic", "crisis")).isZero();
    }

    @Test
    void chat_takes_a_known_country_in_any_case() {
        streams.input("hello\n/quit\n");

        assertThat(Main.execute("chat", "--country", "ae", "--data", dir.resolve("data").toString())).isZero();
        assertThat(streams.out()).contains("saath> ");
    }

    /** A crisis typed to try the bot must not reach a real partner through a store a running service shares. */
    @Test
    void chat_talks_on_a_store_of_its_own_never_the_deployment_s() throws Exception {
        Path deployment = dir.resolve("deployment.db");
        Path config = Files.writeString(dir.resolve("c.yaml"), "data-dir: " + dir.resolve("service-data") + "\n"
                + "store:\n  url: \"jdbc:sqlite:" + deployment + "\"\n");
        streams.input("i want to kill myself tonight\n/quit\n");

        assertThat(Main.execute("chat", "--config", config.toString(), "--country", "PK")).isZero();

        assertThat(streams.out()).contains("saath> ");
        assertThat(deployment).doesNotExist();
        assertThat(dir.resolve("service-data")).doesNotExist();
    }

    @Test
    void train_stops_when_the_held_out_folder_is_missing_unless_told_to_skip_the_check() throws Exception {
        int code = Main.execute("train", "--heldout", dir.resolve("no-such-folder").toString());

        assertThat(code).isEqualTo(1);
        assertThat(streams.err()).contains("held-out folder").contains("--skip-leak-check")
                .hasLineCount(1);
    }

    @Test
    void train_stops_when_there_are_no_golden_conversations_unless_told_to_skip_them() throws Exception {
        Path heldout = Files.createDirectories(dir.resolve("heldout"));

        int code = Main.execute("train", "--heldout", heldout.toString(), "--golden",
                Files.createDirectories(dir.resolve("empty")).toString());

        assertThat(code).isEqualTo(1);
        assertThat(streams.err()).contains("no golden conversations")
                .contains("--skip-golden-gate");
    }

    /** A comparison with the promoted model on rows it never had would mean nothing: stopped before any training. */
    @Test
    void train_stops_when_the_previous_data_is_not_what_the_promoted_risk_model_learnt_from() throws Exception {
        for (String language : new String[] {"ar", "en", "roman_ur", "ur"}) {           // the lexicon needs all four
            Files.copy(Path.of("models/lang", language, "lexicon.tsv"),
                    Files.createDirectories(dir.resolve("models/lang").resolve(language)).resolve("lexicon.tsv"));
        }
        Path english = dir.resolve("models/lang/en");
        Files.writeString(english.resolve("risk.tsv"), "risk\ttext\tcontext\nhigh\tgave my things away\t\n");
        Files.copy(Path.of("models/risk.card.json"), dir.resolve("models/risk.card.json"));
        Path previous = Files.createDirectories(dir.resolve("previous/en"));
        Files.writeString(previous.resolve("risk.tsv"), "risk\ttext\tcontext\nlow\tso tired\t\n");
        Path config = Files.writeString(dir.resolve("c.yaml"), "models-dir: " + dir.resolve("models") + "\n");

        int code = Main.execute("train", "--model", "risk", "--config", config.toString(), "--skip-leak-check",
                "--skip-golden-gate", "--previous-data", dir.resolve("previous").toString());

        assertThat(code).isEqualTo(1);
        assertThat(streams.err()).contains("--previous-data").contains("is not the data of the promoted risk model")
                .contains(RiskCard.read(Path.of("models/risk.card.json")).version());
        assertThat(dir.resolve("models/risk.bin")).doesNotExist();
    }

    /** An erasure that finds nobody must be because nobody is there: not a "+", a typo or a missing secret. */
    @Test
    void forget_finds_a_number_in_the_form_its_channel_stores_it_and_refuses_what_would_find_nobody()
            throws Exception {
        Path data = dir.resolve("data");
        Components components = TestComponents.components(data, java.time.Instant.now());
        components.turns().handle(new InboundMessage("whatsapp", "923001234567", "w-1", "hello", Optional.of("PK")));
        components.turns().handle(new InboundMessage("twilio", "whatsapp:+923001234567", "t-1", "hello",
                Optional.of("PK")));
        components.turns().handle(new InboundMessage("generic", "u-1", "g-1", "hello", Optional.of("PK")));
        components.database().close();
        assertThat(Sqlite.count(data, "conversations")).isEqualTo(3);

        assertThat(Main.execute("forget", "--user", "+92 300 1234567", "--channel", "whatsapp", "--data",
                data.toString())).isZero();
        assertThat(streams.out()).contains("deleted everything");
        assertThat(Main.execute("forget", "--user", "+923001234567", "--channel", "twilio", "--data",
                data.toString())).isZero();
        assertThat(Sqlite.strings(data, "SELECT channel FROM conversations")).containsExactly("generic");

        assertThat(Main.execute("forget", "--user", "u-1", "--channel", "whatsap", "--data", data.toString()))
                .isEqualTo(2);
        assertThat(streams.err()).contains("unknown channel 'whatsap'");

        Path mistyped = dir.resolve("saath-typo.db");
        Path config = Files.writeString(dir.resolve("c.yaml"), "store:\n  url: \"jdbc:sqlite:" + mistyped + "\"\n");
        assertThat(Main.execute("forget", "--user", "u-1", "--config", config.toString(), "--data", data.toString()))
                .isEqualTo(1);
        assertThat(streams.err()).contains("no Saath store at");
        assertThat(mistyped).as("no new empty store at a mistyped path").doesNotExist();

        Files.delete(data.resolve("user-id-secret.key"));
        assertThat(Main.execute("forget", "--user", "u-1", "--data", data.toString())).isEqualTo(1);
        assertThat(streams.err()).contains("privacy.user-id-secret is empty");
        assertThat(data.resolve("user-id-secret.key")).as("no new secret that matches nobody").doesNotExist();
        assertThat(Sqlite.count(data, "conversations")).isEqualTo(1);
    }

    /**
     * QA pass 2, finding 2: {@code saath forget} ended an open escalation (the partner was told) but the impact
     * counts never heard of the ending, while "delete my data" in chat was counted.
     */
    @Test
    void forget_counts_the_ending_of_an_open_escalation_as_delete_my_data_does() throws Exception {
        Path data = dir.resolve("data");
        Components components = TestComponents.load(TestComponents.config(data).withPartnersFile(
                TestPartners.file(dir, "http://127.0.0.1:9/never", "partner-a-webhook-secret").toString()),
                TestComponents.analyser(), Clock.systemUTC());
        components.turns().handle(new InboundMessage("generic", "u-eps", "g-1", "I want to die", Optional.of("PK")));
        components.turns().handle(new InboundMessage("generic", "u-chat", "g-1", "I want to die", Optional.of("PK")));
        components.turns().handle(new InboundMessage("generic", "u-chat", "g-2", "delete my data",
                Optional.of("PK")));
        components.ops().impact().flush();
        components.database().close();
        assertThat(endedByThePerson(data)).as("delete my data in chat").containsExactly("partner-a|1");

        assertThat(Main.execute("forget", "--user", "u-eps", "--data", data.toString())).isZero();

        assertThat(Sqlite.count(data, "escalation_endings")).isEqualTo(2);
        assertThat(endedByThePerson(data)).as("saath forget, counted like delete my data")
                .containsExactly("partner-a|2");
    }

    private static java.util.List<String> endedByThePerson(Path data) {
        return Sqlite.strings(data, "SELECT partner || '|' || SUM(transitions) FROM impact_escalations "
                + "WHERE state = 'resolved' AND actor = 'person' GROUP BY partner");
    }

    @Test
    void report_writes_csv_and_json_with_small_counts_suppressed_and_rounded() throws Exception {
        Path data = dir.resolve("data");
        // yesterday: a report holds whole past days, never today
        Components components = TestComponents.components(data, java.time.Instant.now().minus(
                java.time.Duration.ofDays(1)));
        for (int i = 0; i < 6; i++) {
            components.turns().handle(new InboundMessage("generic", "u-" + i, "m-" + i, "hello", Optional.of("PK")));
        }
        components.turns().handle(new InboundMessage("generic", "u-9", "m-9", "i want to kill myself",
                Optional.of("PK")));
        components.ops().impact().flush();

        assertThat(Main.execute("report", "--since", "30d", "--data", data.toString())).isZero();
        String csv = streams.out();
        assertThat(csv).startsWith("view,day,hour,channel,country,language,topic,risk,")
                .contains("totals,,,,,,,,,,,,turns,5", "totals,,,,,,,,,,,,escalations,<5")   // 7 rounded to 5
                .containsPattern("cells,,\\d+,,PK,en,crisis,(high|imminent),,,,,turns,<5");
        streams.clear();
        assertThat(Main.execute("report", "--since", "7d", "--format", "json", "--data", data.toString())).isZero();
        JsonNode json = new ObjectMapper().readTree(streams.out());
        assertThat(json.get("min_count").asInt()).isEqualTo(5);
        assertThat(json.at("/views/by_day")).hasSize(7);
        assertThat(json.at("/views/totals/0/conversations").asInt()).isEqualTo(5);
    }

    @Test
    void report_refuses_a_bad_period_or_format_and_a_folder_without_a_store() {
        assertThat(Main.execute("report", "--since", "30x", "--data", dir.toString())).isEqualTo(2);
        assertThat(Main.execute("report", "--format", "xml", "--data", dir.toString())).isEqualTo(2);
        assertThat(Main.execute("report", "--data", dir.resolve("empty").toString())).isEqualTo(1);
        assertThat(streams.err()).contains("no Saath store");
    }

    @Test
    void health_exits_0_for_a_ready_service_and_1_when_nothing_answers() throws Exception {
        Components components = TestComponents.components(dir.resolve("data"), java.time.Instant.now());
        Javalin app = App.create(components).start(0);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try {
            assertThat(Main.execute("health", "--url", "http://127.0.0.1:" + app.port() + "/health/ready")).isZero();
            assertThat(streams.out()).contains("200", "\"status\":\"ready\"");
            assertThat(Main.execute("health", "--url", "http://127.0.0.1:" + closedPort + "/health/ready"))
                    .isEqualTo(1);
        } finally {
            app.stop();
            components.database().close();     // its committer would still write while the temp folder goes
        }
    }
}
