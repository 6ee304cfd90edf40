package org.saath.escalation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import org.saath.nlu.Language;
import org.saath.store.CannedReplyStore;
import org.saath.web.BadRequestException;

/**
 * A partner's canned replies, per language, which its counsellors insert and edit in the console. A partner starts
 * from the safe-messaging openers in {@code console/canned-replies.yaml} (seeded on first use) and owns its copy.
 *
 * <p>{@code curl -s -H "Authorization: Bearer $SESSION" localhost:8080/v1/partner/canned-replies}
 */
public final class CannedReplyController {

    private static final int MAX_TEXT = 1000;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Counsellors counsellors;
    private final CannedReplyStore store;
    private final Clock clock;
    private final Map<String, List<String>> openers;

    public CannedReplyController(Counsellors counsellors, CannedReplyStore store, Clock clock) {
        this.counsellors = counsellors;
        this.store = store;
        this.clock = clock;
        this.openers = openers();
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/v1/partner/canned-replies", this::list);
        routes.post("/v1/partner/canned-replies", this::add);
        routes.put("/v1/partner/canned-replies/{id}", this::change);
        routes.delete("/v1/partner/canned-replies/{id}", this::delete);
    }

    void list(Context ctx) {
        String partner = partner(ctx);
        if (store.count(partner) == 0) {
            List<CannedReplyStore.CannedReply> seed = new ArrayList<>();
            openers.forEach((language, texts) -> {
                for (int i = 0; i < texts.size(); i++) {
                    seed.add(new CannedReplyStore.CannedReply("cr-" + UUID.randomUUID(), partner, language, i,
                            texts.get(i)));
                }
            });
            store.seedIfNone(partner, seed, clock.instant());
        }
        ctx.json(Map.of("replies", store.list(partner).stream().map(r -> Map.of("id", r.id(), "language",
                r.language(), "text", r.text())).toList()));
    }

    /** {@code {"language": "ur", "text": "…"}}, added last in its language. */
    void add(Context ctx) {
        String partner = partner(ctx);
        String language = PartnerController.field(ctx.bodyAsBytes(), "language").flatMap(Language::supported)
                .map(Language::code).orElseThrow(() -> new BadRequestException("'language' must be one of "
                        + Language.supported().stream().map(Language::code).toList()));
        String text = text(ctx);
        int position = (int) store.list(partner).stream().filter(r -> r.language().equals(language)).count();
        CannedReplyStore.CannedReply reply = new CannedReplyStore.CannedReply("cr-" + UUID.randomUUID(), partner,
                language, position, text);
        store.add(reply, clock.instant());
        ctx.status(201).json(Map.of("id", reply.id(), "language", language, "text", text));
    }

    void change(Context ctx) {
        String text = text(ctx);
        if (!store.update(partner(ctx), ctx.pathParam("id"), text, clock.instant())) {
            throw new BadRequestException("no canned reply '" + ctx.pathParam("id") + "'");
        }
        ctx.json(Map.of("id", ctx.pathParam("id"), "text", text));
    }

    void delete(Context ctx) {
        if (!store.delete(partner(ctx), ctx.pathParam("id"))) {
            throw new BadRequestException("no canned reply '" + ctx.pathParam("id") + "'");
        }
        ctx.json(Map.of("id", ctx.pathParam("id"), "deleted", true));
    }

    private static String text(Context ctx) {
        String text = PartnerController.field(ctx.bodyAsBytes(), "text")
                .orElseThrow(() -> new BadRequestException("'text' must be a non-empty string"));
        if (text.length() > MAX_TEXT) {
            throw new BadRequestException("'text' is longer than " + MAX_TEXT + " characters");
        }
        return text.strip();
    }

    private String partner(Context ctx) {
        return counsellors.byAuthorization(ctx.header("Authorization")).map(c -> c.partner().id())
                .orElseThrow(() -> new UnauthorizedResponse("missing or unknown partner API key or console session"));
    }

    private static Map<String, List<String>> openers() {
        try (InputStream in = CannedReplyController.class.getClassLoader()
                .getResourceAsStream("console/canned-replies.yaml")) {
            return YAML.readValue(in, new TypeReference<Map<String, List<String>>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("console/canned-replies.yaml cannot be read", e);
        }
    }
}
