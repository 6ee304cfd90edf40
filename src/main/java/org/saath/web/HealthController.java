package org.saath.web;

import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.saath.nlu.Analyser;

/**
 * Liveness, the model version answering, and the outbox backlog (deliveries not yet made).
 *
 * <p>{@code curl -s localhost:8080/health}
 */
public final class HealthController {

    private final Supplier<Analyser> model;
    private final IntSupplier outboxBacklog;

    public HealthController(Supplier<Analyser> model, IntSupplier outboxBacklog) {
        this.model = model;
        this.outboxBacklog = outboxBacklog;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    void health(Context ctx) {
        ctx.json(Map.of("status", "ok", "model", model.get().modelVersion(), "outbox_backlog",
                outboxBacklog.getAsInt()));
    }
}
