package org.saath.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.saath.TestPartners;
import org.saath.channel.PlatformRig;
import org.saath.escalation.Caller;
import org.saath.outbox.PartnerEndpoint;
import org.saath.channel.Address;
import org.saath.channel.Channel;
import org.saath.channel.FakePlatform;
import org.saath.channel.PlatformFixture;
import org.saath.channel.Outbound;
import org.saath.channel.SendResult;
import org.saath.config.ChannelsConfig;

/**
 * Twilio SMS and WhatsApp end to end: the real app, a fake Twilio REST API on loopback, the outbox dispatcher. The
 * two inbound requests in {@code src/test/resources/webhooks/twilio-*-CONSTRUCTED.txt} are NOT verbatim Twilio
 * captures: they were assembled from Twilio's documented parameter names and signed with the algorithm checked
 * against Twilio's published vector (auth token 12345).
 */
class TwilioChannelHttpTest {

    private static final String SID = "AC00000000000000000000000000000000";
    private static final String TOKEN = "12345";
    private static final String PUBLIC_URL = "https://bot.example.org/webhooks/twilio/sms";
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    @RegisterExtension
    final PlatformFixture platform = new PlatformFixture(T0, new FakePlatform.Answer(201, "{\"sid\":\"SMfake\"}"),
            url -> new ChannelsConfig(null, null, null, new ChannelsConfig.Twilio(SID, TOKEN, PUBLIC_URL, url)));
    private int nextSid = 1;

    /** A constructed request file: its signature header and its form body. */
    private record Constructed(String signature, String body) {
        static Constructed read(String name) throws IOException {
            String text = Files.readString(Path.of("src/test/resources/webhooks", name), StandardCharsets.UTF_8);
            Matcher signature = Pattern.compile("X-Twilio-Signature: (\\S+)").matcher(text);
            Matcher body = Pattern.compile("(?m)^\\S*MessageSid=\\S+$").matcher(text);
            signature.find();
            body.find();
            return new Constructed(signature.group(1), body.group());
        }
    }

    private HttpResponse<String> post(String body, String signature) throws Exception {
        return platform.rig().post("/webhooks/twilio", body.getBytes(StandardCharsets.UTF_8), "Content-Type",
                "application/x-www-form-urlencoded", "X-Twilio-Signature", signature);
    }

    /** An SMS from a Pakistani number, signed as Twilio signs it. */
    private HttpResponse<String> sms(String from, String words) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + String.format("%032d", nextSid++));
        form.put("AccountSid", SID);
        form.put("From", from);
        form.put("To", "+15005550006");
        form.put("Body", words);
        form.put("NumMedia", "0");
        form.put("FromCountry", "PK");
        Map<String, List<String>> params = new LinkedHashMap<>();
        form.forEach((k, v) -> params.put(k, List.of(v)));
        return post(FormBody.encode(form), TwilioSignature.compute(TOKEN, PUBLIC_URL, params));
    }

    private List<String> sentBodies() {
        return platform.api().accepted().stream().map(r -> r.form().get("Body")).toList();
    }

    @Test
    void the_signed_sms_is_accepted_and_a_tampered_or_unsigned_one_refused_storing_nothing() throws Exception {
        Constructed sms = Constructed.read("twilio-sms-inbound-CONSTRUCTED.txt");

        assertThat(post(sms.body().replace("awful", "awful+really"), sms.signature()).statusCode()).isEqualTo(401);
        assertThat(post(sms.body(), "").statusCode()).isEqualTo(401);
        assertThat(platform.rig().post("/webhooks/twilio", sms.body().getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(401);
        assertThat(platform.rig().storedAboutPeople()).isZero();

        HttpResponse<String> accepted = post(sms.body(), sms.signature());
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("<Response/>");
        platform.rig().dispatch();

        assertThat(platform.api().accepted()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json");
            assertThat(r.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                    (SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
            assertThat(r.form()).containsEntry("To", "+15551234567").containsEntry("From", "+15005550006");
        });
    }

    @Test
    void a_crisis_by_sms_in_urdu_comes_back_in_a_few_ucs2_messages_with_the_number_whole() throws Exception {
        sms("+923001234567", "میں اب اور نہیں جینا چاہتا، میں خود کو مار دوں گا");
        platform.rig().dispatch();

        List<String> bodies = sentBodies();
        String reply = String.join("\n", platform.rig().strings("SELECT reply_text FROM turns"));
        assertThat(reply.length()).isGreaterThan(4 * 67);
        assertThat(bodies).allSatisfy(b -> assertThat(SmsText.segments(b)).isLessThanOrEqualTo(4));
        assertThat(bodies.size()).isBetween(2, 5 * 3);
        assertThat(bodies).anyMatch(b -> b.contains("0311-7786264"));
        assertThat(String.join("", bodies).replaceAll("\\s", "")).isEqualTo(reply.replaceAll("\\s", ""));
    }

    @Test
    void an_english_reply_stays_gsm_7_with_no_bullet_to_double_its_segments() throws Exception {
        sms("+923001234567", "i am being blackmailed online with my pictures");
        platform.rig().dispatch();

        assertThat(sentBodies()).isNotEmpty().allSatisfy(b -> {
            assertThat(SmsText.isGsm(b)).as(b).isTrue();
            assertThat(b).doesNotContain("•");
        });
    }

    @Test
    void a_whatsapp_voice_note_through_twilio_gets_the_text_only_reply_on_whatsapp() throws Exception {
        Constructed voice = Constructed.read("twilio-whatsapp-voice-inbound-CONSTRUCTED.txt");
        platform.restart("wa", c -> c.withChannels(new ChannelsConfig(null, null, null,
                new ChannelsConfig.Twilio(SID, TOKEN, "https://bot.example.org/webhooks/twilio/whatsapp",
                        platform.api().url()))));

        assertThat(post(voice.body(), voice.signature()).statusCode()).isEqualTo(200);
        platform.rig().dispatch();

        assertThat(platform.rig().strings("SELECT rule_id FROM turns")).containsExactly("media");
        assertThat(platform.api().accepted()).isNotEmpty().allSatisfy(r -> assertThat(r.form())
                .containsEntry("To", "whatsapp:+15551234567").containsEntry("From", "whatsapp:+14155238886"));
        assertThat(sentBodies()).anyMatch(b -> b.contains("I can only read text"));
    }

    @Test
    void twilio_down_for_ten_minutes_and_failing_mid_reply_loses_nothing_and_repeats_no_part() throws Exception {
        sms("+923001234567", "میں اب اور نہیں جینا چاہتا، میں خود کو مار دوں گا");
        platform.api().answerNext(new FakePlatform.Answer(201, "{\"sid\":\"SM1\"}"),
                new FakePlatform.Answer(503, "{}"));
        platform.rig().dispatch();
        platform.api().down(true);
        platform.rig().dispatchFor(Duration.ofMinutes(10), Duration.ofSeconds(15));
        platform.api().down(false);
        platform.rig().dispatchFor(Duration.ofMinutes(10), Duration.ofSeconds(15));

        List<String> bodies = sentBodies();
        String reply = String.join("\n", platform.rig().strings("SELECT reply_text FROM turns"));
        assertThat(bodies).doesNotHaveDuplicates();
        assertThat(String.join("", bodies).replaceAll("\\s", "")).isEqualTo(reply.replaceAll("\\s", ""));
        assertThat(platform.rig().strings("SELECT DISTINCT state FROM outbox")).containsExactly("delivered");
    }

    @Test
    void a_whatsapp_number_through_twilio_keeps_the_24_hour_window_and_sms_has_none() {
        Channel twilio = TwilioChannel.create(new ChannelsConfig.Twilio(SID, TOKEN, PUBLIC_URL, platform.api().url()),
                HttpClient.newHttpClient(), platform.rig().clock).orElseThrow();
        Optional<Instant> dayAgo = Optional.of(platform.rig().clock.instant().minus(Duration.ofHours(25)));
        Outbound words = new Outbound("Are you safe?", "counsellor", "en", List.of(), 0);

        assertThat(twilio.send(new Address("whatsapp:+923001234567\nwhatsapp:+14155238886", dayAgo), words))
                .isInstanceOf(SendResult.OutsideWindow.class);
        assertThat(platform.api().received()).isEmpty();
        assertThat(twilio.send(new Address("+923001234567\n+15005550006", dayAgo), words))
                .isInstanceOf(SendResult.Sent.class);
    }

    @Test
    void a_person_who_texted_stop_is_not_messaged_again() throws Exception {
        sms("+923001234567", "hello");
        platform.api().answerNext(new FakePlatform.Answer(400,
                "{\"code\":21610,\"message\":\"Attempt to send to unsubscribed "
                + "recipient\",\"status\":400}"));

        platform.rig().dispatchFor(Duration.ofMinutes(5), Duration.ofSeconds(15));

        assertThat(platform.rig().strings("SELECT state FROM outbox ORDER BY seq")).first().isEqualTo("undelivered");
        assertThat(platform.rig().strings("SELECT last_error FROM outbox ORDER BY seq")).first().asString()
                .contains("opted out");
    }

    /**
     * Twilio opts a person out on any of its keywords (CANCEL, END, QUIT…), not only STOP, and still forwards the
     * word: it is the person's "stop", so their open escalation ends and its partner's place is given back; and no
     * SMS goes to them after it ("Okay, I'll stop here" was queued and sent to a number that had just opted out:
     * the second QA pass of 6 December; webhooks.md 3.4, never message after STOP).
     */
    @Test
    void cancel_or_quit_from_twilio_s_opt_out_words_ends_the_open_escalation_as_stop_does() throws Exception {
        sms("+923001234567", "i want to kill myself");
        assertThat(platform.rig().strings("SELECT state FROM escalations")).singleElement().isNotEqualTo("resolved");
        List<String> before = platform.rig().strings("SELECT id FROM outbox WHERE destination = 'channel'");
        assertThat(before).isNotEmpty();

        sms("+923001234567", " Cancel ");

        assertThat(platform.rig().strings("SELECT state || ' ' || outcome FROM escalations"))
                .containsExactly("resolved stopped");
        assertThat(platform.rig().strings("SELECT id FROM outbox WHERE destination = 'channel'"))
                .as("nothing queued for the person after the opt-out").containsExactlyInAnyOrderElementsOf(before);
        assertThat(TwilioChannel.optOut("QUIT")).isEqualTo("stop");
        assertThat(TwilioChannel.optOut("cancel my order please")).as("only the whole message")
                .isEqualTo("cancel my order please");
    }

    /** Twilio's status callback for message {@code sid}, signed as Twilio signs it ({@code public-url}/status). */
    private HttpResponse<String> status(String sid, String status, String errorCode, boolean signed) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("AccountSid", SID);
        form.put("MessageStatus", status);
        if (!errorCode.isEmpty()) {
            form.put("ErrorCode", errorCode);
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        form.forEach((k, v) -> params.put(k, List.of(v)));
        return platform.rig().post("/webhooks/twilio/status", FormBody.encode(form).getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "X-Twilio-Signature",
                signed ? TwilioSignature.compute(TOKEN, PUBLIC_URL + "/status", params) : "bm90LXNpZ25lZA==");
    }

    /**
     * A counsellor's SMS that Twilio took (201 with its sid) and then reports {@code undelivered} (30003, the phone
     * unreachable): the partner and the console are told, once however often the report comes; a report for a
     * message Saath never sent, a "delivered", or an unsigned report change nothing.
     */
    @Test
    void a_counsellor_sms_twilio_reports_undelivered_after_taking_it_is_told_to_the_partner_once(@TempDir Path dir)
            throws Exception {
        try (PartnerEndpoint partner = new PartnerEndpoint("partner-a-webhook-secret")) {
            PlatformRig rig = platform.restart("with-partner", c -> c.withPartnersFile(uncheckedFile(dir,
                    partner)));
            sms("+923001234567", "i want to kill myself");
            rig.dispatch();
            String escalation = rig.strings("SELECT id FROM escalations").get(0);
            Caller a = Caller.partnerSystem(rig.components.partners().byId("partner-a").orElseThrow());
            rig.components.desk().claim(a, escalation);
            rig.components.desk().message(a, escalation, "I'm Sara. Are you somewhere safe?");
            int before = platform.api().accepted().size();
            List<String> sids = List.of("SMa1", "SMa2", "SMa3", "SMa4", "SMa5", "SMa6");
            platform.api().answerNext(sids.stream().map(sid -> new FakePlatform.Answer(201,
                    "{\"sid\":\"" + sid + "\"}")).toArray(FakePlatform.Answer[]::new));
            rig.dispatch();
            rig.dispatch();
            List<FakePlatform.Request> sent = platform.api().accepted();
            int sara = sent.size() - 1;
            assertThat(sent.get(sara).form()).containsEntry("Body", "I'm Sara. Are you somewhere safe?")
                    .containsEntry("StatusCallback", PUBLIC_URL + "/status");
            String saraSid = sids.get(sara - before);

            assertThat(status(saraSid, "undelivered", "30003", false).statusCode()).isEqualTo(401);
            assertThat(status("SMnever", "failed", "30005", true).statusCode()).isEqualTo(204);
            assertThat(status(saraSid, "delivered", "", true).statusCode()).isEqualTo(204);
            assertThat(rig.strings("SELECT state FROM outbox WHERE destination = 'channel'")).containsOnly("delivered");
            for (int i = 0; i < 2; i++) {
                assertThat(status(saraSid, "undelivered", "30003", true).statusCode()).isEqualTo(204);
            }
            rig.dispatch();

            assertThat(partner.received()).filteredOn(r -> r.body().contains("person.message_undelivered"))
                    .hasSize(1).allMatch(r -> r.body().contains(escalation) && r.body().contains("error 30003"));
            assertThat(rig.strings("SELECT text FROM user_messages WHERE sender = 'undelivered'"))
                    .containsExactly("not delivered: Twilio reported it undelivered, error 30003");
        }
    }

    private static String uncheckedFile(Path dir, PartnerEndpoint partner) {
        try {
            return TestPartners.file(dir, partner.url(), partner.secret()).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
