package org.saath;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.outbox.PartnerEndpoint;

/**
 * A real crash: {@code saath serve} in a child JVM under load (deliveries to a partner going out meanwhile) is killed
 * with SIGKILL ({@code destroyForcibly}), then started again on the same data folder. Every acknowledged message is
 * still recorded (sending it again returns the very same answer), every acknowledged escalation is there, and every
 * queued partner delivery reaches the partner; at most the one delivery in flight at the kill is sent twice, with the
 * same id, which the partner drops.
 */
class CrashRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> children = new ArrayList<>();
    private PartnerEndpoint partner;

    @AfterEach
    void stop() {
        children.forEach(Process::destroyForcibly);
        if (partner != null) {
            partner.close();
        }
    }

    /** Starts {@code saath serve --port 0} on the data folder and returns its port once it listens. */
    private int serve(Path config) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",   // as the test JVMs: quick to start
                "-cp", System.getProperty("java.class.path"), "org.saath.Main", "serve", "--port", "0",
                "--data", dir.resolve("data").toString(), "--config", config.toString())
                .redirectErrorStream(true).start();
        children.add(child);
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.contains("listening on port ")) {
                        port.complete(Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1).trim()));
                    }
                }
                port.completeExceptionally(new IllegalStateException("serve exited before listening"));
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return port.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("serve did not start", e);
        }
    }

    private HttpResponse<String> send(int port, String user, String id, String text) throws IOException,
            InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + GenericClient.token(dir.resolve("data")))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("user", user, "id", id,
                        "text", text, "country", "PK")))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The text of the load's {@code i}-th message of each person: every fifth a crisis. */
    private static String textOf(int i) {
        return i % 5 == 0 ? "i want to kill myself" : "i feel anxious about my exams";
    }

    @Test
    void kill_9_under_load_loses_no_acknowledged_turn_escalation_or_delivery() throws Exception {
        partner = new PartnerEndpoint("partner-a-webhook-secret");
        Path partners = TestPartners.file(dir, partner.url(), partner.secret());
        Files.writeString(partners, Files.readString(partners).replace("capacity: 2", "capacity: 500"));
        Path config = Files.writeString(dir.resolve("saath.yaml"), "partners-file: " + partners + "\n");
        int port = serve(config);

        Map<String, String> acknowledged = new ConcurrentHashMap<>();      // "user/id" -> response body
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(100);
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            load.submit(() -> {
                for (int i = 0; loading.get() && i < 10_000; i++) {
                    String user = "u-" + thread + "-" + (i % 25);
                    String id = "m-" + i;
                    String text = textOf(i);
                    sent.incrementAndGet();
                    try {
                        HttpResponse<String> response = send(port, user, id, text);
                        if (response.statusCode() == 200) {
                            acknowledged.put(user + "/" + id, response.body());
                            enough.countDown();
                        }
                    } catch (IOException e) {
                        return null;      // the server is gone
                    }
                }
                return null;
            });
        }
        assertThat(enough.await(240, TimeUnit.SECONDS)).as("the child answered under load").isTrue();
        children.get(0).destroyForcibly().waitFor();           // SIGKILL, mid-load
        loading.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        Map<String, String> before = Map.copyOf(acknowledged);

        int restarted = serve(config);

        List<String> escalations = new ArrayList<>();
        for (Map.Entry<String, String> ack : before.entrySet()) {
            String[] userAndId = ack.getKey().split("/");
            // the same message again (the same id with another text would be refused: 409)
            HttpResponse<String> again = send(restarted, userAndId[0], userAndId[1],
                    textOf(Integer.parseInt(userAndId[1].substring(2))));
            assertThat(again.body()).as("the recorded answer to " + ack.getKey()).isEqualTo(ack.getValue());
            JsonNode escalation = JSON.readTree(ack.getValue()).get("escalation");
            if (escalation != null && !escalation.isNull() && escalation.get("state").asText().equals("offered")) {
                escalations.add(escalation.get("id").asText());
            }
        }
        List<String> offered = escalations.stream().distinct().toList();
        List<String> stored = Sqlite.strings(dir.resolve("data"), "SELECT id FROM escalations");
        assertThat(stored).containsAll(offered);
        assertThat(offered).isNotEmpty();
        List<String> deliveries = stored.stream().map(e -> e + ":offered:partner-a:v1").toList();
        assertThat(partner.awaitProcessed(deliveries, Duration.ofSeconds(120))).as("every offer delivered").isTrue();
        List<String> raw = partner.received().stream().map(PartnerEndpoint.Received::deliveryId).toList();
        assertThat(raw.size() - raw.stream().distinct().count()).as("deliveries sent twice").isLessThanOrEqualTo(1);
        assertThat(sent.get()).isGreaterThan(before.size());
    }
}
