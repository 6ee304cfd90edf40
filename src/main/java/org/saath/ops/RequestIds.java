package org.saath.ops;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.javalin.http.Context;
import org.slf4j.MDC;

/**
 * Gives every HTTP request an id: the caller's {@code X-Request-Id} when it is a plain token (letters, digits,
 * {@code . _ -}, 8–64 characters), else a new one. It goes into the logging context as {@code request_id} (so every
 * log line of the request carries it) and back in the response's {@code X-Request-Id} header. A new id only ties
 * lines together, it guards nothing: it is drawn from the thread's own random numbers, not from the shared
 * {@code SecureRandom} behind {@link UUID#randomUUID()}, on whose lock request threads queued.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {
    }

    public static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && PLAIN.matcher(given).matches() ? given : newId();
        MDC.put(MDC_KEY, id);
        ctx.header(HEADER, id);
    }

    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
