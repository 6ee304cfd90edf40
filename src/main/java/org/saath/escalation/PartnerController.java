package org.saath.escalation;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import org.saath.store.HandoffStore;
import org.saath.web.BadRequestException;
import org.saath.web.JsonBody;

/**
 * The partner API, for partners' own systems and for the console. Every call needs {@code Authorization: Bearer
 * <partner API key | counsellor session token>}; what it does is recorded as done by {@code partner:<id>} or
 * {@code counsellor:<id>}. A partner sees and touches only its own escalations (another's is 404, exactly like one
 * that does not exist), and only while they are offered to it or held by it (403 once its access ended; see
 * {@link PartnerAccess}). The queue carries risk, topic, language and a conversation reference, never what the
 * person wrote. Claim, message, resolve, transfer and decline accept an {@code Idempotency-Key} header: a
 * repeated key returns the first outcome instead of acting twice.
 *
 * <p>{@code curl -s -H "Authorization: Bearer $KEY" localhost:8080/v1/partner/escalations}
 */
public final class PartnerController {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        List<Map<String, Object>> items = desk.queue(caller(ctx).partner()).stream().map(PartnerController::view)
                .toList();
        ctx.json(Map.of("escalations", items));
    }

    void claim(Context ctx) {
        Caller caller = caller(ctx);
        idempotent.run(ctx, caller, () -> {
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

    /** Ends it with {@code {"outcome": …}} (optional for partner systems, recorded as {@code not_given}). */
    void resolve(Context ctx) {
        Caller caller = caller(ctx);
        idempotent.run(ctx, caller, () -> {
            Optional<String> given = ctx.bodyAsBytes().length == 0 ? Optional.empty()
                    : field(ctx.bodyAsBytes(), "outcome");
            ResolveOutcome outcome;
            try {
                outcome = given.map(ResolveOutcome::fromCode).orElse(ResolveOutcome.NOT_GIVEN);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
            desk.resolve(caller, ctx.pathParam("id"), outcome);
            return Map.of("id", ctx.pathParam("id"), "state", "resolved", "outcome", outcome.code());
        });
    }

    /** Passes on an offer: it goes to the next partner that fits, or back to the bot. */
    void decline(Context ctx) {
        Caller caller = caller(ctx);
        idempotent.run(ctx, caller, () -> {
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
        ctx.json(Map.of("messages", desk.access().messages(caller(ctx).partner(), ctx.pathParam("id")).stream()
                .map(view::said).toList()));
    }

    /** The conversation before the handoff; 403 unless the person agreed to share it, and once access ended. */
    void transcript(Context ctx) {
        ctx.json(Map.of("messages", desk.access().transcript(caller(ctx).partner(), ctx.pathParam("id")).stream().map(t ->
                Map.of("text", t.text(), "risk", t.risk(), "at", t.at().toString())).toList()));
    }

    private Caller caller(Context ctx) {
        return counsellors.byAuthorization(ctx.header("Authorization"))
                .orElseThrow(() -> new UnauthorizedResponse("missing or unknown partner API key or console session"));
    }

    /**
     * A non-blank string field of a JSON object body; empty when absent or blank; 400 when not JSON or not storable
     * ({@link JsonBody#storable}).
     */
    static Optional<String> field(byte[] body, String name) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode value = node == null || !node.isObject() ? null : node.get(name);
            return value != null && value.isTextual() && !value.asText().isBlank()
                    ? Optional.of(JsonBody.storable(name, value.asText())) : Optional.empty();
        } catch (IOException e) {
            throw new BadRequestException("body is not valid JSON");
        }
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
