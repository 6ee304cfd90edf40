package org.saath.web;

import io.javalin.http.Context;

/**
 * Query parameters read the one way the APIs share: a refusal is a 400 naming the parameter and saying what is
 * wrong with it, never "required" for one that was sent but could not be decoded, never "not a number" for a number
 * too large to use.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /**
     * The parameter's decoded value; {@code null} when absent; a 400 naming it when it was sent but cannot be decoded
     * (a {@code %} that starts no escape, such as {@code country=%ZZ}), which the server drops without a word.
     */
    public static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null && named(ctx.queryString(), name)) {
            throw new BadRequestException("'" + name + "' cannot be read: a '%' must start an escape such as %2B");
        }
        return value;
    }

    /** A sequence number such as {@code after=N}: 0 when absent; a 400 naming it unless a whole number 0 or more. */
    public static long sequence(Context ctx, String name) {
        String value = text(ctx, name);
        if (value == null) {
            return 0;
        }
        if (!value.matches("[0-9]+")) {
            throw new BadRequestException("'" + name + "' must be a number, 0 or more");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException("'" + name + "' is too large, at most " + Long.MAX_VALUE);
        }
    }

    /**
     * Refuses any query parameter on a call that takes none, naming it: a filter a client believes it set
     * ({@code ?state=offered}, {@code ?limit=10}) is not silently ignored.
     */
    public static void none(Context ctx) {
        ctx.queryParamMap().keySet().stream().findFirst().ifPresent(name -> {
            throw new BadRequestException((name.matches("[A-Za-z0-9_.-]{1,40}") ? "'" + name + "'" : "the parameter")
                    + " is not a parameter of this call, which takes none");
        });
    }

    /** Whether the raw query has a parameter called {@code name} (our names never need escaping). */
    private static boolean named(String query, String name) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if ((equals < 0 ? pair : pair.substring(0, equals)).equals(name)) {
                return true;
            }
        }
        return false;
    }
}
