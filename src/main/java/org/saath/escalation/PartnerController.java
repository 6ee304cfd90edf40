package org.saath.escalation;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import org.saath.store.HandoffStore;
import org.saath.web.BadRequestException;

/**
 * The partner API for partners' own systems. Every call needs {@code Authorization: Bearer <partner API key>};
 * a partner sees and touches only its own escalations (another's is 404, exactly like one that does not exist).
 * The queue carries risk, topic, language and a conversation reference, never what the person wrote.
 *
 * <p>{@code curl -s -H "Authorization: Bearer $KEY" localhost:8080/v1/partner/escalations}
 */
public final class PartnerController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PartnerDirectory partners;
    private final EscalationDesk desk;

    public PartnerController(PartnerDirectory partners, EscalationDesk desk) {
        this.partners = partners;
        this.desk = desk;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/v1/partner/escalations", this::queue);
        routes.post("/v1/partner/escalations/{id}/claim", this::claim);
        routes.post("/v1/partner/escalations/{id}/messages", this::message);
        routes.post("/v1/partner/escalations/{id}/resolve", this::resolve);
        routes.get("/v1/partner/escalations/{id}/transcript", this::transcript);
        routes.post("/v1/partner/escalations/{id}/transfer", this::transfer);
        routes.post("/v1/partner/escalations/{id}/decline", this::decline);
    }

    void queue(Context ctx) {
        List<Map<String, Object>> items = desk.queue(partner(ctx)).stream().map(PartnerController::view).toList();
        ctx.json(Map.of("escalations", items));
    }

    void claim(Context ctx) {
        desk.claim(partner(ctx), ctx.pathParam("id"));
        ctx.json(Map.of("id", ctx.pathParam("id"), "state", "claimed"));
    }

    void message(Context ctx) {
        Partner partner = partner(ctx);
        String text = text(ctx.bodyAsBytes());
        desk.message(partner, ctx.pathParam("id"), text);
        ctx.json(Map.of("id", ctx.pathParam("id"), "state", "active"));
    }

    void resolve(Context ctx) {
        desk.resolve(partner(ctx), ctx.pathParam("id"));
        ctx.json(Map.of("id", ctx.pathParam("id"), "state", "resolved"));
    }

    /** Passes on an offer: it goes to the next partner that fits, or back to the bot. */
    void decline(Context ctx) {
        desk.decline(partner(ctx), ctx.pathParam("id"));
        ctx.json(Map.of("id", ctx.pathParam("id"), "declined", true));
    }

    /** Hands the escalation to another partner: {@code {"partner": "id"}}. */
    void transfer(Context ctx) {
        Partner partner = partner(ctx);
        String to;
        try {
            JsonNode node = JSON.readTree(ctx.bodyAsBytes());
            to = node == null || node.get("partner") == null ? "" : node.get("partner").asText();
        } catch (IOException e) {
            throw new BadRequestException("body is not valid JSON");
        }
        if (to.isBlank()) {
            throw new BadRequestException("'partner' is required");
        }
        desk.transfer(partner, ctx.pathParam("id"), to);
        ctx.json(Map.of("id", ctx.pathParam("id"), "state", "offered", "partner", to));
    }

    /** The conversation before the handoff; 403 unless the person agreed to share it. */
    void transcript(Context ctx) {
        ctx.json(Map.of("messages", desk.transcript(partner(ctx), ctx.pathParam("id")).stream().map(t -> Map.of(
                "text", t.text(), "risk", t.risk(), "at", t.at().toString())).toList()));
    }

    private Partner partner(Context ctx) {
        return partners.byAuthorization(ctx.header("Authorization"))
                .orElseThrow(() -> new UnauthorizedResponse("missing or unknown partner API key"));
    }

    private static String text(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode text = node == null ? null : node.get("text");
            if (text == null || !text.isTextual() || text.asText().isBlank()) {
                throw new BadRequestException("'text' must be a non-empty string");
            }
            return text.asText();
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
