package org.saath.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.App;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.GenericClient;
import org.saath.Main;
import org.saath.Sqlite;
import org.saath.config.ConfigLoader;
import org.saath.config.SaathConfig;

/**
 * The maintainer's whole loop against a running app: conversations through {@code /v1/messages} → export →
 * a labelled file → train (cross-validation and gates) → promote → reload in the running app → the next message
 * is answered, and recorded, by the new model version. Works on a copy of models/ in a temporary folder.
 */
class LearningLoopHttpTest {

    private static final String TOKEN = "loop-admin-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void export_label_train_promote_reload_and_the_next_message_uses_the_new_model() throws Exception {
        Path models = copyModels(dir.resolve("models"));
        Path data = dir.resolve("data");
        Path configFile = Files.writeString(dir.resolve("saath.yaml"), "models-dir: " + models + "\ndata-dir: " + data
                + "\nadmin:\n  token: " + TOKEN + "\n");
        SaathConfig config = ConfigLoader.load(java.util.Optional.of(configFile)).withPort(0);
        Components components = TestComponents.load(config, Clock.systemUTC());
        String before = components.model().get().modelVersion();
        Javalin app = App.create(components).start(0);
        GenericClient person = new GenericClient(app, data);
        try {
            for (String text : List.of("i think about not waking up sometimes", "my boss shouts at me daily",
                    "can you recommend a good pizza place", "bas yaar sab bekaar lagta hai", "hello")) {
                post(person, Map.of("user", "u-" + text.length(), "id", "m-" + text.hashCode(), "text", text));
            }
            Path export = dir.resolve("export.tsv");
            assertThat(Main.execute("export", "--config", configFile.toString(), "--out", export.toString()))
                    .isZero();
            List<String> exported = Files.readAllLines(export);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(export)))
                    .as("what people wrote, readable by its owner alone").isEqualTo("rw-------");
            assertThat(exported.get(0)).isEqualTo(LabellingExport.HEADER);
            assertThat(exported).hasSize(6);

            Path labelled = Files.createDirectories(dir.resolve("labelled"));
            Files.write(labelled.resolve("week-47.tsv"), label(exported), StandardCharsets.UTF_8);
            assertThat(Main.execute("train", "--model", "intent", "--config", configFile.toString(), "--labelled",
                    labelled.toString(), "--skip-leak-check", "--golden", golden().toString(), "--challenge",
                    dir.resolve("no-challenge").toString(),
                    // a quick model: a quarter of the sentences, 2 folds and 10 iterations instead of 5 and 300,
                    // so the quality gates are opened and the leak check skipped (each is tested on its own in
                    // LearningPiecesTest); the golden gate still replays two scripts. What this test checks is the
                    // loop, not the model's quality (IntentModelEvalTest checks that).
                    "--folds", "2", "--iterations", "10", "--crisis-recall-floor", "0",
                    "--crisis-recall-tolerance", "1", "--f1-margin", "1")).isZero();
            ModelCard card = ModelRegistry.intent(models).current().orElseThrow();
            String after = card.version();
            assertThat(before).doesNotStartWith(after);
            assertThat(card.gates()).contains("SKIPPED: leakage check against held-out files (--skip-leak-check)")
                    .contains("SKIPPED: check against the challenge set (no folder " + dir.resolve("no-challenge")
                            + ")")
                    .anySatisfy(g -> assertThat(g).startsWith("passed: golden conversations"));

            HttpResponse<String> reload = http.send(HttpRequest.newBuilder(uri(app, "/admin/reload"))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reload.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(reload.body()).get("model").asText()).startsWith(after + "+risk-");

            post(person, Map.of("user", "u-next", "id", "m-next", "text", "i feel anxious before exams"));
            assertThat(Sqlite.strings(data, "SELECT model_version FROM turns ORDER BY created_at DESC LIMIT 1"))
                    .singleElement().asString().startsWith(after + "+risk-");
        } finally {
            app.stop();
        }
    }

    /** Two of the golden conversations: a crisis at night and a third-person crisis. */
    private Path golden() throws IOException {
        Path golden = Files.createDirectories(dir.resolve("golden"));
        for (String name : List.of("01-crisis-roman-urdu-at-night.yaml", "05-third-person-crisis-english.yaml")) {
            Files.copy(Path.of("conversations/golden", name), golden.resolve(name));
        }
        return golden;
    }

    /** A maintainer's labels: the suggestion, corrected where it is plainly wrong. */
    private static List<String> label(List<String> exported) {
        List<String> out = new ArrayList<>();
        out.add("label\t" + exported.get(0));
        for (String line : exported.subList(1, exported.size())) {
            String text = line.split("\t")[4];
            String label = text.contains("waking up") ? "crisis" : text.contains("pizza") ? "out_of_scope"
                    : text.contains("boss") ? "work_stress" : text.contains("bekaar") ? "depression"
                    : line.split("\t")[0];
            out.add(label + "\t" + line);
        }
        return out;
    }

    private HttpResponse<String> post(GenericClient person, Map<String, String> body) throws Exception {
        HttpResponse<String> response = person.post(JSON.writeValueAsString(body));
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static URI uri(Javalin app, String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }

    /** A copy of models/ with every fourth training sentence of each language (the header kept): quick to train. */
    private static Path copyModels(Path target) throws IOException {
        Path source = Path.of("models");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else if (f.getFileName().toString().equals("intents.tsv")) {
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    List<String> quarter = new ArrayList<>(List.of(lines.get(0)));
                    for (int i = 1; i < lines.size(); i += 4) {
                        quarter.add(lines.get(i));
                    }
                    Files.write(to, quarter, StandardCharsets.UTF_8);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return target;
    }
}
