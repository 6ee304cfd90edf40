package org.saath.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saath.StoreRows;
import org.saath.TestPartners;
import org.saath.TestStores;
import org.saath.channel.FakePlatform;
import org.saath.channel.PlatformRig;
import org.saath.config.ChannelsConfig;
import org.saath.config.SaathConfig;
import org.saath.escalation.Caller;
import org.saath.outbox.PartnerEndpoint;
import org.slf4j.LoggerFactory;

/**
 * WhatsApp Cloud API end to end: the real app on a free port, a fake Graph API on loopback, the outbox dispatcher.
 * {@code whatsapp-text.json} and the status receipts are Meta's published payloads, verbatim, signed as Meta signs
 * them; {@code whatsapp-nontext-CONSTRUCTED.json} is NOT verbatim (assembled from Meta's field names, see its
 * {@code .source.txt}); the conversations below are built from the verbatim text payload with other ids and words.
 */
class WhatsAppChannelHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "TEST_APP_SECRET";
    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String PERSON = "923001234567";      // a Pakistani number: Pakistani lines, partner A
    /** 14:00 in Karachi, a Saturday. */
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    /** A minute after the fixtures' messages were written (their timestamps: 1749416383 and on, 8 June 2025). */
    private static final Instant FIXTURES_WRITTEN = Instant.ofEpochSecond(1_749_416_383L + 60);

    @TempDir
    Path dir;
    private FakePlatform graph;
    private PartnerEndpoint partner;
    private PlatformRig rig;
    private final AtomicInteger sends = new AtomicInteger();

    private void start(String reengageTemplate) throws IOException {
        start(reengageTemplate, UnaryOperator.identity());
    }

    private void start(String reengageTemplate, UnaryOperator<SaathConfig> store) throws IOException {
        start(reengageTemplate, store, T0);
    }

    /** Started with the clock at {@code now}: a fixture's messages were written at their own time. */
    private void start(String reengageTemplate, UnaryOperator<SaathConfig> store, Instant now) throws IOException {
        // as Meta answers a send: the new message's own id, which a later status receipt names
        graph = new FakePlatform((path, body) -> new FakePlatform.Answer(200,
                "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.out-" + sends.incrementAndGet()
                        + "\"}]}"));
        partner = new PartnerEndpoint("partner-a-webhook-secret");
        Path partners = TestPartners.file(dir, partner.url(), partner.secret());
        rig = new PlatformRig(dir, now, c -> store.apply(c).withPartnersFile(partners.toString()).withChannels(
                new ChannelsConfig(null, new ChannelsConfig.WhatsApp(SECRET, "vibecoding", "EAAJB-test-access-token",
                        PHONE_NUMBER_ID, graph.url() + "/v25.0", reengageTemplate), null, null)));
    }

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
            graph.close();
            partner.close();
        }
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/webhooks", name));
    }

    private static String signature(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(MetaSignature.hmac(SECRET, body));
    }

    private HttpResponse<String> post(byte[] body, String signature) throws Exception {
        return rig.post("/webhooks/whatsapp", body, "Content-Type", "application/json", "X-Hub-Signature-256",
                signature);
    }

    /** Meta's text payload with another sender, message id, time and text. */
    private static byte[] text(String from, String id, Instant at, String body) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(fixture("whatsapp-text.json"));
        ObjectNode value = (ObjectNode) root.at("/entry/0/changes/0/value");
        ((ObjectNode) value.at("/contacts/0")).put("wa_id", from);
        ObjectNode message = (ObjectNode) value.at("/messages/0");
        message.put("from", from).put("id", id).put("timestamp", String.valueOf(at.getEpochSecond()));
        ((ObjectNode) message.get("text")).put("body", body);
        return JSON.writeValueAsBytes(root);
    }

    private HttpResponse<String> say(String id, String words) throws Exception {
        byte[] body = text(PERSON, id, rig.clock.instant(), words);
        return post(body, signature(body));
    }

    /** How the person's message {@code wamid} is stored: its keyed hash, never the id (it holds their number). */
    private String stored(String wamid) {
        return rig.storedId("whatsapp", PERSON, wamid);
    }

    /** Partner A's system, as the partner API acts. */
    private Caller partnerA() {
        return Caller.partnerSystem(rig.components.partners().byId("partner-a").orElseThrow());
    }

    /** A crisis in WhatsApp message {@code wamid}, its escalation claimed by partner A: the escalation's id. */
    private String claimedCrisis(String wamid) throws Exception {
        say(wamid, "i want to kill myself");
        String escalation = rig.strings("SELECT id FROM escalations").get(0);
        rig.components.desk().claim(partnerA(), escalation);
        return escalation;
    }

    private List<String> sentTexts() {
        return graph.accepted().stream().map(r -> r.json().at("/text/body").asText()).toList();
    }

    @Test
    void the_verify_handshake_echoes_the_challenge_only_for_the_verify_token() throws Exception {
        start("");

        HttpResponse<String> ok = rig.get("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444"
                + "&hub.verify_token=vibecoding");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(ok.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(rig.get("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=wrong")
                .statusCode()).isEqualTo(403);
        assertThat(rig.get("/webhooks/whatsapp?hub.mode=unsubscribe&hub.challenge=1158201444"
                + "&hub.verify_token=vibecoding").statusCode()).isEqualTo(403);
        assertThat(rig.get("/webhooks/whatsapp").statusCode()).isEqualTo(403);
    }

    @Test
    void meta_s_published_payload_with_its_signature_is_accepted_and_a_tampered_body_is_refused_storing_nothing()
            throws Exception {
        start("", UnaryOperator.identity(), FIXTURES_WRITTEN); // inside the 24-hour window the reply is text
        byte[] published = fixture("whatsapp-text.json");
        // meta-signature-vector.txt, D1
        String d1 = "sha256=69360c741c3eae1ac96826307f4e7f7501d16d87e66019ca5d6e422e533d65f9";
        byte[] tampered = new String(published, StandardCharsets.UTF_8).replace("another color", "another colour")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(post(tampered, d1).statusCode()).isEqualTo(401);
        assertThat(post(published, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(401);
        assertThat(rig.post("/webhooks/whatsapp", published).statusCode()).isEqualTo(401);
        assertThat(rig.storedAboutPeople()).isZero();

        HttpResponse<String> accepted = post(published, d1);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(rig.count("turns")).isEqualTo(1);
        rig.dispatch();
        assertThat(graph.accepted()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v25.0/" + PHONE_NUMBER_ID + "/messages");
            assertThat(r.header("Authorization")).isEqualTo("Bearer EAAJB-test-access-token");
            assertThat(r.json().get("to").asText()).isEqualTo("+16505551234");
            assertThat(r.json().get("messaging_product").asText()).isEqualTo("whatsapp");
        });
    }

    /**
     * A long message in Urdu, as Meta may send it: every letter escaped as six bytes, a 3,000-letter message 18 KB,
     * over the 16 KiB that bounds the service's own JSON endpoints. Refused with a 413, Meta would retry and then
     * drop it: the longest messages are often the ones that most need an answer.
     */
    @Test
    void a_long_urdu_message_escaped_as_meta_sends_it_is_read_not_refused_for_its_size() throws Exception {
        start("");
        String urdu = ("میں بہت تھک گیا ہوں، کوئی میری بات نہیں سنتا اور مجھے لگتا ہے کہ سب ختم ہو گیا ہے۔ ").repeat(40)
                + "میں آج رات اپنی جان لے لوں گا";
        ObjectNode root = (ObjectNode) JSON.readTree(text(PERSON, "wamid.long-1", rig.clock.instant(), urdu));
        byte[] body = JSON.writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
                .writeValueAsBytes(root);
        assertThat(body.length).isGreaterThan(16_384);

        assertThat(post(body, signature(body)).statusCode()).isEqualTo(200);
        assertThat(rig.count("turns")).isEqualTo(1);
        rig.dispatch();
        assertThat(sentTexts()).isNotEmpty();

        byte[] tooLarge = new byte[org.saath.channel.PlatformChannel.WEBHOOK_MAX_BYTES + 1];
        java.util.Arrays.fill(tooLarge, (byte) ' ');
        // streamed: refused by its length said, the 3 MB body raced the connection's close (seen once under load)
        assertThat(rig.postStreamed("/webhooks/whatsapp", tooLarge, "Content-Type", "application/json",
                "X-Hub-Signature-256", signature(tooLarge)).statusCode()).isEqualTo(413);
        assertThat(rig.count("turns")).isEqualTo(1);
    }

    @Test
    void a_body_signed_in_meta_s_escaped_unicode_form_is_accepted() throws Exception {
        start("");
        byte[] utf8 = fixture("meta-nonascii-body-utf8.bin");
        String d4 = "sha256=a26bcec85e090f971d9aa17ed2cf06b7f8fcd4dbb2332b49c8a561b134e3d258";

        assertThat(post(utf8, d4).statusCode()).isEqualTo(200);
        assertThat(rig.count("turns")).isEqualTo(1);
    }

    @Test
    void a_conversation_gets_every_reply_in_order_and_a_redelivered_message_nothing_new() throws Exception {
        start("");

        say("wamid.A1", "assalam o alaikum");
        say("wamid.A2", "i feel so alone these days, nobody understands me");
        say("wamid.A2", "i feel so alone these days, nobody understands me");   // Meta retries
        say("wamid.A3", "yes");
        rig.dispatch();

        String replies = String.join("\n", rig.strings("SELECT reply_text FROM turns ORDER BY created_at, rowid"));
        assertThat(rig.count("turns")).isEqualTo(3);
        assertThat(String.join("\n", sentTexts())).isEqualTo(replies);
        assertThat(graph.received()).hasSameSizeAs(graph.accepted());
        assertThat(graph.accepted()).allMatch(r -> r.json().get("to").asText().equals("+" + PERSON));
        assertThat(rig.strings("SELECT DISTINCT state FROM outbox")).containsExactly("delivered");
        assertThat(rig.strings("SELECT payload FROM outbox")).noneMatch(p -> p.contains("a1:")
                || p.contains("alone"));
    }

    /**
     * The whole story on both stores (PostgreSQL as several nodes share it, with the address key it requires): a
     * crisis offered to the partner, the counsellor's words delivered in order while the partner's own webhook is
     * down, a late message outside the 24-hour window told to the partner instead, and "delete my data" confirmed
     * with nothing of the person left.
     */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_conversation_handed_to_a_counsellor_and_deleted_works_on_sqlite_and_postgresql(TestStores.Kind kind)
            throws Exception {
        start("", c -> TestStores.on(c, TestStores.fresh(kind, dir, "whatsapp")));
        say("wamid.P1", "i want to kill myself");
        String escalation = rig.strings("SELECT id FROM escalations").get(0);
        Caller a = Caller.partnerSystem(rig.components.partners().byId("partner-a").orElseThrow());
        partner.down(true);
        rig.components.desk().claim(a, escalation);
        rig.components.desk().message(a, escalation, "I'm Sara. I'm here with you.");
        say("wamid.P2", "thank you, i'm scared");
        rig.dispatch();

        assertThat(sentTexts()).last().isEqualTo("I'm Sara. I'm here with you.");
        assertThat(sentTexts()).anyMatch(t -> t.contains("0311-7786264"))
                .anyMatch(t -> t.contains("counsellor has joined"));
        assertThat(sentTexts()).noneMatch(t -> t.contains("scared"));
        partner.down(false);
        rig.clock.advance(Duration.ofHours(25));
        rig.components.desk().message(a, escalation, "Are you somewhere safe?");
        rig.dispatchFor(Duration.ofMinutes(10), Duration.ofMinutes(1));
        assertThat(sentTexts()).noneMatch(t -> t.contains("somewhere safe"));
        assertThat(partner.received()).anyMatch(r -> r.body().contains("person.message_undelivered"));
        assertThat(rig.count("outbox_sent")).as("the sent messages' keyed ids").isPositive();

        say("wamid.P3", "end chat");
        say("wamid.P4", "delete my data");
        say("wamid.P4", "delete my data");
        rig.dispatch();
        assertThat(sentTexts()).filteredOn(t -> t.contains("I have deleted everything")).hasSize(1);
        assertThat(rig.count("channel_addresses") + rig.count("conversations") + rig.count("turns")
                + rig.count("outbox_sent")).isZero();
    }

    @Test
    void the_graph_api_down_for_ten_minutes_loses_no_reply_and_sends_none_twice() throws Exception {
        start("");
        graph.down(true);

        say("wamid.B1", "i can't sleep and i feel anxious all the time");
        rig.clock.advance(Duration.ofMinutes(1));
        say("wamid.B2", "yes");
        rig.dispatchFor(Duration.ofMinutes(10), Duration.ofSeconds(15));
        assertThat(graph.accepted()).isEmpty();
        assertThat(graph.received()).isNotEmpty();
        graph.down(false);
        rig.dispatchFor(Duration.ofMinutes(10), Duration.ofSeconds(15));

        String replies = String.join("\n", rig.strings("SELECT reply_text FROM turns ORDER BY created_at, rowid"));
        assertThat(String.join("\n", sentTexts())).isEqualTo(replies);
        assertThat(rig.strings("SELECT DISTINCT state FROM outbox")).containsExactly("delivered");
    }

    @Test
    void status_receipts_are_acknowledged_and_never_taken_for_a_message() throws Exception {
        start("");
        for (String name : List.of("whatsapp-status-sent.json", "whatsapp-status-v24-minimal.json",
                "whatsapp-status-failed.json")) {
            byte[] body = fixture(name);
            assertThat(post(body, signature(body)).statusCode()).as(name).isEqualTo(200);
        }

        assertThat(rig.storedAboutPeople()).isZero();
    }

    @Test
    void voice_notes_pictures_and_stickers_get_a_kind_text_only_reply_and_a_reaction_gets_none() throws Exception {
        start("", UnaryOperator.identity(), FIXTURES_WRITTEN);
        byte[] batch = fixture("whatsapp-nontext-CONSTRUCTED.json"); // six messages in one POST, not verbatim

        assertThat(post(batch, signature(batch)).statusCode()).isEqualTo(200);
        rig.dispatch();

        UnaryOperator<String> stored = id -> rig.storedId("whatsapp", "16505551234", id);
        assertThat(rig.strings("SELECT message_id FROM turns")).containsExactlyInAnyOrder(Stream.of("IMAGE", "VOICE",
                "STICKER", "BUTTON", "UNSUPPORTED").map(m -> stored.apply("wamid.CONSTRUCTED-" + m + "-1"))
                .toArray(String[]::new));
        String button = stored.apply("wamid.CONSTRUCTED-BUTTON-1");
        assertThat(rig.strings("SELECT rule_id FROM turns WHERE message_id <> '" + button + "'"))
                .containsOnly("media");
        assertThat(sentTexts()).filteredOn(t -> t.contains("I can only read text")).hasSize(4);
        assertThat(rig.strings("SELECT rule_id FROM turns WHERE message_id = '" + button + "'"))
                .containsExactly("asks-for-a-person");
    }

    @Test
    void a_voice_note_after_a_crisis_gets_the_text_only_reply_with_an_open_crisis_line() throws Exception {
        start("");
        say("wamid.C1", "i want to kill myself tonight");
        byte[] voice = new String(fixture("whatsapp-nontext-CONSTRUCTED.json"), StandardCharsets.UTF_8)
                .replace("16505551234", PERSON).getBytes(StandardCharsets.UTF_8);

        post(voice, signature(voice));
        rig.dispatch();

        List<String> media = rig.strings("SELECT reply_text FROM turns WHERE rule_id = 'media'");
        assertThat(media).isNotEmpty().allSatisfy(text -> assertThat(text).contains("I can only read text",
                "0311-7786264"));
    }

    @Test
    void a_counsellor_message_outside_the_24_hour_window_is_not_lost_the_partner_and_console_are_told()
            throws Exception {
        start("");
        String escalation = claimedCrisis("wamid.D1");
        rig.dispatch();
        assertThat(sentTexts()).anyMatch(t -> t.contains("counsellor has joined"));

        rig.clock.advance(Duration.ofHours(25));
        rig.components.desk().message(partnerA(), escalation, "Are you somewhere safe right now?");
        rig.dispatch();
        rig.dispatch();

        assertThat(sentTexts()).noneMatch(t -> t.contains("somewhere safe"));
        assertThat(partner.received()).anyMatch(r -> r.body().contains("person.message_undelivered")
                && r.body().contains("outside WhatsApp's 24-hour window") && r.body().contains(escalation));
        assertThat(rig.strings("SELECT text FROM user_messages WHERE sender = 'undelivered'"))
                .containsExactly("not delivered: outside WhatsApp's 24-hour window");
        assertThat(rig.strings("SELECT state FROM outbox WHERE destination = 'channel' AND state <> 'delivered'"))
                .containsExactly("undelivered");
        assertThat(rig.components.ops().registry().scrape()).as("an operator sees it, not a delivery")
                .contains("saath_outbox_attempts_total{destination=\"channel\",outcome=\"undelivered\"} 1.0");
        assertThat(rig.components.ops().status().outbox(rig.clock.instant()).undelivered())
                .as("the saath_outbox_undelivered gauge").isEqualTo(1);
    }

    /**
     * Meta takes a counsellor's words (200 with the message's id) and minutes later reports them {@code failed}
     * (Meta's published receipt, its id set to the one Meta gave): the partner and the console are told, as when
     * Meta refuses a message at once; the same receipt again, or one for a message Saath never sent, changes nothing;
     * the id itself, which holds the person's number, is kept only as a keyed hash.
     */
    @Test
    void a_counsellor_message_that_whatsapp_reports_failed_after_taking_it_is_told_to_the_partner_once()
            throws Exception {
        start("");
        String escalation = claimedCrisis("wamid.F1");
        rig.components.desk().message(partnerA(), escalation, "I'm Sara. Can you tell me where you are?");
        rig.dispatch();
        rig.dispatch();
        assertThat(sentTexts()).last().isEqualTo("I'm Sara. Can you tell me where you are?");
        String sara = "wamid.out-" + sends.get();
        assertThat(rig.strings("SELECT sent_ref FROM outbox_sent")).hasSize(sends.get())
                .doesNotContain(sara).allSatisfy(ref -> assertThat(ref).matches("[0-9a-f]{64}"));
        assertThat(partner.received()).noneMatch(r -> r.body().contains("person.message_undelivered"));

        ObjectNode receipt = (ObjectNode) JSON.readTree(fixture("whatsapp-status-failed.json"));
        ((ObjectNode) receipt.at("/entry/0/changes/0/value/metadata")).put("phone_number_id", PHONE_NUMBER_ID);
        ((ObjectNode) receipt.at("/entry/0/changes/0/value/statuses/0")).put("id", sara);
        byte[] failed = JSON.writeValueAsBytes(receipt);
        ((ObjectNode) receipt.at("/entry/0/changes/0/value/statuses/0")).put("id", "wamid.NEVER-SENT");
        byte[] unknown = JSON.writeValueAsBytes(receipt);
        assertThat(post(unknown, signature(unknown)).statusCode()).isEqualTo(200);
        rig.dispatch();
        assertThat(rig.strings("SELECT state FROM outbox WHERE destination = 'channel'")).containsOnly("delivered");
        for (int i = 0; i < 2; i++) {
            assertThat(post(failed, signature(failed)).statusCode()).isEqualTo(200);
            rig.dispatch();
        }

        assertThat(partner.received()).filteredOn(r -> r.body().contains("person.message_undelivered"))
                .hasSize(1).allMatch(r -> r.body().contains(escalation) && r.body().contains("error 131049"));
        assertThat(rig.strings("SELECT text FROM user_messages WHERE sender = 'undelivered'")).containsExactly(
                "not delivered: WhatsApp reported it failed, error 131049: This message was not delivered to "
                        + "maintain healthy ecosystem engagement.");
        assertThat(rig.strings("SELECT state FROM outbox WHERE destination = 'channel' AND state <> 'delivered'"))
                .containsExactly("undelivered");
        StoreRows.of(rig.components.database()).forEach((table, rows) -> assertThat(rows).as(table)
                .noneMatch(row -> row.contains(sara) || row.contains("wamid.out")));
    }

    @Test
    void with_a_reengage_template_a_late_message_goes_out_as_that_template() throws Exception {
        start("saath_counsellor_reply");
        say("wamid.E1", "please let me talk to a human");
        String escalation = rig.strings("SELECT id FROM escalations").get(0);
        Caller a = Caller.partnerSystem(rig.components.partners().byId("partner-a").orElseThrow());
        rig.components.desk().claim(a, escalation);

        rig.clock.advance(Duration.ofHours(30));
        rig.components.desk().message(a, escalation, "I'm Sara.\nAre you safe?");
        rig.dispatch();
        rig.dispatch();

        JsonNode template = graph.accepted().get(graph.accepted().size() - 1).json();
        assertThat(template.get("type").asText()).isEqualTo("template");
        assertThat(template.at("/template/name").asText()).isEqualTo("saath_counsellor_reply");
        assertThat(template.at("/template/components/0/parameters/0/text").asText()).isEqualTo(
                "I'm Sara. Are you safe?");
    }

    /**
     * Meta redelivers a message for days while Saath is down: a reply to one written 30 hours ago is outside the
     * window, counted from when the person wrote, not from when Saath read it, so it goes out as the template.
     */
    @Test
    void a_reply_to_a_message_written_more_than_a_day_ago_goes_out_as_the_template() throws Exception {
        start("saath_counsellor_reply");
        byte[] late = text(PERSON, "wamid.L1", rig.clock.instant().minus(Duration.ofHours(30)), "i feel so alone");

        assertThat(post(late, signature(late)).statusCode()).isEqualTo(200);
        rig.dispatch();

        assertThat(graph.accepted()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.json().get("type").asText()).isEqualTo("template");
            assertThat(r.json().at("/template/name").asText()).isEqualTo("saath_counsellor_reply");
        });
    }

    /**
     * A WhatsApp message id is the sender's number in base64 ("wamid.HBgM" + "923001234567"…): no table keeps it, only
     * its keyed hash, and a redelivery is still answered once.
     */
    @Test
    void the_platform_s_message_id_which_holds_the_number_is_never_stored() throws Exception {
        start("");
        String wamid = "wamid.HBgMOTIzMDAxMjM0NTY3FQIAEhggQTVCMUQ5RkQ0NjMzQ0Y2QkFGQzVBRjMwQjE0RjBEMUUA";

        say(wamid, "i feel low today");
        say(wamid, "i feel low today");

        assertThat(rig.count("turns")).isEqualTo(1);
        StoreRows.of(rig.components.database()).forEach((table, rows) -> assertThat(rows).as(table)
                .noneMatch(row -> row.contains("HBgMOTIzMDAxMjM0NTY3")));
    }

    /** A message WhatsApp marks as forwarded is someone else's words: a crisis in it is answered for the helper. */
    @Test
    void a_forwarded_crisis_is_answered_for_the_helper() throws Exception {
        start("");
        ObjectNode forwarded = (ObjectNode) JSON.readTree(text(PERSON, "wamid.F1", rig.clock.instant(),
                "I have the pills in my hand, taking them all tonight"));
        ((ObjectNode) forwarded.at("/entry/0/changes/0/value/messages/0")).putObject("context")
                .put("forwarded", true);
        byte[] body = JSON.writeValueAsBytes(forwarded);

        assertThat(post(body, signature(body)).statusCode()).isEqualTo(200);

        assertThat(rig.strings("SELECT rule_id FROM turns")).singleElement().asString().contains("third-person");
    }

    /**
     * Meta calls one webhook URL for every business number of the app: a message written to another number (Meta's
     * test number, another service's) is neither stored nor answered from Saath's, which that sender never wrote to.
     */
    @Test
    void a_message_to_another_business_number_of_the_app_is_skipped() throws Exception {
        start("");
        ObjectNode other = (ObjectNode) JSON.readTree(text(PERSON, "wamid.X1", rig.clock.instant(),
                "i want to kill myself"));
        ((ObjectNode) other.at("/entry/0/changes/0/value/metadata")).put("phone_number_id", "999000111222333");
        byte[] body = JSON.writeValueAsBytes(other);

        assertThat(post(body, signature(body)).statusCode()).isEqualTo(200);
        rig.dispatch();

        assertThat(rig.storedAboutPeople()).isZero();
        assertThat(graph.accepted()).isEmpty();
        assertThat(say("wamid.X2", "hello").statusCode()).as("to Saath's own number").isEqualTo(200);
        assertThat(rig.count("turns")).isEqualTo(1);
    }

    /**
     * Meta batches many people's messages in one request. One sender over their rate used to abort the request at
     * their message, so a crisis from someone else later in the batch was never read, and every redelivery failed the
     * same way (the messages handled before spent the sender's rate again). Now everyone else is handled, the batch
     * is answered 429, and its redelivery answers the handled ones from their dedupe records and spends nothing.
     */
    @Test
    void one_sender_over_their_rate_does_not_hold_back_another_person_s_crisis_in_the_same_batch() throws Exception {
        start("", c -> c.withLimits(new SaathConfig.Limits(2, 3, Duration.ofHours(24), 5)));
        ObjectNode batch = (ObjectNode) JSON.readTree(text(PERSON, "wamid.A1", rig.clock.instant(), "hi"));
        ArrayNode messages = (ArrayNode) batch.at("/entry/0/changes/0/value/messages");
        for (String id : List.of("wamid.A2", "wamid.A3")) {
            messages.add(((ObjectNode) messages.get(0).deepCopy()).put("id", id));
        }
        messages.add(((ObjectNode) messages.get(0).deepCopy()).put("id", "wamid.B1").put("from", "923009876543"));
        ((ObjectNode) messages.get(3).get("text")).put("body", "i am going to kill myself tonight");
        byte[] body = JSON.writeValueAsBytes(batch);

        assertThat(post(body, signature(body)).statusCode()).as("the sender over their rate").isEqualTo(429);
        assertThat(rig.strings("SELECT message_id FROM turns")).containsExactlyInAnyOrder(stored("wamid.A1"),
                stored("wamid.A2"), rig.storedId("whatsapp", "923009876543", "wamid.B1"));
        assertThat(rig.strings("SELECT rule_id FROM turns WHERE message_id = '"
                + rig.storedId("whatsapp", "923009876543", "wamid.B1") + "'")).singleElement()
                .asString().startsWith("crisis");

        rig.clock.advance(Duration.ofSeconds(61));
        assertThat(post(body, signature(body)).statusCode()).as("redelivered a minute later").isEqualTo(200);
        assertThat(rig.strings("SELECT message_id FROM turns")).hasSize(4).contains(stored("wamid.A3"));
    }

    @Test
    void delete_my_data_over_whatsapp_is_confirmed_and_leaves_neither_address_nor_text() throws Exception {
        start("");
        say("wamid.F1", "i feel low");
        rig.dispatch();
        String userRef = rig.strings("SELECT user_ref FROM conversations").get(0);

        say("wamid.F2", "delete my data");
        say("wamid.F2", "delete my data");  // redelivered: confirmed once
        rig.dispatch();

        assertThat(sentTexts()).filteredOn(t -> t.contains("I have deleted everything")).hasSize(1);
        assertThat(rig.count("channel_addresses") + rig.count("conversations") + rig.count("turns")).isZero();
        assertThat(rig.strings("SELECT payload FROM outbox")).noneMatch(p -> p.contains("a1:")
                || p.contains("deleted"));
        StoreRows.of(rig.components.database()).forEach((table, rows) -> assertThat(rows).as(table)
                .noneMatch(row -> row.contains(userRef)));    // the delivered confirmation is not kept either
    }

    @Test
    void the_log_of_a_whatsapp_conversation_holds_neither_the_number_nor_the_words() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            start("");
            graph.down(true);
            say("wamid.G1", "my uncle rashid hurts me and i want to die");
            byte[] failed = fixture("whatsapp-status-failed.json");
            post(failed, signature(failed));
            rig.dispatchFor(Duration.ofMinutes(40), Duration.ofMinutes(1));
        } finally {
            root.detachAppender(captured);
        }

        List<ILoggingEvent> events;
        synchronized (captured) {       // the appender's own lock: a delivery thread may still be logging to it
            events = List.copyOf(captured.list);
        }
        String log = String.join("\n", events.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(log).contains("dead after").doesNotContain("3001234567", "rashid", "want to die", "a1:");
    }

    @Test
    void a_channel_without_configuration_is_off_and_its_paths_answer_404() throws Exception {
        graph = new FakePlatform((path, body) -> new FakePlatform.Answer(200, "{}"));
        partner = new PartnerEndpoint("partner-a-webhook-secret");
        rig = new PlatformRig(dir, T0, c -> c);
        byte[] body = fixture("whatsapp-text.json");

        assertThat(post(body, signature(body)).statusCode()).isEqualTo(404);
        assertThat(rig.get("/webhooks/whatsapp?hub.mode=subscribe").statusCode()).isEqualTo(404);
        assertThat(rig.post("/webhooks/telegram", body).statusCode()).isEqualTo(404);
        assertThat(rig.post("/webhooks/twilio", body).statusCode()).isEqualTo(404);
    }
}
