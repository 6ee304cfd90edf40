package org.saath.escalation;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.sse.SseClient;
import org.saath.store.HandoffStore;

/**
 * The counsellor console: a plain HTML page from the jar at {@code /console} (its script and style are files
 * beside it, so the Content-Security-Policy can forbid inline code), and a server-sent-events stream of the
 * partner's queue (most urgent first) and of the conversations it holds, pushed when anything changes.
 * EventSource cannot send headers, so the page trades its API key (in the Authorization header) for a short-lived
 * stream token, kept only in memory. At most {@code limits.streams-per-key} streams are open per partner at once;
 * a comment every 15 seconds finds the ones whose reader has gone.
 *
 * <p>{@code curl -s -X POST -H "Authorization: Bearer $KEY" localhost:8080/v1/partner/stream-token}
 */
public final class ConsoleController implements AutoCloseable {

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(8);
    private static final long PUSH_MILLIS = 300;
    private static final int PUSHES_PER_HEARTBEAT = 50;
    private static final String SESSION = "saath.console.session";
    private static final Map<String, String> ASSETS = Map.of("console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Session(String partnerId, Instant expires) {
    }

    private record Stream(SseClient client, String partnerId, String[] last) {
    }

    private final PartnerDirectory partners;
    private final HandoffStore store;
    private final Clock clock;
    private final int streamsPerKey;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> openStreams = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final ScheduledExecutorService pusher;
    private int pushes;

    public ConsoleController(PartnerDirectory partners, HandoffStore store, Clock clock, int streamsPerKey) {
        this.partners = partners;
        this.store = store;
        this.clock = clock;
        this.streamsPerKey = streamsPerKey;
        this.pusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "saath-console-push");
            t.setDaemon(true);
            return t;
        });
        pusher.scheduleWithFixedDelay(this::push, PUSH_MILLIS, PUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/console", this::page);
        routes.get("/console/{asset}", this::asset);
        routes.post("/v1/partner/stream-token", this::token);
        routes.before("/v1/partner/stream", this::admitStream);
        routes.sse("/v1/partner/stream", this::stream);
    }

    void page(Context ctx) throws IOException {
        ctx.contentType("text/html; charset=utf-8").result(resource("index.html"));
    }

    /** The page's script and style, and nothing else from the jar. */
    void asset(Context ctx) throws IOException {
        String type = ASSETS.get(ctx.pathParam("asset"));
        if (type == null) {
            throw new NotFoundResponse("not found");
        }
        ctx.contentType(type).result(resource(ctx.pathParam("asset")));
    }

    private byte[] resource(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("console/" + name)) {
            if (in == null) {
                throw new IOException("console/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        }
    }

    void token(Context ctx) {
        Partner partner = partners.byAuthorization(ctx.header("Authorization"))
                .orElseThrow(() -> new UnauthorizedResponse("missing or unknown partner API key"));
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, new Session(partner.id(), clock.instant().plus(TOKEN_LIFETIME)));
        ctx.json(Map.of("token", token, "partner", partner.name()));
    }

    /**
     * Before a stream opens, while a refusal can still be a JSON 4xx: a known, unexpired token, and a free place
     * among the partner's {@code streamsPerKey}, which is taken here and given back when the stream closes.
     */
    void admitStream(Context ctx) {
        Session session = sessions.get(String.valueOf(ctx.queryParam("token")));
        if (session == null || session.expires().isBefore(clock.instant())) {
            throw new UnauthorizedResponse("unknown or expired stream token");
        }
        boolean[] admitted = {false};
        openStreams.compute(session.partnerId(), (partner, open) -> {
            int count = open == null ? 0 : open;
            admitted[0] = count < streamsPerKey;
            return admitted[0] ? count + 1 : count;
        });
        if (!admitted[0]) {
            throw new TooManyRequestsResponse("at most " + streamsPerKey + " event streams can be open at once "
                    + "for one key; close one first");
        }
        ctx.attribute(SESSION, session);
    }

    void stream(SseClient client) {
        Session session = client.ctx().attribute(SESSION);
        client.keepAlive();
        Stream stream = new Stream(client, session.partnerId(), new String[1]);
        client.onClose(() -> {
            streams.remove(stream);
            openStreams.computeIfPresent(session.partnerId(), (partner, open) -> open > 1 ? open - 1 : null);
        });
        streams.add(stream);
    }

    /**
     * Sends each open stream its partner's state when it changed since the last push, and now and then a comment,
     * so that a stream whose reader has gone is noticed and closed.
     */
    private void push() {
        boolean heartbeat = ++pushes % PUSHES_PER_HEARTBEAT == 0;
        for (Stream stream : streams) {
            try {
                if (heartbeat) {
                    stream.client().sendComment("keep-alive");
                }
                String state = JSON.writeValueAsString(state(stream.partnerId()));
                if (!state.equals(stream.last()[0]) && !stream.client().terminated()) {
                    stream.client().sendEvent("state", state);
                    stream.last()[0] = state;
                }
            } catch (JsonProcessingException | RuntimeException e) {
                streams.remove(stream);
                stream.client().close();        // its onClose gives the partner's place back
            }
        }
    }

    /** The queue, and for conversations this partner holds what was said since (redacted) and the risk. */
    Map<String, Object> state(String partnerId) {
        List<Map<String, Object>> queue = new ArrayList<>();
        for (HandoffStore.Escalation e : store.queue(partnerId)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", e.id());
            item.put("state", e.state());
            item.put("risk", e.risk());
            item.put("topic", e.topic());
            item.put("language", e.language());
            item.put("waiting_since", e.createdAt().toString());
            if (!e.state().equals("offered")) {
                item.put("messages", conversation(e));
            }
            queue.add(item);
        }
        return Map.of("escalations", queue);
    }

    private List<Map<String, Object>> conversation(HandoffStore.Escalation e) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (HandoffStore.RelayedTurn t : store.relayedTurns(e.conversationId())) {
            messages.add(Map.of("from", "person", "text", t.text(), "risk", t.risk(), "signals", t.signals(),
                    "at", t.at().toString()));
        }
        for (HandoffStore.UserMessage m : store.userMessages(e.channel(), e.userRef(), 0)) {
            messages.add(Map.of("from", m.sender(), "text", m.text(), "at", m.createdAt().toString()));
        }
        messages.sort(Comparator.comparing(m -> (String) m.get("at")));
        return messages;
    }

    @Override
    public void close() {
        pusher.shutdownNow();
    }
}
