package org.saath.channel.whatsapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WhatsApp Cloud API. {@code GET /webhooks/whatsapp} answers Meta's verification handshake;
 * {@code POST /webhooks/whatsapp} checks {@code X-Hub-Signature-256} over the raw body (401 and nothing stored when
 * it does not match), then hands every message in the batch to the inbox, deduplicated by its {@code wamid}.
 * Replies go through the Graph API's messages endpoint. Inside the 24-hour customer-service window that opens each
 * time the person writes, text is sent; outside it only a pre-approved template may be, so a message is sent as
 * {@code channels.whatsapp.reengage-template} when one is configured, and otherwise reported undeliverable (the
 * counsellor is told; nothing is dropped silently).
 *
 * <p>{@code curl -s 'localhost:8080/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=$TOKEN&hub.challenge=42'}
 */
public final class WhatsAppChannel extends PlatformChannel<ChannelsConfig.WhatsApp> {

    static final String NAME = "whatsapp";
    static final String OUTSIDE_WINDOW = "outside WhatsApp's 24-hour window";
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppChannel.class);
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final int MAX_TEXT = 4096;
    /** Re-engagement (131047); undeliverable, not a WhatsApp user, unsupported, not allowed in test mode. */
    private static final int REENGAGE = 131047;
    private static final Set<Integer> REFUSED = Set.of(131026, 131021, 131030, 131051, 131052, 131053, 470);
    /** Rate limits: the app, the number, the pair of numbers, spam throttling. */
    private static final Set<Integer> THROTTLED = Set.of(4, 80007, 130429, 131048, 131056);

    private WhatsAppChannel(ChannelsConfig.WhatsApp config, HttpClient http, Clock clock) {
        super(NAME, config, http, clock);
    }

    /** The channel when {@code channels.whatsapp} is configured. */
    public static Optional<Channel> create(ChannelsConfig.WhatsApp config, HttpClient http, Clock clock) {
        return config.enabled() ? Optional.of(new WhatsAppChannel(config, http, clock)) : Optional.empty();
    }

    @Override
    public void addRoutes(RoutesConfig routes, Inbox inbox) {
        routes.get("/webhooks/whatsapp", this::verify);
        super.addRoutes(routes, inbox);
    }

    /** Meta's handshake: the challenge back, as plain text, only for the configured verify token. */
    void verify(Context ctx) {
        String challenge = ctx.queryParam("hub.challenge");
        if (!"subscribe".equals(ctx.queryParam("hub.mode"))
                || !PlatformApi.sameSecret(ctx.queryParam("hub.verify_token"), config.verifyToken())
                || challenge == null || !challenge.matches("[A-Za-z0-9_-]{1,128}")) {
            throw new ForbiddenResponse("hub.mode must be subscribe and hub.verify_token the configured token");
        }
        ctx.contentType("text/plain").result(challenge);
    }

    @Override
    protected Delivery read(Context ctx) {
        byte[] body = body(ctx);
        if (!MetaSignature.valid(config.appSecret(), ctx.header("X-Hub-Signature-256"), body)) {
            throw new UnauthorizedResponse("X-Hub-Signature-256 is missing or does not match the body");
        }
        WhatsAppPayload.Parsed parsed = WhatsAppPayload.parse(json(body), clock.instant(), config.phoneNumberId());
        if (!parsed.failed().isEmpty()) {
            LOG.warn("whatsapp: {} outgoing message(s) reported failed by Meta", parsed.failed().size());
        }
        return new Delivery(parsed.messages().stream().map(WhatsAppChannel::arrival).toList(),
                parsed.failed().stream().map(f -> new Failure(f.id(), f.reason())).toList(),
                answer -> answer.json(Map.of("messages", parsed.messages().size(), "statuses", parsed.statuses())));
    }

    /**
     * The user id this channel stores for a number an operator types ({@code +92 300 1234567}): Meta's {@code from},
     * the digits without "+" (anything else is taken as typed).
     */
    public static List<String> storedUserIds(String typed) {
        return List.of(phoneDigits(typed).orElse(typed));
    }

    private static Arrival arrival(WhatsAppPayload.Incoming m) {
        String phone = "+" + m.from();
        return new Arrival(new InboundMessage(NAME, m.from(), m.id(), m.text(), Optional.empty(), Optional.of(phone),
                m.media(), Optional.empty()).forwarded(m.forwarded()), phone, m.at());
    }

    @Override
    public SendResult send(Address to, Outbound message) {
        boolean open = to.lastInbound().map(at -> at.plus(WINDOW).isAfter(clock.instant())).orElse(true);
        if (!open) {
            return template(to, message);
        }
        List<String> parts = TextParts.split(message.text(), MAX_TEXT, String::length);
        SendResult result = sendParts(parts, message, i -> {
            SendResult part = answer(post(Map.of("messaging_product", "whatsapp", "recipient_type", "individual",
                    "to", to.value(), "type", "text", "text", Map.of("preview_url", false, "body", parts.get(i)))));
            return part instanceof SendResult.Retry retry ? retry.at(i) : part;
        });
        return result instanceof SendResult.OutsideWindow ? template(to, message) : result;
    }

    /**
     * Outside the window: the configured template, its one body variable carrying the message (WhatsApp refuses
     * new lines, tabs and long runs of spaces in a variable, so they become single spaces); without a template the
     * message is undeliverable.
     */
    private SendResult template(Address to, Outbound message) {
        if (config.reengageTemplate().isBlank()) {
            return new SendResult.OutsideWindow(OUTSIDE_WINDOW);
        }
        String flat = message.text().replaceAll("\\s+", " ").strip();
        String variable = flat.length() > 900 ? flat.substring(0, 897) + "..." : flat;
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", config.reengageTemplate());
        template.put("language", Map.of("code", "roman_ur".equals(message.language()) ? "en" : message.language()));
        template.put("components", List.of(Map.of("type", "body", "parameters",
                List.of(Map.of("type", "text", "text", variable)))));
        SendResult result = answer(post(Map.of("messaging_product", "whatsapp", "to", to.value(), "type", "template",
                "template", template)));
        return result instanceof SendResult.OutsideWindow ? new SendResult.Refused("the template was refused")
                : result;
    }

    private PlatformApi.Answer post(Map<String, Object> body) {
        return PlatformApi.call(http, HttpRequest.newBuilder(URI.create(config.apiBaseUrl() + "/"
                        + config.phoneNumberId() + "/messages"))
                .header("Authorization", "Bearer " + config.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PlatformApi.json(body))));
    }

    private static SendResult answer(PlatformApi.Answer answer) {
        if (answer.ok()) {
            // {"messages":[{"id":"wamid…"}]}: the id a later 'failed' status receipt names
            String id = answer.body().path("messages").path(0).path("id").asText("");
            return SendResult.sent(id.isBlank() || id.length() > 200 ? Optional.empty() : Optional.of(id));
        }
        int code = answer.body().path("error").path("code").asInt(-1);
        String reason = answer.describe("WhatsApp") + (code < 0 ? "" : ", error " + code);
        if (code == REENGAGE) {
            return new SendResult.OutsideWindow(OUTSIDE_WINDOW);
        }
        if (answer.passing() || THROTTLED.contains(code) || answer.status() == 401 || code == 190) {
            // an expired access token is fixed by the operator: keep trying
            return new SendResult.Retry(reason, 0, answer.waitAsked());
        }
        return REFUSED.contains(code) || answer.status() / 100 == 4 ? new SendResult.Refused(reason)
                : new SendResult.Retry(reason, 0);
    }
}
