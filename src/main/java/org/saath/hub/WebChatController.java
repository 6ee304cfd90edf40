package org.saath.hub;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import org.saath.channel.InboundMessage;
import org.saath.limits.RateLimitedException;
import org.saath.web.BadRequestException;
import org.saath.web.JsonBody;
import org.saath.web.QueryParams;

/**
 * The hub's web chat, a channel of its own ({@value #CHANNEL}) through the same {@code TurnProcessor} and per-sender
 * limit as every channel. A browser gets an anonymous session token from {@code POST /v1/hub/session} (minted here;
 * {@link WebSessions}) and sends it in {@code X-Saath-Session}: a header a page from another site cannot set without
 * the browser asking first, and requests whose {@code Origin} is another site are refused, so no other site can write
 * or read in a person's name. The generic channel's own credentials play no part. A counsellor's words and status
 * notes wait for the person and are fetched with {@code GET /v1/hub/messages?after=N}; "delete my data" works as in
 * every channel.
 *
 * <p>{@code curl -s -X POST localhost:8080/v1/hub/session}
 */
public final class WebChatController {

    static final String CHANNEL = "web";
    static final String SESSION_HEADER = "X-Saath-Session";
    private static final int MAX_ID_LENGTH = 200;

    private final HubParts hub;
    private final int maxBodyBytes;

    WebChatController(HubParts hub) {
        this.hub = hub;
        this.maxBodyBytes = hub.config().server().maxBodyBytes();
    }

    public void addRoutes(RoutesConfig routes) {
        routes.post("/v1/hub/session", this::session);
        routes.post("/v1/hub/messages", this::receive);
        routes.get("/v1/hub/messages", this::poll);
    }

    /** A new anonymous session: {@code {"token": …}}; nothing is stored. */
    void session(Context ctx) {
        sameOrigin(ctx);
        Optional<Duration> wait = hub.apiLimiter().tryAcquire("session:" + ctx.ip());
        if (wait.isPresent()) {
            throw new RateLimitedException("too many new chat sessions from this address", wait.get());
        }
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("token", hub.sessions().mint()));
    }

    /**
     * {@code {"id","text","country"?}} with the session header; answers as {@code POST /v1/messages} does.
     *
     * <p>{@code curl -s localhost:8080/v1/hub/messages -H "X-Saath-Session: $TOKEN" -d '{"id":"m1","text":"hi"}'}
     */
    void receive(Context ctx) {
        sameOrigin(ctx);
        String user = user(ctx);
        InboundMessage message = parse(user, JsonBody.bytes(ctx, maxBodyBytes)).from(ctx.ip());
        ctx.contentType(ContentType.APPLICATION_JSON).result(hub.floodGate().handleAsJson(message));
    }

    /** Messages for the person after sequence number {@code after}: a counsellor's words, status notes. */
    void poll(Context ctx) {
        sameOrigin(ctx);
        String user = user(ctx);
        long after = QueryParams.sequence(ctx, "after");
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("messages", hub.turns().messagesFor(CHANNEL, user, after, hub.handoffs()).stream()
                .map(m -> Map.of("seq", m.seq(), "sender", m.sender(), "text", m.text(), "at",
                        m.createdAt().toString())).toList()));
    }

    private String user(Context ctx) {
        return hub.sessions().userId(ctx.header(SESSION_HEADER)).orElseThrow(() -> new UnauthorizedResponse(
                "a chat session is required: POST /v1/hub/session, then send its token in " + SESSION_HEADER));
    }

    /**
     * Refuses a request a page of another site sent: its {@code Origin} (or, without one, its
     * {@code Sec-Fetch-Site}) must be this site. A client that is not a browser sends neither, and may.
     */
    static void sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String site = ctx.header("Sec-Fetch-Site");
        if (origin == null) {
            if (site != null && !site.equals("same-origin") && !site.equals("none")) {
                throw new ForbiddenResponse("the chat answers only its own pages");
            }
            return;
        }
        String host = ctx.header("Host");
        try {
            URI uri = new URI(origin);
            String authority = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            if (uri.getHost() == null || host == null || !authority.equalsIgnoreCase(host.trim())) {
                throw new ForbiddenResponse("the chat answers only its own pages");
            }
        } catch (URISyntaxException e) {
            throw new ForbiddenResponse("the chat answers only its own pages");
        }
    }

    /** The message in {@code body}; each problem is a 400 naming the field. */
    private InboundMessage parse(String user, byte[] body) {
        JsonNode node = JsonBody.object(body);
        String id = JsonBody.requiredText(node, "id", MAX_ID_LENGTH);
        String text = JsonBody.requiredText(node, "text", Integer.MAX_VALUE);
        JsonNode country = node.get("country");
        if (country == null || country.isNull()) {
            return new InboundMessage(CHANNEL, user, id, text, Optional.empty());
        }
        String code = country.isTextual() ? country.asText().trim().toUpperCase(Locale.ROOT) : "";
        if (!hub.countries().valid(code)) {
            throw new BadRequestException("'country' must be an ISO 3166 alpha-2 code such as PK or AE");
        }
        return new InboundMessage(CHANNEL, user, id, text, Optional.of(code));
    }
}
