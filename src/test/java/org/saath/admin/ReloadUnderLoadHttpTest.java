package org.saath.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.App;
import org.saath.GenericClient;
import org.saath.Sqlite;
import org.saath.TestComponents;
import org.saath.config.SaathConfig;

/**
 * Reloading a different rule book while messages keep arriving: every message is answered, each answer comes from
 * one whole book (its rule and its text agree), and once a person has been answered by the new book, never again
 * by the old one.
 */
class ReloadUnderLoadHttpTest {

    private static final String TOKEN = "load-admin-token-0123456789";
    private static final int SENDERS = 4;
    private static final int MESSAGES = 60;
    /** Before the reload each sender sends this many; it waits for the reload's answer only after {@link #HELD}. */
    private static final int BEFORE = 5;
    private static final int HELD = 30;

    @TempDir
    Path dir;

    /**
     * Book B: every rule renamed {@code <id>-b}, and anxiety answered with the grounding exercise instead of the
     * anxiety template, so a turn's rule id and its text each tell which book answered.
     */
    private static String bookB(String bookA) {
        return bookA.replaceAll("(?m)^  - id: (\\S+)$", "  - id: $1-b")
                .replace("then: {template: anxiety,", "then: {template: grounding,");
    }

    @Test
    void a_new_rule_book_reloaded_mid_traffic_answers_whole_and_never_mixed_with_the_old() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        String bookA = Files.readString(Path.of("src/main/resources/rules.yaml"));
        Files.writeString(rules, bookA);
        Path data = dir.resolve("data");
        // four senders at 60 messages each: above the default flood limit, which is not what this test is about
        SaathConfig config = TestComponents.config(data).withAdminToken(TOKEN).withRulesFile(rules.toString())
                .withLimits(new SaathConfig.Limits(1000, 3, Duration.ofHours(24), 5));
        Javalin app = App.create(TestComponents.load(config, TestComponents.analyser(), Clock.systemUTC())).start(0);
        HttpClient http = HttpClient.newHttpClient();
        GenericClient person = new GenericClient(app, data);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        CountDownLatch started = new CountDownLatch(SENDERS * BEFORE);
        CountDownLatch reloaded = new CountDownLatch(1);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < SENDERS; t++) {
                int sender = t;
                results.add(senders.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < MESSAGES; i++) {
                        if (i == HELD) {
                            reloaded.await(60, TimeUnit.SECONDS);
                        }
                        String body = "{\"user\":\"u-" + sender + "\",\"id\":\"m-" + String.format("%02d", i)
                                + "\",\"country\":\"PK\",\"text\":\"i feel "
                                + (i % 2 == 0 ? "anxious" : "so alone") + " today\"}";
                        statuses.add(person.post(body).statusCode());
                        started.countDown();
                    }
                    return statuses;
                }));
            }
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
            Path next = dir.resolve("rules.yaml.next");
            Files.writeString(next, bookB(bookA));
            Files.move(next, rules, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            int reload = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                    + "/admin/reload")).header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
            reloaded.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<List<Integer>> f : results) {
                statuses.addAll(f.get());
            }

            assertThat(reload).isEqualTo(200);
            assertThat(statuses).hasSize(SENDERS * MESSAGES).containsOnly(200);
        } finally {
            senders.shutdown();
            app.stop();
        }
        assertOneWholeBookPerAnswerAndNoGoingBack(data);
    }

    private static void assertOneWholeBookPerAnswerAndNoGoingBack(Path data) {
        Map<String, List<String[]>> byPerson = new TreeMap<>();
        List<String> rows = Sqlite.strings(data, "SELECT conversation_id || '|' || substr('00' || turn_no, -3) || '|' "
                + "|| rule_id || '|' "
                + "|| reply_text FROM turns");
        for (String row : rows) {
            String[] f = row.split("\\|", 4);
            byPerson.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new String[] {f[1], f[2], f[3]});
        }
        assertThat(rows).hasSize(SENDERS * MESSAGES);
        int oldBook = 0;
        int newBook = 0;
        for (List<String[]> turns : byPerson.values()) {
            turns.sort((a, b) -> a[0].compareTo(b[0]));
            boolean seenNew = false;
            for (String[] turn : turns) {
                boolean fromNew = turn[1].endsWith("-b");
                assertThat(fromNew || !seenNew).as("%s answered by the old book after the new one", turn[0])
                        .isTrue();
                seenNew |= fromNew;
                if (turn[1].startsWith("anxiety")) {
                    assertThat(turn[2]).as("rule %s and its text", turn[1])
                            .startsWith(fromNew ? "Let's slow things down" : "That sounds really hard");
                }
                oldBook += fromNew ? 0 : 1;
                newBook += fromNew ? 1 : 0;
            }
        }
        assertThat(oldBook).as("answers from the old book").isGreaterThanOrEqualTo(SENDERS * BEFORE);
        assertThat(newBook).as("answers from the new book").isGreaterThanOrEqualTo(SENDERS * (MESSAGES - HELD));
    }
}
