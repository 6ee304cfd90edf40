package org.saath.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import org.saath.config.SaathConfig;
import org.saath.escalation.PartnerDirectory;
import org.saath.store.ImpactStore;

/**
 * The impact page for partner administrators: {@code /impact} (plain HTML, its script and style from the jar, charts
 * by uPlot from the jar; {@link org.saath.web.SecurityHeaders} gives it the pages' Content-Security-Policy, which
 * allows nothing from elsewhere) and the report behind it. A
 * partner's API key sees everyone's message counts and its own escalations; the admin token sees all partners.
 *
 * <p>{@code curl -s -H "Authorization: Bearer $KEY" 'localhost:8080/v1/partner/impact?since=30d'}
 */
public final class ImpactController {

    private final ImpactStore store;
    private final ImpactRecorder recorder;
    private final PartnerDirectory partners;
    private final SaathConfig config;
    private final Clock clock;

    public ImpactController(ImpactStore store, ImpactRecorder recorder, PartnerDirectory partners, SaathConfig config,
                            Clock clock) {
        this.store = store;
        this.recorder = recorder;
        this.partners = partners;
        this.config = config;
        this.clock = clock;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/impact", ctx -> file(ctx, "impact/index.html", "text/html; charset=utf-8"));
        routes.get("/impact/impact.js", ctx -> file(ctx, "impact/impact.js", "text/javascript; charset=utf-8"));
        routes.get("/impact/impact.css", ctx -> file(ctx, "impact/impact.css", "text/css; charset=utf-8"));
        routes.get("/impact/favicon.svg", ctx -> file(ctx, "impact/favicon.svg", "image/svg+xml"));
        routes.get("/v1/partner/impact", this::report);
    }

    void report(Context ctx) {
        Optional<String> partner = viewer(ctx.header("Authorization"));
        int days = ImpactReport.days(Optional.ofNullable(ctx.queryParam("since")).orElse("30d"))
                .orElseThrow(() -> new BadRequestResponse("'since' must be a number of days such as 30d"));
        recorder.flush();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        ctx.json(ImpactReport.lastDays(store, days, today, config.report().minCount(), partner).asMap());
    }

    /** Empty for the admin (every partner), the partner for its key; anyone else is refused. */
    private Optional<String> viewer(String authorization) {
        if (config.admin().enabled() && authorization != null && authorization.startsWith("Bearer ")
                && MessageDigest.isEqual(authorization.substring(7).getBytes(StandardCharsets.UTF_8),
                        config.admin().token().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(partners.byAuthorization(authorization)
                .orElseThrow(() -> new UnauthorizedResponse("a partner API key or the admin token is required")).id());
    }

    private static void file(Context ctx, String resource, String contentType) throws IOException {
        try (InputStream in = ImpactController.class.getClassLoader().getResourceAsStream(resource)) {
            ctx.contentType(contentType).result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
