package org.saath.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saath.Concurrently.runAll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saath.TestStores;

/**
 * The console's stores (counsellors and console tokens, idempotent request outcomes, canned replies) on a real
 * SQLite file and a real PostgreSQL migrated by Flyway (V30 included): what two requests, or two nodes, doing the
 * same thing at once must leave behind.
 */
class ConsoleStoresTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    /** SHA-256 of an empty body. */
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases("console_stores", 8);

    private static CounsellorStore.Counsellor counsellor(String id, String login) {
        return new CounsellorStore.Counsellor(id, "partner-a", login, "Sara", "$2a$04$hash", null, T0);
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_login_is_taken_once_and_disabling_ends_every_session_and_its_stream_tokens(TestStores.Kind kind) {
        CounsellorStore store = new CounsellorStore(databases.open(kind));
        assertThat(store.add(counsellor("c-1", "sara"))).isTrue();
        assertThat(store.add(counsellor("c-2", "sara"))).isFalse();
        store.addToken("session-sha", "session", new CounsellorStore.TokenOwner("partner-a", Optional.of("c-1"),
                Optional.empty(), T0.plusSeconds(8 * 3600)), T0);
        store.addToken("stream-sha", "stream", new CounsellorStore.TokenOwner("partner-a", Optional.empty(),
                Optional.of("session-sha"), T0.plusSeconds(120)), T0);
        store.addToken("partner-stream-sha", "stream", new CounsellorStore.TokenOwner("partner-a", Optional.empty(),
                Optional.empty(), T0.plusSeconds(120)), T0);

        assertThat(store.token("session-sha", "session", T0)).map(o -> o.counsellorId().orElseThrow())
                .contains("c-1");
        assertThat(store.token("session-sha", "stream", T0)).as("a session is not a stream token").isEmpty();
        assertThat(store.disable("sara", T0.plusSeconds(60))).isTrue();
        assertThat(store.disable("sara", T0.plusSeconds(61))).isFalse();

        assertThat(store.token("session-sha", "session", T0.plusSeconds(62))).isEmpty();
        assertThat(store.token("stream-sha", "stream", T0.plusSeconds(62))).isEmpty();
        assertThat(store.token("partner-stream-sha", "stream", T0.plusSeconds(62))).isPresent();
        assertThat(store.byLogin("sara")).map(CounsellorStore.Counsellor::disabledAt).contains(T0.plusSeconds(60));
    }

    /** Expiry compares stored text: half a second after a whole second must still be later (fixed-width times). */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_token_expires_at_its_instant_to_the_nanosecond(TestStores.Kind kind) {
        CounsellorStore store = new CounsellorStore(databases.open(kind));
        store.addToken("sha", "stream", new CounsellorStore.TokenOwner("partner-a", Optional.empty(),
                Optional.empty(), T0), T0.minusSeconds(120));

        assertThat(store.token("sha", "stream", T0.minusNanos(1))).isPresent();
        assertThat(store.token("sha", "stream", T0)).isEmpty();
        assertThat(store.token("sha", "stream", T0.plusMillis(500))).isEmpty();
        assertThat(store.deleteExpired(T0.plusMillis(500))).isEqualTo(1);
    }

    /** Ten copies of one request with one Idempotency-Key arrive at once: one acts, the rest wait for its outcome. */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void one_idempotency_key_is_claimed_by_one_request(TestStores.Kind kind) throws Exception {
        RequestOutcomes outcomes = new RequestOutcomes(databases.open(kind));
        List<Callable<Optional<RequestOutcomes.Outcome>>> copies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            copies.add(() -> outcomes.begin("partner-a", "key-00000001", "POST /claim", EMPTY, T0));
        }

        List<Optional<RequestOutcomes.Outcome>> answers = runAll(copies);

        assertThat(answers).filteredOn(Optional::isEmpty).hasSize(1);
        assertThat(answers).filteredOn(Optional::isPresent).extracting(a -> a.get().status()).containsOnly(409);
        outcomes.finish("partner-a", "key-00000001", new RequestOutcomes.Outcome(200, "{\"state\":\"claimed\"}"));
        assertThat(outcomes.begin("partner-a", "key-00000001", "POST /claim", EMPTY, T0))
                .contains(new RequestOutcomes.Outcome(200, "{\"state\":\"claimed\"}", true));
        assertThat(outcomes.begin("partner-a", "key-00000001", "POST /resolve", EMPTY, T0))
                .map(RequestOutcomes.Outcome::status).contains(422);
        assertThat(outcomes.begin("partner-a", "key-00000001", "POST /claim", "0".repeat(64), T0))
                .as("the same call with another body").hasValueSatisfying(o -> {
                    assertThat(o.status()).isEqualTo(422);
                    assertThat(o.replayed()).isFalse();
                });
        assertThat(outcomes.begin("partner-b", "key-00000001", "POST /claim", EMPTY, T0)).as("keys are per partner")
                .isEmpty();
    }

    /** A partner's first two console page loads at once seed the safe-messaging openers once, not twice. */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void canned_replies_are_seeded_once_however_many_ask_at_once(TestStores.Kind kind) throws Exception {
        CannedReplyStore store = new CannedReplyStore(databases.open(kind));
        List<Callable<Object>> loads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int copy = i;
            loads.add(() -> {
                store.seedIfNone("partner-a", List.of(
                        new CannedReplyStore.CannedReply("cr-" + copy + "-1", "partner-a", "en", 0, "I'm here."),
                        new CannedReplyStore.CannedReply("cr-" + copy + "-2", "partner-a", "en", 1, "Take your time.")),
                        T0);
                return null;
            });
        }

        runAll(loads);

        assertThat(store.list("partner-a")).extracting(CannedReplyStore.CannedReply::text)
                .containsExactly("I'm here.", "Take your time.");
    }
}
