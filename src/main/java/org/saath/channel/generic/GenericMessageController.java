package org.saath.channel.generic;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import org.saath.channel.InboundMessage;
import org.saath.channel.PlatformApi;
import org.saath.dialogue.FloodGate;
import org.saath.dialogue.TurnProcessor;
import org.saath.store.HandoffStore;
import org.saath.web.BadRequestException;
import org.saath.web.JsonBody;
import org.saath.web.QueryParams;

/**
 * The generic JSON channel: {@code POST /v1/messages} with {@code {"user","id","text","country"?}}, and the poll
 * {@code GET /v1/messages}. Both need {@code Authorization: Bearer <token>} (the deployment's token, from
 * {@code channels.generic.token} or {@code <data-dir>/generic-channel.token}): without it anyone who guessed a user
 * id could read a counsellor's words or write "delete my data" as that person. A missing or wrong token is 401; the
 * body is validated here, at the edge; nothing is stored for a refused request. A sender
 * over {@code limits.messages-per-minute} gets 429 with {@code Retry-After}, unless the message is a crisis
 * ({@link FloodGate}).
 *
 * <p>{@code curl -s localhost:8080/v1/messages -H "Authorization: Bearer $(cat data/generic-channel.token)"
 * -d '{"user":"u1","id":"m1","text":"hello","country":"PK"}'}
 */
public final class GenericMessageController {

    static final String CHANNEL = "generic";
    private static final int MAX_ID_LENGTH = 200;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final TurnProcessor turns;
    private final FloodGate floodGate;
    private final HandoffStore handoffs;
    private final int maxBodyBytes;
    private final String token;

    /** @param token the Bearer token every request must carry */
    public GenericMessageController(TurnProcessor turns, FloodGate floodGate, HandoffStore handoffs,
                                    int maxBodyBytes, String token) {
        this.turns = turns;
        this.floodGate = floodGate;
        this.handoffs = handoffs;
        this.maxBodyBytes = maxBodyBytes;
        this.token = token;
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
        authorise(ctx);
        String user = QueryParams.text(ctx, "user");
        if (user == null || user.isBlank() || user.length() > MAX_ID_LENGTH) {
            throw new BadRequestException("'user' query parameter is required");
        }
        long after = QueryParams.sequence(ctx, "after");
        ctx.json(Map.of("messages", turns.messagesFor(CHANNEL, user, after, handoffs).stream().map(m -> Map.of(
                "seq", m.seq(), "sender", m.sender(), "text", m.text(), "at", m.createdAt().toString())).toList()));
    }

    void receive(Context ctx) {
        authorise(ctx);
        ctx.contentType(ContentType.APPLICATION_JSON).result(floodGate.handleAsJson(parse(JsonBody.bytes(ctx,
                maxBodyBytes))));      // the answer as stored: written once, and a repeat gets the same bytes
    }

    private void authorise(Context ctx) {
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
        if (!PlatformApi.sameSecret(given, token)) {
            throw new UnauthorizedResponse("Authorization: Bearer <token> is missing or wrong (the token is "
                    + "channels.generic.token, or the file generic-channel.token in the data folder)");
        }
    }

    /** Parses and validates a request body; every problem is a {@link BadRequestException} naming the field. */
    static InboundMessage parse(byte[] body) {
        JsonNode node = JsonBody.object(body);
        String user = JsonBody.requiredText(node, "user", MAX_ID_LENGTH);
        String id = JsonBody.requiredText(node, "id", MAX_ID_LENGTH);
        String text = JsonBody.requiredText(node, "text", Integer.MAX_VALUE);
        return new InboundMessage(CHANNEL, user, id, text, country(node));
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
