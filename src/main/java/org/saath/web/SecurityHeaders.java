package org.saath.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Headers on every answer. The counsellor console runs only the script and style files served beside it (no
 * inline code, nothing from elsewhere), talks only to this origin, and cannot be framed; JSON answers may not be
 * rendered or framed at all. None is sniffed, cached, or sends a referrer (a console URL carries no secret, but
 * the pages hold people's words).
 */
public final class SecurityHeaders {

    static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static void addTo(RoutesConfig routes) {
        routes.before(SecurityHeaders::apply);
    }

    static void apply(Context ctx) {
        boolean console = ctx.path().equals("/console") || ctx.path().startsWith("/console/");
        ctx.header("Content-Security-Policy", console ? CONSOLE_POLICY : API_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }
}
