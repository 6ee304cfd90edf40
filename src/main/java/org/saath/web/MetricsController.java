package org.saath.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.saath.config.SaathConfig;
import org.saath.ops.StoreGauges;

/**
 * Prometheus metrics in the text format. Off ({@code metrics.enabled: false}) the route does not exist (404); with
 * {@code metrics.token} set, only {@code Authorization: Bearer <token>} may read it (else 401).
 *
 * <p>{@code curl -s -H "Authorization: Bearer $SAATH_METRICS_TOKEN" localhost:8080/metrics}
 */
public final class MetricsController {

    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final SaathConfig.Metrics config;
    private final PrometheusMeterRegistry registry;
    private final StoreGauges gauges;

    public MetricsController(SaathConfig.Metrics config, PrometheusMeterRegistry registry, StoreGauges gauges) {
        this.config = config;
        this.registry = registry;
        this.gauges = gauges;
    }

    public void addRoutes(RoutesConfig routes) {
        if (config.enabled()) {
            routes.get("/metrics", this::metrics);
        }
    }

    void metrics(Context ctx) {
        if (config.tokenRequired() && !authorized(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("a valid metrics token is required");
        }
        gauges.refresh();
        ctx.contentType(CONTENT_TYPE).result(registry.scrape());
    }

    private boolean authorized(String header) {
        byte[] given = header != null && header.startsWith("Bearer ")
                ? header.substring(7).getBytes(StandardCharsets.UTF_8) : new byte[0];
        return MessageDigest.isEqual(given, config.token().getBytes(StandardCharsets.UTF_8));
    }
}
