package org.saath.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saath.HandoffApp.KEY_A;
import static org.saath.HandoffApp.KEY_B;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.HandoffApp;
import org.saath.TestComponents;
import org.saath.TestStores;

/**
 * A partner's access ends with the escalation, over real HTTP, for the partner's API key and for a counsellor's
 * console sign-in alike: after a resolve, a transfer, a decline or an expiry, the transcript, the messages and every
 * action answer 403, and nothing the person writes afterwards reaches the old partner (API, console, webhooks). The
 * partner an escalation is transferred to reads it under the same consent rules.
 */
class AccessEndsHttpTest {

    /** What the person writes once the handoff has ended: it must never reach the old partner. */
    private static final String AFTER = "my neighbour brought sunflowers today";

    @TempDir
    Path dir;
    private HandoffApp app;
    private String counsellor;

    @BeforeEach
    void start() throws Exception {
        app = HandoffApp.start(TestStores.Kind.SQLITE, dir, TestComponents.PK_NIGHT, "access");
        counsellor = app.signedIn("partner-a", "sara");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** A crisis offered to partner A, with the person's consent to share what they wrote. */
    private String offeredWithConsent() throws Exception {
        String escalation = app.send("u-1", "m-1", "i want to kill myself, call me on 0300-7654321")
                .at("/escalation/id").asText();
        app.send("u-1", "m-2", "yes"); // safe right now; the consent question follows
        app.send("u-1", "m-3", "yes");
        for (String caller : List.of(KEY_A, counsellor)) {
            assertThat(get(escalation, "transcript", caller, 200).toString()).contains("kill myself");
            get(escalation, "messages", caller, 409);
        }
        return escalation;
    }

    /** As {@link #offeredWithConsent}, claimed by the counsellor, and the person has written to them. */
    private String heldWithConsent() throws Exception {
        String escalation = offeredWithConsent();
        app.call("POST", path(escalation, "claim"), null, counsellor, 200);
        assertThat(app.send("u-1", "m-4", "i am scared of the nights").get("replies")).isEmpty();
        for (String caller : List.of(KEY_A, counsellor)) {
            assertThat(get(escalation, "messages", caller, 200).toString()).contains("scared of the nights");
        }
        return escalation;
    }

    @Test
    void after_resolve_the_old_partner_gets_403_and_never_sees_what_follows() throws Exception {
        String escalation = heldWithConsent();

        app.call("POST", path(escalation, "resolve"), Map.of("outcome", "safe"), KEY_A, 200);

        assertAccessEnded(escalation, "resolved");
    }

    /**
     * A yes is for the escalation it was asked for: after it ends, a later escalation asks again, and whoever it goes
     * to reads nothing the person wrote before until they answer.
     */
    @Test
    void consent_given_for_one_escalation_is_asked_again_for_the_next() throws Exception {
        String first = heldWithConsent();
        app.call("POST", path(first, "resolve"), Map.of("outcome", "safe"), KEY_A, 200);
        app.clock().advance(Duration.ofHours(2));

        JsonNode again = app.send("u-1", "m-5", "i want to kill myself again");
        String second = again.at("/escalation/id").asText();
        String partner = app.components().handoffs().escalation(second).orElseThrow().partnerId();
        String key = partner.equals("partner-a") ? KEY_A : KEY_B;
        app.send("u-1", "m-6", "yes"); // safe right now; the consent question follows

        assertThat(second).isNotEqualTo(first);
        assertThat(app.components().handoffs().escalation(second).orElseThrow().consent()).isNull();
        assertThat(get(second, "transcript", key, 403).get("error").asText()).contains("not agreed");
        assertThat(app.send("u-1", "m-7", "yes").toString()).contains("will be able to read");
        assertThat(get(second, "transcript", key, 200).toString()).contains("kill myself");
    }

    @Test
    void after_a_transfer_the_old_partner_gets_403_and_the_new_one_reads_under_the_same_consent() throws Exception {
        String escalation = heldWithConsent();

        app.call("POST", path(escalation, "transfer"), Map.of("partner", "partner-b"), counsellor, 200);

        assertAccessEnded(escalation, "passed to another partner");
        assertThat(get(escalation, "transcript", KEY_B, 200).toString()).as("consent given: B reads it")
                .contains("kill myself", AFTER);
        app.call("POST", path(escalation, "claim"), null, KEY_B, 200);
        assertThat(get(escalation, "messages", KEY_B, 200).toString())
                .as("with consent, what the person told A's counsellor is part of the conversation so far")
                .contains("scared of the nights");
    }

    @Test
    void after_a_transfer_without_consent_the_new_partner_reads_nothing_written_before_it() throws Exception {
        String escalation = app.send("u-1", "m-1", "i want to kill myself").at("/escalation/id").asText();
        app.send("u-1", "m-2", "yes"); // safe right now; the consent question follows
        app.send("u-1", "m-3", "no");
        app.call("POST", path(escalation, "claim"), null, KEY_A, 200);
        app.send("u-1", "m-4", "i am scared of the nights");
        app.clock().advance(Duration.ofSeconds(1));

        app.call("POST", path(escalation, "transfer"), Map.of("partner", "partner-b"), KEY_A, 200);
        app.call("POST", path(escalation, "claim"), null, KEY_B, 200);

        assertThat(get(escalation, "transcript", KEY_B, 403).get("error").asText()).contains("not agreed");
        assertThat(get(escalation, "messages", KEY_B, 200).toString()).doesNotContain("scared of the nights");
        get(escalation, "messages", KEY_A, 403);
    }

    @Test
    void after_a_decline_the_old_partner_gets_403_and_never_sees_what_follows() throws Exception {
        String escalation = offeredWithConsent();

        app.call("POST", path(escalation, "decline"), null, counsellor, 200);

        assertAccessEnded(escalation, "declined");
    }

    @Test
    void after_an_offer_expires_the_old_partner_gets_403_and_never_sees_what_follows() throws Exception {
        String escalation = offeredWithConsent();

        app.clock().advance(Duration.ofMinutes(6));
        assertThat(app.components().desk().expireLapsedOffers()).isEqualTo(1);

        assertAccessEnded(escalation, "expired");
    }

    /**
     * For the API key and the counsellor alike: 403 naming why on every call about the escalation, and nothing the
     * person writes next in the queue, the console's state or a webhook.
     */
    private void assertAccessEnded(String escalation, String why) throws Exception {
        JsonNode reply = app.send("u-1", "m-after", AFTER);
        assertThat(reply.get("replies")).as("the bot answers again").isNotEmpty();
        for (String caller : List.of(KEY_A, counsellor)) {
            assertThat(get(escalation, "transcript", caller, 403).get("error").asText()).contains("ended", why);
            get(escalation, "messages", caller, 403);
            app.call("POST", path(escalation, "messages"), Map.of("text", "are you there?"), caller, 403);
            app.call("POST", path(escalation, "claim"), null, caller, 403);
            app.call("POST", path(escalation, "resolve"), Map.of("outcome", "safe"), caller, 403);
            assertThat(app.call("GET", "/v1/partner/escalations", null, caller, 200).toString())
                    .doesNotContain(escalation, "sunflowers");
        }
        Partner a = app.components().partners().byId("partner-a").orElseThrow();
        assertThat(app.components().console().view().state(a).toString()).doesNotContain("sunflowers");
        assertThat(app.delivered()).noneMatch(r -> r.body().contains("sunflowers"));
    }

    private JsonNode get(String escalation, String what, String caller, int status) throws Exception {
        return app.call("GET", path(escalation, what), null, caller, status);
    }

    private static String path(String escalation, String action) {
        return "/v1/partner/escalations/" + escalation + "/" + action;
    }
}
