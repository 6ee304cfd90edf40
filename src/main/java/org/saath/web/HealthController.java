package org.saath.web;

import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Liveness and the model version answering.
 *
 * <p>{@code curl -s localhost:8080/health}
 */
public final class HealthController {

    private final String modelVersion;

    public HealthController(String modelVersion) {
        this.modelVersion = modelVersion;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    void health(Context ctx) {
        ctx.json(Map.of("status", "ok", "model", modelVersion));
    }
}
