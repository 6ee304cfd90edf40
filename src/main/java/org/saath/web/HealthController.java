package org.saath.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.saath.nlu.Analyser;
import org.saath.ops.Readiness;

/**
 * Health for people and orchestrators: {@code /health} (up, the model answering, the outbox backlog),
 * {@code /health/live} (the process answers HTTP: restart it if not), {@code /health/ready} (store reachable and
 * migrated, model loaded, outbox not stuck; 503 with the failing check when not: send it no traffic).
 *
 * <p>{@code curl -s localhost:8080/health/ready}
 */
public final class HealthController {

    private final Supplier<Analyser> model;
    private final IntSupplier outboxBacklog;
    private final Readiness readiness;

    public HealthController(Supplier<Analyser> model, IntSupplier outboxBacklog, Readiness readiness) {
        this.model = model;
        this.outboxBacklog = outboxBacklog;
        this.readiness = readiness;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/health/live", this::live);
        routes.get("/health/ready", this::ready);
    }

    void health(Context ctx) {
        ctx.json(Map.of("status", "ok", "model", model.get().modelVersion(), "outbox_backlog",
                outboxBacklog.getAsInt()));
    }

    void live(Context ctx) {
        ctx.json(Map.of("status", "up"));
    }

    void ready(Context ctx) {
        Readiness.Result result = readiness.check();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", result.ready() ? "ready" : "not_ready");
        body.put("checks", result.checks());
        ctx.status(result.ready() ? 200 : 503).json(body);
    }
}
