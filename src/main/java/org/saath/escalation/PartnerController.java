package org.saath.escalation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import org.saath.store.HandoffStore;
import org.saath.web.BadRequestException;
import org.saath.web.JsonBody;
import org.saath.web.QueryParams;

/**
 * The partner API, for partners' own systems and for the console. Every call needs {@code Authorization: Bearer
 * <partner API key | counsellor session token>}; what it does is recorded as done by {@code partner:<id>} or
 * {@code counsellor:<id>}. A partner sees and touches only its own escalations (another's is 404, exactly like one
 * that does not exist), and only while they are offered to it or held by it (403 once its access ended; see
 * {@link PartnerAccess}). The queue carries risk, topic, language and a conversation reference, never what the
 * person wrote. Claim, message, resolve, transfer and decline accept an {@code Idempotency-Key} header: a
 * repeated key with the same body returns the first outcome instead of acting twice; with another body it is a 422
 * that changes nothing. A body, where one is sent (claim and decline need none, resolve may leave it out), must be a
 * JSON object with its fields of the right type; anything else is a 400 that changes nothing, never read as if no
 * body had come (a resolve cannot be undone).
 *
 * <p>{@code curl -s -H "Authorization: Bearer $KEY" localhost:8080/v1/partner/escalations}
 */
public final class PartnerController {

    private final Counsellors counsellors;
    private final EscalationDesk desk;
    private final ConsoleView view;
    private final IdempotentRequests idempotent;

    public PartnerController(ConsoleParts parts, EscalationDesk desk) {
        this.counsellors = parts.counsellors();
        this.desk = desk;
        this.view = parts.view();
        this.idempotent = new IdempotentRequests(parts.outcomes(), parts.clock());
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/v1/partner/escalations", this::queue);
        routes.post("/v1/partner/escalations/{id}/claim", this::claim);
        routes.get("/v1/partner/escalations/{id}/messages", this::messages);
        routes.post("/v1/partner/escalations/{id}/messages", this::message);
        routes.post("/v1/partner/escalations/{id}/resolve", this::resolve);
        routes.get("/v1/partner/escalations/{id}/transcript", this::transcript);
        routes.post("/v1/partner/escalations/{id}/transfer", this::transfer);
        routes.post("/v1/partner/escalations/{id}/decline", this::decline);
    }

    void queue(Context ctx) {
        Caller caller = caller(ctx);
        QueryParams.none(ctx);   // no filters: a ?state= or ?limit= the partner believes it set is refused
        List<Map<String, Object>> items = desk.queue(caller.partner()).stream().map(PartnerController::view)
                .toList();
        ctx.json(Map.of("escalations", items));
    }

    void claim(Context ctx) {
        Caller caller = caller(ctx);
        idempotent.run(ctx, caller, () -> {
            JsonBody.optionalObject(ctx.bodyAsBytes());
            desk.claim(caller, ctx.pathParam("id"));
            return Map.of("id", ctx.pathParam("id"), "state", "claimed", "by", caller.name());
        });
    }

    void message(Context ctx) {
        Caller caller = caller(ctx);
        idempotent.run(ctx, caller, () -> {
            desk.message(caller, ctx.pathParam("id"), field(ctx.bodyAsBytes(), "text").orElseThrow(
                    () -> new BadRequestException("'text' must be a non-empty string")));
            return Map.of("id", ctx.pathParam("id"), "state", "active");
        });
    }

    /**
     * Ends it with {@code {"outcome": …}}: a partner system may send no body, or one without {@code outcome}
     * (recorded as {@code not_given}); a counsellor must name one (resolving is deliberate: the console asks for it),
     * else 400; an {@code outcome} that is there must be one of the documented strings.
     */
    void resolve(Context ctx) {
        Caller caller = caller(ctx);
        idempotent.run(ctx, caller, () -> {
            ResolveOutcome outcome = JsonBody.optionalObject(ctx.bodyAsBytes()).map(b -> b.get("outcome"))
                    .map(PartnerController::outcome).orElseGet(() -> notGiven(caller));
            desk.resolve(caller, ctx.pathParam("id"), outcome);
            return Map.of("id", ctx.pathParam("id"), "state", "resolved", "outcome", outcome.code());
        });
    }

    /** Passes on an offer: it goes to the next partner that fits, or back to the bot. */
    void decline(Context ctx) {
        Caller caller = caller(ctx);
        idempotent.run(ctx, caller, () -> {
            JsonBody.optionalObject(ctx.bodyAsBytes());
            desk.decline(caller, ctx.pathParam("id"));
            return Map.of("id", ctx.pathParam("id"), "declined", true);
        });
    }

    /** Hands the escalation to another partner: {@code {"partner": "id"}}. */
    void transfer(Context ctx) {
        Caller caller = caller(ctx);
        idempotent.run(ctx, caller, () -> {
            String to = field(ctx.bodyAsBytes(), "partner").orElseThrow(
                    () -> new BadRequestException("'partner' is required"));
            desk.transfer(caller, ctx.pathParam("id"), to);
            return Map.of("id", ctx.pathParam("id"), "state", "offered", "partner", to);
        });
    }

    /**
     * What was said since the handoff (the person's words, redacted, with their risk; what they were sent, with who
     * wrote it), while the caller's partner holds the escalation; 403 once its access ended.
     */
    void messages(Context ctx) {
        Caller caller = caller(ctx);
        QueryParams.none(ctx);
        ctx.json(Map.of("messages", desk.access().messages(caller.partner(), ctx.pathParam("id")).stream()
                .map(view::said).toList()));
    }

    /** The conversation before the handoff; 403 unless the person agreed to share it, and once access ended. */
    void transcript(Context ctx) {
        Caller caller = caller(ctx);
        QueryParams.none(ctx);
        ctx.json(Map.of("messages", desk.access().transcript(caller.partner(), ctx.pathParam("id")).stream().map(t ->
                Map.of("text", t.text(), "risk", t.risk(), "at", t.at().toString())).toList()));
    }

    private Caller caller(Context ctx) {
        return counsellors.byAuthorization(ctx.header("Authorization"))
                .orElseThrow(() -> new UnauthorizedResponse("missing or unknown partner API key or console session"));
    }

    /** A resolve without an outcome: {@code not_given} for a partner system; a 400 for a counsellor. */
    private static ResolveOutcome notGiven(Caller caller) {
        if (caller.isCounsellor()) {
            throw new BadRequestException("'outcome' is required when a counsellor resolves: one of "
                    + ResolveOutcome.choices());
        }
        return ResolveOutcome.NOT_GIVEN;
    }

    /** The outcome a resolve's body names; a 400 naming the choices for anything else, {@code null} included. */
    private static ResolveOutcome outcome(JsonNode given) {
        try {
            return ResolveOutcome.fromCode(given.isTextual() ? given.asText() : "");
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /**
     * A non-blank string field of a body that may be left out; empty when the body or the field is absent, null or
     * blank; 400 when the body is not a JSON object, or the field not a string or not storable ({@link JsonBody}).
     */
    static Optional<String> field(byte[] body, String name) {
        return JsonBody.optionalObject(body).flatMap(node -> JsonBody.optionalText(node, name));
    }

    private static Map<String, Object> view(HandoffStore.Escalation e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id());
        view.put("state", e.state());
        view.put("risk", e.risk());
        view.put("topic", e.topic());
        view.put("language", e.language());
        view.put("conversation_ref", e.conversationId());
        view.put("transcript_shared", e.shared());
        view.put("created_at", e.createdAt().toString());
        return view;
    }
}
