package org.saath.escalation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.sse.SseClient;
import org.saath.store.CounsellorStore;
import org.saath.web.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counsellor console: a plain HTML page with its script and style from the jar at {@code /console}, a sign-in
 * per counsellor, and a server-sent-events stream of the partner's queue and conversations ({@link ConsoleView}),
 * pushed when anything changes. EventSource cannot send headers, so the page trades its session for a stream token
 * that must be used within minutes; an open stream ends when its session does (sign-out, expiry, disabled). Sessions
 * and stream tokens live in the store (only their SHA-256), so a sign-in made on one node works on any other. At most
 * {@code limits.streams-per-key} streams are open at once per key (a counsellor's session, or a partner's API key);
 * a comment every 15 seconds finds the ones whose reader has gone. {@code web.SecurityHeaders} gives the page its
 * Content-Security-Policy (scripts and styles from this origin only, no framing).
 *
 * <p>{@code curl -s localhost:8080/v1/console/sign-in -d '{"login":"sara","password":"…"}'}
 */
public final class ConsoleController implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleController.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ASSETS = Map.of("console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8");
    /** Sessions are re-checked every this many pushes (300 ms each), so a disabled counsellor loses the stream. */
    private static final int SESSION_CHECK_EVERY = 10;
    private static final int PUSHES_PER_HEARTBEAT = 50;
    private static final String OWNER = "saath.console.stream-owner";
    private static final String EVENT_STREAM = "text/event-stream";

    private record Stream(SseClient client, Partner partner, Optional<String> sessionSha256, String[] last) {
    }

    private final Counsellors counsellors;
    private final PartnerDirectory partners;
    private final ConsoleView view;
    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> openStreams = new ConcurrentHashMap<>();
    private final AtomicLong pushes = new AtomicLong();
    private final int streamsPerKey;
    private final ScheduledExecutorService pusher;

    public ConsoleController(Counsellors counsellors, PartnerDirectory partners, ConsoleView view, int streamsPerKey) {
        this.counsellors = counsellors;
        this.partners = partners;
        this.view = view;
        this.streamsPerKey = streamsPerKey;
        this.pusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "saath-console-push");
            t.setDaemon(true);
            return t;
        });
        pusher.scheduleWithFixedDelay(this::push, 300, 300, TimeUnit.MILLISECONDS);
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/console", this::page);
        routes.get("/console/{asset}", this::asset);
        routes.post("/v1/console/sign-in", this::signIn);
        routes.post("/v1/console/sign-out", this::signOut);
        routes.post("/v1/partner/stream-token", this::token);
        routes.before("/v1/partner/stream", this::admitStream);
        routes.sse("/v1/partner/stream", this::stream);
    }

    void page(Context ctx) throws IOException {
        ctx.contentType("text/html; charset=utf-8").result(resource("console/index.html"));
    }

    void asset(Context ctx) throws IOException {
        String name = ctx.pathParam("asset");
        if (!ASSETS.containsKey(name)) {
            throw new NotFoundResponse("not found");
        }
        ctx.contentType(ASSETS.get(name)).result(resource("console/" + name));
    }

    /** {@code {"login","password"}} → {@code {"token","name","partner","expires_at"}}; 401, or 429 when guessed. */
    void signIn(Context ctx) {
        String login = PartnerController.field(ctx.bodyAsBytes(), "login")
                .orElseThrow(() -> new BadRequestException("'login' and 'password' are required"));
        String password = PartnerController.field(ctx.bodyAsBytes(), "password")
                .orElseThrow(() -> new BadRequestException("'login' and 'password' are required"));
        Counsellors.Session session = counsellors.signIn(login, password, ctx.ip());
        ctx.json(Map.of("token", session.token(), "name", session.caller().name(), "partner",
                session.caller().partner().name(), "expires_at", session.expiresAt().toString()));
    }

    void signOut(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            counsellors.signOut(header.substring(7).trim());
        }
        ctx.json(Map.of("signed_out", true));
    }

    void token(Context ctx) {
        String token = counsellors.streamToken(ctx.header("Authorization"))
                .orElseThrow(() -> new UnauthorizedResponse("missing or unknown partner API key or console session"));
        ctx.json(Map.of("token", token));
    }

    /**
     * Before a stream opens, while a refusal can still be a JSON 4xx: a known, unexpired token, and a free place
     * among its key's {@code streamsPerKey}, which is taken here and given back when the stream closes.
     */
    void admitStream(Context ctx) {
        if (!ctx.method().equals(HandlerType.GET)) {
            return;   // no stream opens (HEAD is 405, the rest 404): a place taken here would never be given back
        }
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains(EVENT_STREAM)) {
            // Javalin opens a stream only for this header and otherwise answers an empty 200; refused before the
            // token is looked at or a place taken, so the same token still opens a stream once asked for properly
            throw new HttpResponseException(HttpStatus.NOT_ACCEPTABLE.getCode(), "this is a server-sent-events "
                    + "stream: send Accept: " + EVENT_STREAM);
        }
        CounsellorStore.TokenOwner owner = counsellors.streamOwner(String.valueOf(ctx.queryParam("token")))
                .filter(o -> partners.byId(o.partnerId()).isPresent())
                .orElseThrow(() -> new UnauthorizedResponse("unknown or expired stream token"));
        String key = key(owner);
        boolean[] admitted = {false};
        openStreams.compute(key, (k, open) -> {
            int count = open == null ? 0 : open;
            admitted[0] = count < streamsPerKey;
            return admitted[0] ? count + 1 : count;
        });
        if (!admitted[0]) {
            throw new TooManyRequestsResponse("at most " + streamsPerKey + " event streams can be open at once "
                    + "for one key; close one first");
        }
        ctx.attribute(OWNER, owner);
    }

    void stream(SseClient client) {
        CounsellorStore.TokenOwner owner = client.ctx().attribute(OWNER);
        client.keepAlive();
        Stream stream = new Stream(client, partners.byId(owner.partnerId()).orElseThrow(), owner.sessionSha256(),
                new String[1]);
        client.onClose(() -> {
            streams.remove(stream);
            openStreams.computeIfPresent(key(owner), (k, open) -> open > 1 ? open - 1 : null);
        });
        streams.add(stream);
    }

    /** A counsellor's streams count against their session, a partner system's against its API key. */
    private static String key(CounsellorStore.TokenOwner owner) {
        return owner.sessionSha256().map(s -> "session:" + s).orElse("partner:" + owner.partnerId());
    }

    /** Sends each open stream its partner's state when it changed since the last push; one state per partner. */
    private void push() {
        long push = pushes.incrementAndGet();
        boolean checkSessions = push % SESSION_CHECK_EVERY == 0;
        boolean heartbeat = push % PUSHES_PER_HEARTBEAT == 0;
        Map<String, Map<String, Object>> states = new HashMap<>();
        for (Stream stream : new ArrayList<>(streams)) {
            try {
                if (checkSessions && stream.sessionSha256().filter(s -> !counsellors.sessionValid(s)).isPresent()) {
                    stream.client().sendEvent("expired", "signed out");
                    stream.client().close();
                    streams.remove(stream);
                    continue;
                }
                if (heartbeat) {
                    stream.client().sendComment("keep-alive");
                }
                Map<String, Object> state = states.computeIfAbsent(stream.partner().id(),
                        id -> view.state(stream.partner()));
                String json = json(state);
                if (!json.equals(stream.last()[0]) && !stream.client().terminated()) {
                    stream.client().sendEvent("state", json(view.stamped(state)));
                    stream.last()[0] = json;
                }
            } catch (RuntimeException e) {
                // closing makes the page say so and reconnect, rather than look live while showing old news
                LOG.warn("console update for partner {} failed: {}", stream.partner().id(), e.getClass().getName());
                streams.remove(stream);
                close(stream);
            }
        }
    }

    /** Closes a stream that failed; a failure to close must not stop the pushes of everyone else. */
    private static void close(Stream stream) {
        try {
            stream.client().close();
        } catch (RuntimeException e) {
            LOG.warn("closing a failed console stream: {}", e.getClass().getName());
        }
    }

    private static String json(Map<String, Object> state) {
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new NotFoundResponse("not found");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        pusher.shutdownNow();
    }
}
