package org.saath.channel.generic;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.saath.channel.InboundMessage;
import org.saath.dialogue.FloodGate;
import org.saath.dialogue.TurnProcessor;
import org.saath.store.HandoffStore;
import org.saath.web.BadRequestException;
import org.saath.web.PayloadTooLargeException;

/**
 * The generic JSON channel: {@code POST /v1/messages} with {@code {"user","id","text","country"?}}. The body is
 * validated here, at the edge; nothing is stored for an invalid request. A sender over
 * {@code limits.messages-per-minute} gets 429 with {@code Retry-After}, unless the message is a crisis
 * ({@link FloodGate}).
 *
 * <p>{@code curl -s localhost:8080/v1/messages -d '{"user":"u1","id":"m1","text":"hello","country":"PK"}'}
 */
public final class GenericMessageController {

    static final String CHANNEL = "generic";
    private static final int MAX_ID_LENGTH = 200;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TurnProcessor turns;
    private final FloodGate floodGate;
    private final HandoffStore handoffs;
    private final int maxBodyBytes;

    public GenericMessageController(TurnProcessor turns, FloodGate floodGate, HandoffStore handoffs,
                                    int maxBodyBytes) {
        this.turns = turns;
        this.floodGate = floodGate;
        this.handoffs = handoffs;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.post("/v1/messages", this::receive);
        routes.get("/v1/messages", this::poll);
    }

    /**
     * Messages for a person that are not direct replies (a counsellor's words, status notes), after {@code after}.
     *
     * <p>{@code curl -s 'localhost:8080/v1/messages?user=u1&after=0'}
     */
    void poll(Context ctx) {
        String user = ctx.queryParam("user");
        if (user == null || user.isBlank() || user.length() > MAX_ID_LENGTH) {
            throw new BadRequestException("'user' query parameter is required");
        }
        long after;
        try {
            after = ctx.queryParam("after") == null ? 0 : Long.parseLong(ctx.queryParam("after"));
        } catch (NumberFormatException e) {
            throw new BadRequestException("'after' must be a number");
        }
        ctx.json(Map.of("messages", turns.messagesFor(CHANNEL, user, after, handoffs).stream().map(m -> Map.of(
                "seq", m.seq(), "sender", m.sender(), "text", m.text(), "at", m.createdAt().toString())).toList()));
    }

    void receive(Context ctx) {
        ctx.json(turns.handle(floodGate.admit(parse(body(ctx)))));
    }

    private byte[] body(Context ctx) {
        if (ctx.contentLength() > maxBodyBytes) {
            throw new PayloadTooLargeException(maxBodyBytes);
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > maxBodyBytes) {
            throw new PayloadTooLargeException(maxBodyBytes);
        }
        return body;
    }

    /** Parses and validates a request body; every problem is a {@link BadRequestException} naming the field. */
    static InboundMessage parse(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw new BadRequestException("body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new BadRequestException("body must be a JSON object");
        }
        String user = requiredString(node, "user", MAX_ID_LENGTH);
        String id = requiredString(node, "id", MAX_ID_LENGTH);
        String text = requiredString(node, "text", Integer.MAX_VALUE);
        return new InboundMessage(CHANNEL, user, id, text, country(node));
    }

    private static String requiredString(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new BadRequestException("'" + field + "' is required");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new BadRequestException("'" + field + "' must be a non-empty string");
        }
        if (value.asText().length() > maxLength) {
            throw new BadRequestException("'" + field + "' is longer than " + maxLength + " characters");
        }
        return value.asText();
    }

    private static Optional<String> country(JsonNode node) {
        JsonNode value = node.get("country");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String code = value.isTextual() ? value.asText().trim().toUpperCase(Locale.ROOT) : "";
        if (!COUNTRIES.contains(code)) {
            throw new BadRequestException("'country' must be an ISO 3166 alpha-2 code such as PK or AE");
        }
        return Optional.of(code);
    }
}
