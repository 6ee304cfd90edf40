package org.saath.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers itself, before a request reaches a route (a malformed request line or header, broken
 * framing, a URI or header over the limit), as {@code {"error": "…"}} like every other refusal, instead of an HTML
 * page. The text is the status's standard reason only: Jetty's own message can quote what the sender wrote.
 */
public final class JsonErrorHandler extends ErrorHandler {

    /** Every method gets the JSON body, not only GET and POST (Jetty's default sends PUT and others none). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put("X-Content-Type-Options", "nosniff");
        return ByteBuffer.wrap(body(status));
    }

    static byte[] body(int status) {
        String reason = HttpStatus.getMessage(status).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "");
        return ("{\"error\":\"" + reason + "\"}").getBytes(StandardCharsets.US_ASCII);
    }
}
