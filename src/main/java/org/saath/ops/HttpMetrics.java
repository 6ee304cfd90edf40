package org.saath.ops;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Javalin's request logger: times every HTTP request as {@code http_server_requests_seconds} by method, route
 * template and status, and logs one DEBUG line with the same. The route is the template
 * ({@code /v1/partner/escalations/{id}/claim}), never the path or query a client sent, which may hold ids; the
 * method is one of HTTP's own ({@code OTHER} for any other name a client made up, which would otherwise add a series
 * per name); the status is the one we answered. It runs last, so it also clears the request id from the logging
 * context.
 */
public final class HttpMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(HttpMetrics.class);
    /** The methods of RFC 9110 and PATCH; everything else is counted as {@code OTHER}. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
            "TRACE", "CONNECT");

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void log(Context ctx, Float millis) {
        try {
            String method = method(ctx);
            String route = route(ctx);
            String status = Integer.toString(ctx.statusCode());
            Timer.builder("http.server.requests").description("HTTP requests by method, route template and status")
                    .tags("method", method, "uri", route, "status", status)
                    .register(registry).record((long) (millis * 1000), TimeUnit.MICROSECONDS);
            LOG.debug("{} {} {} {}ms", method, route, status, Math.round(millis));
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    /** The request's method when HTTP defines it, else {@code OTHER}. */
    static String method(Context ctx) {
        String name = ctx.method().name();
        return METHODS.contains(name) ? name : "OTHER";
    }

    /** The matched route's template; {@code static} for files from the jar, {@code unmatched} for the rest. */
    static String route(Context ctx) {
        Endpoint endpoint;
        try {
            endpoint = ctx.endpoints().lastHttpEndpoint();
        } catch (RuntimeException e) {
            endpoint = null;
        }
        if (endpoint != null) {
            return endpoint.path;
        }
        return ctx.statusCode() < 400 ? "static" : "unmatched";
    }
}
