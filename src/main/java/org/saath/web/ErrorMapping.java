package org.saath.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Optional;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EofException;
import org.saath.escalation.AccessEndedException;
import org.saath.escalation.ConsentRequiredException;
import org.saath.escalation.EscalationStateException;
import org.saath.escalation.SignInRefusedException;
import org.saath.escalation.TooManyAttemptsException;
import org.saath.escalation.UnknownEscalationException;
import org.saath.limits.RateLimitedException;
import org.saath.store.MessageIdReusedException;
import org.saath.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place exceptions become HTTP answers, always as {@code {"error": "…"}}. A sender's mistake is a 4xx;
 * a request the server could not even read (broken chunked framing, a body cut off) is the sender's mistake too;
 * a store failure is a 503 so that platforms retry the delivery; anything else is logged (never with message
 * text) and answered 500 without details. Errors Jetty answers itself, before any route, are JSON too
 * ({@link JsonErrorHandler}).
 */
public final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    private static final long MAX_DRAIN_BYTES = 1 << 20;

    private ErrorMapping() {
    }

    /**
     * The 4xx status a sender's mistake maps to, if {@code e} is one; empty for failures on our side. Idempotent
     * requests record these as their outcome.
     */
    public static Optional<Integer> clientStatus(Exception e) {
        if (e instanceof HttpResponseException h) {
            return Optional.of(h.getStatus()).filter(s -> s < 500);
        }
        return Optional.ofNullable(CLIENT_ERRORS.get(e.getClass()));
    }

    private static final Map<Class<? extends Exception>, Integer> CLIENT_ERRORS = Map.of(
            BadRequestException.class, 400, PayloadTooLargeException.class, 413,
            UnknownEscalationException.class, 404, EscalationStateException.class, 409,
            ConsentRequiredException.class, 403, AccessEndedException.class, 403, SignInRefusedException.class, 401,
            MessageIdReusedException.class, 409);

    public static void addTo(RoutesConfig routes) {
        routes.exception(BadRequestException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        routes.exception(PayloadTooLargeException.class, (e, ctx) -> {
            drainBody(ctx);
            error(ctx, 413, e.getMessage());
        });
        routes.exception(UnknownEscalationException.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
        routes.exception(EscalationStateException.class, (e, ctx) -> error(ctx, 409, e.getMessage()));
        routes.exception(MessageIdReusedException.class, (e, ctx) -> error(ctx, 409, e.getMessage()));
        routes.exception(ConsentRequiredException.class, (e, ctx) -> error(ctx, 403, e.getMessage()));
        routes.exception(AccessEndedException.class, (e, ctx) -> error(ctx, 403, e.getMessage()));
        routes.exception(SignInRefusedException.class, (e, ctx) -> error(ctx, 401, e.getMessage()));
        routes.exception(TooManyAttemptsException.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
            error(ctx, 429, e.getMessage());
        });
        routes.exception(RateLimitedException.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            ctx.status(429).json(Map.of("error", e.getMessage(), "retry_after_seconds", e.retryAfterSeconds()));
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 413) {
                drainBody(ctx);
            }
            if (e.getStatus() == 405 && e.getDetails().containsKey("availableMethods")) {
                ctx.header("Allow", e.getDetails().get("availableMethods"));   // RFC 9110: a 405 names them
            }
            error(ctx, e.getStatus(), e.getMessage());
        });
        routes.exception(StoreException.class, (e, ctx) -> {
            Optional<String> refused = refusedValue(e);
            if (refused.isPresent()) {
                // a value the database will not keep (too long for its column, a byte it cannot encode): the
                // request's, not the store's, so a retry would fail the same way. Only the SQLSTATE is logged: the
                // database's message may quote the value.
                LOG.warn("the store refused a value of {} {}: SQLSTATE {}", ctx.method(), ctx.path(), refused.get());
                error(ctx, 400, "the request holds a value that cannot be stored");
                return;
            }
            LOG.error("store failure on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            error(ctx, 503, "temporarily unavailable, please retry");
        });
        routes.exception(Exception.class, (e, ctx) -> {
            OptionalInt sendersFault = malformedRequest(e);
            if (sendersFault.isPresent()) {
                error(ctx, sendersFault.getAsInt(), "the request could not be read (" + HttpStatus
                        .getMessage(sendersFault.getAsInt()) + ")");
                return;
            }
            LOG.error("unexpected failure on {} {}: {}", ctx.method(), ctx.path(), e.getClass().getName());
            error(ctx, 500, "internal error");
        });
        routes.error(404, "*", ctx -> error(ctx, 404, "not found"));
        routes.error(405, "*", ctx -> error(ctx, 405, "method not allowed"));
    }

    /** The SQLSTATE when the database refused a value itself: class 22, "data exception" (PostgreSQL). */
    static Optional<String> refusedValue(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /**
     * The status for a request whose framing the server could not read (a broken chunked body, a body cut off by
     * the sender): Jetty says so with an {@link HttpException} carrying a 4xx code, or an {@link EofException}.
     */
    static OptionalInt malformedRequest(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return OptionalInt.of(http.getCode());
            }
            if (t instanceof EofException) {
                return OptionalInt.of(400);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Reads and drops what is left of a body refused as too large (up to {@link #MAX_DRAIN_BYTES}): a client still
     * sending it would otherwise see the connection reset and never read the 413.
     */
    private static void drainBody(Context ctx) {
        byte[] buffer = new byte[8192];
        long left = MAX_DRAIN_BYTES;
        try {
            InputStream in = ctx.req().getInputStream();
            for (int n = in.read(buffer); n >= 0 && left > 0; n = in.read(buffer)) {
                left -= n;
            }
        } catch (IOException e) {
            LOG.debug("the sender of an over-limit body went away while it was drained: {}", e.getMessage());
        }
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message == null ? "error" : message));
    }
}
