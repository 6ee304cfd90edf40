package org.saath.web;

import java.util.List;
import java.util.Map;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.sse.SseHandler;
import io.javalin.router.Endpoint;

/**
 * {@code HEAD} answered as {@code GET} would be, without the body (RFC 9110, 9.3.2): the same status, token check,
 * validation and headers. Left to itself Javalin answers {@code HEAD} 200 for every path that has a {@code GET} route
 * without running it, so {@code HEAD /v1/messages} passed without a token and {@code HEAD /v1/helplines?country=ZZ}
 * without validation, while a hub page answered {@code text/plain}. Each {@code GET} route gets a {@code HEAD} route
 * with the same handler; an event stream is not something to open for its headers, so {@code HEAD} there is 405.
 */
public final class HeadRequests {

    private HeadRequests() {
    }

    /** Adds a {@code HEAD} route beside every {@code GET} route; call it after every route has been added. */
    public static void addTo(JavalinConfig config) {
        List<Endpoint> gets = config.unsafe.internalRouter.allHttpHandlers().stream().map(p -> p.endpoint)
                .filter(e -> e.method.equals(HandlerType.GET)).toList();
        for (Endpoint get : gets) {
            if (get.handler instanceof SseHandler) {
                config.routes.head(get.path, ctx -> {
                    throw new MethodNotAllowedResponse("an event stream is opened with GET",
                            Map.of("availableMethods", "GET"));
                });
            } else {
                config.routes.head(get.path, get.handler);
            }
        }
    }
}
