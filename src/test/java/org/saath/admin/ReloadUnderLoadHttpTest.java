package org.saath.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.App;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.config.SaathConfig;

/** Reloading rules and model while messages keep arriving: every message is answered, none fails. */
class ReloadUnderLoadHttpTest {

    private static final String TOKEN = "load-admin-token-0123456789";

    @TempDir
    Path data;

    @Test
    void reloads_in_the_middle_of_traffic_cause_no_errors() throws Exception {
        // four senders at 60 messages each: above the default flood limit, which is not what this test is about
        SaathConfig config = TestComponents.config(data).withAdminToken(TOKEN)
                .withLimits(new SaathConfig.Limits(1000, 3, Duration.ofHours(24), 5));
        Javalin app = App.create(Components.load(config, TestComponents.analyser(), Clock.systemUTC())).start(0);
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int sender = t;
                results.add(senders.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 60; i++) {
                        String body = "{\"user\":\"u-" + sender + "\",\"id\":\"m-" + i + "\",\"text\":\"i feel "
                                + (i % 2 == 0 ? "anxious" : "so alone") + " today\"}";
                        statuses.add(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                                + "/v1/messages")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString()).statusCode());
                    }
                    return statuses;
                }));
            }
            List<Integer> reloads = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                reloads.add(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                        + "/admin/reload")).header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<List<Integer>> f : results) {
                statuses.addAll(f.get());
            }
            assertThat(reloads).containsOnly(200);
            assertThat(statuses).hasSize(240).containsOnly(200);
        } finally {
            senders.shutdown();
            app.stop();
        }
    }
}
