package org.saath.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Headers on every answer. The pages (the counsellor console, the impact page) run only the script and style files
 * served beside them or from the jar's webjars (no inline code, nothing from elsewhere), talk only to this origin,
 * and cannot be framed; JSON answers may not be rendered or framed at all. None is sniffed, cached, or sends a
 * referrer (a console URL carries no secret, but the pages hold people's words).
 */
public final class SecurityHeaders {

    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static void addTo(RoutesConfig routes) {
        routes.before(SecurityHeaders::apply);
    }

    /** Paths of pages a browser renders: the console, the impact page and the chart library they load. */
    private static boolean page(String path) {
        return path.equals("/console") || path.startsWith("/console/") || path.equals("/impact")
                || path.startsWith("/impact/") || path.startsWith("/webjars/");
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", page(ctx.path()) ? PAGE_POLICY : API_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }
}
