package org.saath.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saath.HandoffApp.KEY_A;
import static org.saath.HandoffApps.TRACEABLE_CRISIS;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saath.HandoffApp;
import org.saath.HandoffApps;
import org.saath.TestStores;
import org.saath.store.AddressStore;

/**
 * Retention (90 days by default) removes everything about a conversation whose last activity is older than the
 * window, checked table by table on SQLite (rows and every byte of the files) and PostgreSQL (rows): conversation,
 * turns, escalations and their transitions, safety plan, stored replies, messages kept for the person, outbox rows,
 * partners' idempotency records, what was kept of a deletion. An escalation still held ends and its partner is
 * told; a conversation a counsellor wrote to within the window stays; a conversation still in use keeps only its
 * turns from within the window; the anonymous impact counts stay.
 */
class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final Instant OLD = NOW.minus(Duration.ofDays(100));

    @RegisterExtension
    final HandoffApps apps = new HandoffApps();
    private HandoffApp app;

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void retention_removes_everything_about_conversations_older_than_the_window(TestStores.Kind kind)
            throws Exception {
        app = apps.start(kind, OLD, "retention");
        String handedBack = handedToACounsellorAndBack("u-old");
        String deleted = app.send("u-gone", "g-1", TRACEABLE_CRISIS).at("/escalation/id").asText();
        app.send("u-gone", "g-2", "delete my data");
        String stale = claimed("u-stale");
        String held = claimed("u-held");
        app.send("u-live", "l-1", "an old message about the lotus pond");
        for (int i = 0; i < 4; i++) {
            app.delivered();    // one delivery per conversation at a time
        }
        Map<String, String> refs = userRefs();
        AddressStore addresses = new AddressStore(app.components().database());
        for (String user : List.of("u-old", "u-stale", "u-live")) {    // as a platform channel seals them
            addresses.remember("generic", refs.get(user), new SealedAddress("a1:sealed-for-" + user), OLD, OLD);
        }
        // the keyed id of a message a platform took (the generic channel names none)
        app.components().database().write(sql -> sql.update("INSERT INTO outbox_sent (sent_ref, outbox_id, "
                + "conversation_id, created_at) VALUES (?, ?, ?, ?)", "sent-ref-old", "ob-old", "c-old", OLD));
        List<String> gone = List.of(refs.get("u-old"), refs.get("u-gone"), refs.get("u-stale"), handedBack, deleted,
                "zafarabad", "7654321", "lotus", "safe place", "sealed-for-u-old", "sealed-for-u-stale");
        assertThat(app.rows().toString()).as("before: what must go is there (u-gone's reference went already)")
                .contains(refs.get("u-old"), refs.get("u-stale"), handedBack, deleted, "zafarabad", "lotus",
                        "safe place");

        app.clock().advance(Duration.ofDays(99));
        app.call("POST", "/v1/partner/escalations/" + held + "/messages", Map.of("text", "Are you still there?"),
                KEY_A, 200);
        app.clock().advance(Duration.ofDays(1));
        app.send("u-live", "l-2", "a recent message about jasmine");
        addresses.remember("generic", refs.get("u-live"), new SealedAddress("a1:sealed-for-u-live"), app.clock()
                .instant(), app.clock().instant());
        app.components().ops().impact().flush();
        app.components().retention(app.clock()).run();

        Map<String, List<String>> rows = app.rows();
        assertThat(rows.get("conversations")).as("in use within the window").hasSize(2)
                .anyMatch(r -> r.contains(refs.get("u-live"))).anyMatch(r -> r.contains(refs.get("u-held")));
        assertThat(rows.get("turns")).singleElement().asString().contains("jasmine");
        assertThat(rows.get("channel_addresses")).singleElement().asString().contains("sealed-for-u-live");
        assertThat(rows.get("escalations")).singleElement().asString().startsWith(held + "|");
        assertThat(rows.get("escalation_endings")).as("the held escalation that retention ended, nothing about it")
                .singleElement().asString().startsWith(stale + "|partner-a|claimed|resolved|saath|retention|");
        assertThat(rows.get("outbox")).as("the partner is told; delivered rows are gone").singleElement().asString()
                .contains(stale, "escalation.resolved", "\"by\":\"saath\"", "\"reason\":\"retention\"");
        assertThat(rows.get("impact_turns")).as("anonymous counts stay").isNotEmpty();
        assertThat(rows.get("impact_escalations")).isNotEmpty();
        for (String table : List.of("safety_plans", "request_outcomes", "forgotten_messages", "outbox_sent")) {
            assertThat(rows.get(table)).as(table).isEmpty();
        }
        assertThat(app.components().handoffs().load("partner-a")).as("only the held escalation's place").isOne();
        rows.forEach((table, content) -> assertThat(String.join("\n", content)).as(table)
                .doesNotContain(gone.toArray(String[]::new)));
        assertThat(String.join("\n", rows.get("escalation_events")) + rows.get("user_messages"))
                .doesNotContain(stale);
        if (kind == TestStores.Kind.SQLITE) {
            assertThat(app.storeBytes()).doesNotContain(gone.toArray(String[]::new));
        }
    }

    /**
     * A conversation still in use keeps only its window too: an escalation that ended before it (with its
     * transitions) and safety-plan answers not touched since go, while the conversation and its recent turns stay.
     */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_conversation_in_use_keeps_no_escalation_or_plan_older_than_the_window(TestStores.Kind kind)
            throws Exception {
        app = apps.start(kind, OLD, "retention-live");
        String escalation = handedToACounsellorAndBack("u-old");
        for (int i = 0; i < 4; i++) {
            app.delivered();
        }
        app.clock().advance(Duration.ofDays(60));
        app.send("u-old", "o-6", "a message about the lotus pond");
        app.clock().advance(Duration.ofDays(40));
        app.send("u-old", "o-7", "a recent message about jasmine");

        app.components().retention(app.clock()).run();

        Map<String, List<String>> rows = app.rows();
        assertThat(rows.get("conversations")).as("in use within the window").hasSize(1);
        assertThat(rows.get("turns")).isNotEmpty().allSatisfy(t -> assertThat(t).doesNotContain("zafarabad"));
        assertThat(rows.get("escalations")).as("ended 100 days ago").isEmpty();
        assertThat(rows.get("escalation_events")).isEmpty();
        assertThat(rows.get("safety_plans")).as("the answer of 100 days ago goes, the later ones stay").isNotEmpty()
                .noneMatch(answer -> answer.contains("safe place"));
        assertThat(rows.toString()).doesNotContain(escalation, "safe place");
    }

    /**
     * A crisis handed to partner A (consent, a claim with an idempotency key, words relayed, a counsellor's answer),
     * resolved, and then a safety plan: a row in every table a person's conversation can reach.
     */
    private String handedToACounsellorAndBack(String user) throws Exception {
        String escalation = app.send(user, "o-1", TRACEABLE_CRISIS).at("/escalation/id").asText();
        app.send(user, "o-2", "yes");
        String path = "/v1/partner/escalations/" + escalation;
        assertThat(app.raw("POST", path + "/claim", null, KEY_A, "claim-key-0001").statusCode()).isEqualTo(200);
        app.send(user, "o-3", "i am scared of the zafarabad nights");
        app.call("POST", path + "/messages", Map.of("text", "I'm Sara. I'm here with you."), KEY_A, 200);
        app.call("POST", path + "/resolve", Map.of("outcome", "safe"), KEY_A, 200);
        app.send(user, "o-4", "safety plan");
        app.send(user, "o-5", "when the zafarabad uncle calls I go to a safe place");
        assertThat(app.rows().get("safety_plans")).hasSize(1);
        return escalation;
    }

    private String claimed(String user) throws Exception {
        String escalation = app.send(user, user + "-1", TRACEABLE_CRISIS).at("/escalation/id").asText();
        app.call("POST", "/v1/partner/escalations/" + escalation + "/claim", null, KEY_A, 200);
        return escalation;
    }

    /** Each test user's keyed reference, as the store keeps it. */
    private Map<String, String> userRefs() {
        return Map.of("u-old", ref("u-old"), "u-gone", ref("u-gone"), "u-stale", ref("u-stale"), "u-held",
                ref("u-held"), "u-live", ref("u-live"));
    }

    private String ref(String user) {
        return org.saath.Components.hasher(app.components().config()).hash("generic", user);
    }
}
