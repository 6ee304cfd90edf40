package org.saath.web;

import java.util.Map;
import java.util.function.Supplier;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.saath.nlu.Analyser;

/**
 * Liveness and the model version answering.
 *
 * <p>{@code curl -s localhost:8080/health}
 */
public final class HealthController {

    private final Supplier<Analyser> model;

    public HealthController(Supplier<Analyser> model) {
        this.model = model;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    void health(Context ctx) {
        ctx.json(Map.of("status", "ok", "model", model.get().modelVersion()));
    }
}
