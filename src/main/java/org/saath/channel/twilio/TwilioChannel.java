package org.saath.channel.twilio;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import org.saath.channel.Address;
import org.saath.channel.Channel;
import org.saath.channel.InboundMessage;
import org.saath.channel.Inbox;
import org.saath.channel.Outbound;
import org.saath.channel.PlatformApi;
import org.saath.channel.PlatformChannel;
import org.saath.channel.SendResult;
import org.saath.channel.TextParts;
import org.saath.config.ChannelsConfig;
import org.saath.web.BadRequestException;

/**
 * Twilio Programmable Messaging, SMS and WhatsApp alike. {@code POST /webhooks/twilio} checks
 * {@code X-Twilio-Signature} over {@code channels.twilio.public-url} and every form parameter (401 and nothing
 * stored when it does not match), hands the message to the inbox, deduplicated by {@code MessageSid}, and answers
 * an empty TwiML response: replies are sent later, from the outbox, through the REST Messages resource, from the
 * number the person wrote to. Long SMS replies are split into a few messages ({@link SmsText}); WhatsApp numbers
 * ({@code whatsapp:+…}) keep WhatsApp's 24-hour window. Each message is sent with a {@code StatusCallback} to
 * {@code POST /webhooks/twilio/status} ({@code public-url} + {@code /status}, signed the same way): a message Twilio
 * took and then reports {@code failed} or {@code undelivered} is undelivered after all (the partner and the
 * console are told).
 *
 * <p>{@code curl -s localhost:8080/webhooks/twilio -H "X-Twilio-Signature: $SIG" --data-urlencode Body=hi …}
 */
public final class TwilioChannel extends PlatformChannel<ChannelsConfig.Twilio> {

    static final String NAME = "twilio";
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    private static final String WHATSAPP = "whatsapp:";
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final int MAX_BODY = 1600;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** Opted out (STOP), not a mobile number, unreachable, blocked: sending again cannot help. */
    private static final Set<Integer> REFUSED = Set.of(21610, 21211, 21408, 21612, 21614, 30004, 30005, 30006);

    private TwilioChannel(ChannelsConfig.Twilio config, HttpClient http, Clock clock) {
        super(NAME, config, http, clock);
    }

    /** Where Twilio reports what became of a message Saath sent: {@code public-url} + {@code /status}. */
    private static final String STATUS_PATH = "/webhooks/twilio/status";

    /** The channel when {@code channels.twilio} is configured. */
    public static Optional<Channel> create(ChannelsConfig.Twilio config, HttpClient http, Clock clock) {
        return config.enabled() ? Optional.of(new TwilioChannel(config, http, clock)) : Optional.empty();
    }

    /**
     * The user ids this channel may have stored for a number an operator types: Twilio's {@code From}, which is
     * {@code +92…} for SMS and {@code whatsapp:+92…} for WhatsApp through Twilio (an id typed with its prefix is
     * taken as typed).
     */
    public static List<String> storedUserIds(String typed) {
        if (typed.startsWith(WHATSAPP)) {
            return List.of(typed);
        }
        return phoneDigits(typed).map(d -> List.of("+" + d, WHATSAPP + "+" + d)).orElse(List.of(typed));
    }

    @Override
    public void addRoutes(RoutesConfig routes, Inbox inbox) {
        routes.post(STATUS_PATH, ctx -> status(ctx, inbox));
        super.addRoutes(routes, inbox);
    }

    /** The URL Twilio is asked to report each message's status to, and signs those reports with. */
    private String statusUrl() {
        return config.publicUrl() + "/status";
    }

    /**
     * A status callback (signed like a message: 401 when not): {@code failed} or {@code undelivered} means the person
     * did not get the message Twilio had taken ({@code ErrorCode} says why); every other status is only acknowledged.
     */
    void status(Context ctx, Inbox inbox) {
        Map<String, List<String>> form = FormBody.parse(body(ctx));
        if (!TwilioSignature.valid(config.authToken(), statusUrl(), form, ctx.header("X-Twilio-Signature"))) {
            throw new UnauthorizedResponse("X-Twilio-Signature is missing or does not match");
        }
        String sid = one(form, "MessageSid");
        String status = one(form, "MessageStatus");
        if (sid.isBlank() || sid.length() > 64) {
            throw new BadRequestException("MessageSid is required");
        }
        if (status.equals("failed") || status.equals("undelivered")) {
            String code = one(form, "ErrorCode");
            inbox.failed(NAME, sid, "Twilio reported it " + status + (code.matches("\\d{1,6}") ? ", error " + code
                    : ""));
        }
        ctx.status(204);
    }

    @Override
    protected Delivery read(Context ctx) {
        Map<String, List<String>> form = FormBody.parse(body(ctx));
        if (!TwilioSignature.valid(config.authToken(), config.publicUrl(), form, ctx.header("X-Twilio-Signature"))) {
            throw new UnauthorizedResponse("X-Twilio-Signature is missing or does not match");
        }
        String sid = one(form, "MessageSid");
        String from = one(form, "From");
        String to = one(form, "To");
        if (sid.isBlank() || from.isBlank() || to.isBlank() || sid.length() > 64 || from.length() > 64) {
            throw new BadRequestException("MessageSid, From and To are required");
        }
        String body = optOut(one(form, "Body"));
        // an SMS opt-out forbids any message after it (Twilio would refuse it, 21610): the turn ends what it ends
        // and answers nothing; "stop" on WhatsApp through Twilio is Saath's command only, and answered
        boolean optedOut = body.equals(STOPPED) && !from.startsWith(WHATSAPP);
        boolean media = !one(form, "NumMedia").matches("0?") || body.isBlank();
        Optional<String> country = Optional.of(one(form, "FromCountry")).filter(COUNTRIES::contains);
        String phone = from.startsWith(WHATSAPP) ? from.substring(WHATSAPP.length()) : from;
        InboundMessage message = new InboundMessage(NAME, from, sid, body, country, Optional.of(phone), media,
                Optional.empty());
        return new Delivery(List.of(new Arrival(message, from + "\n" + to, clock.instant(), !optedOut)),
                answer -> answer.contentType("text/xml; charset=utf-8").result(EMPTY_TWIML));
    }

    /**
     * Twilio's opt-out keywords, each the whole message (https://www.twilio.com/docs/messaging/tutorials/advanced-opt-out):
     * Twilio stops delivering to the person and still forwards the word. Any of them is the person's "stop", so that
     * an open escalation ends and its partner is told, instead of its counsellor's messages being refused unseen.
     */
    private static final String STOPPED = "stop";
    private static final Set<String> OPT_OUT = Set.of("stop", "stopall", "unsubscribe", "cancel", "end", "quit",
            "revoke", "optout");

    /** {@code stop} for an opt-out keyword, else the text as it came. */
    static String optOut(String body) {
        return OPT_OUT.contains(body.strip().toLowerCase(Locale.ROOT)) ? STOPPED : body;
    }

    private static String one(Map<String, List<String>> form, String name) {
        List<String> values = form.getOrDefault(name, List.of());
        return values.isEmpty() ? "" : values.get(0);
    }

    @Override
    public SendResult send(Address to, Outbound message) {
        String[] pair = to.value().split("\n", 2);
        if (pair.length != 2) {
            return new SendResult.Refused("not a Twilio address");
        }
        boolean whatsapp = pair[0].startsWith(WHATSAPP);
        if (whatsapp && to.lastInbound().filter(at -> !at.plus(WINDOW).isAfter(clock.instant())).isPresent()) {
            return new SendResult.OutsideWindow("outside WhatsApp's 24-hour window");
        }
        List<String> parts = whatsapp ? TextParts.split(message.text(), MAX_BODY, String::length)
                : SmsText.messages(message.text());
        return sendParts(parts, message, i -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("To", pair[0]);
            form.put("From", pair[1]);
            form.put("Body", parts.get(i));
            form.put("StatusCallback", statusUrl());
            return answer(PlatformApi.call(http, HttpRequest.newBuilder(URI.create(config.apiBaseUrl()
                            + "/2010-04-01/Accounts/" + config.accountSid() + "/Messages.json"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((config.accountSid() + ":"
                            + config.authToken()).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(FormBody.encode(form)))), i);
        });
    }

    private static SendResult answer(PlatformApi.Answer answer, int part) {
        if (answer.ok()) {
            // the message's sid, which a later status callback names
            String sid = answer.body().path("sid").asText("");
            return SendResult.sent(sid.isBlank() || sid.length() > 64 ? Optional.empty() : Optional.of(sid));
        }
        int code = answer.body().path("code").asInt(-1);
        String reason = answer.describe("Twilio") + (code < 0 ? "" : ", error " + code);
        if (code == 63016) {
            return new SendResult.OutsideWindow("outside WhatsApp's 24-hour window");
        }
        if (code == 21610) {
            return new SendResult.Refused("the person opted out of SMS (STOP)");
        }
        if (answer.passing() || answer.status() == 401 || answer.status() == 403 || answer.status() == 404) {
            // 401/403/404: the account's credentials, fixed by the operator
            return new SendResult.Retry(reason, part, answer.waitAsked());
        }
        return REFUSED.contains(code) || answer.status() / 100 == 4 ? new SendResult.Refused(reason)
                : new SendResult.Retry(reason, part);
    }
}
