package org.saath.web;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.javalin.http.Context;

/**
 * A sender's JSON body, read the one way the message, partner and console endpoints share: bounded before it is read
 * (413), a JSON object (400), its text fields present, non-empty, bounded and storable (400 naming the field). Where a
 * body may be left out, one that is sent is held to the same rules: a wrongly typed field is refused, never read as
 * missing.
 */
public final class JsonBody {

    /**
     * Strict, for what senders write (never for our own files): one value and nothing after it, each key once. Lax
     * parsing answered {@code {"text":"hi","text":"I want to kill myself"}} by its last key, which another reader
     * of the same bytes (a proxy, a log) may take by its first.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonBody() {
    }

    /** The body's bytes, refused with a 413 when the declared or the actual length is over {@code maxBytes}. */
    public static byte[] bytes(Context ctx, int maxBytes) {
        if (ctx.contentLength() > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        return body;
    }

    /** The body as a JSON object. */
    public static JsonNode object(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw new BadRequestException("body is not valid JSON: one object, each key once, nothing after it");
        }
        if (node == null || !node.isObject()) {
            throw new BadRequestException("body must be a JSON object");
        }
        return node;
    }

    /** A body that may be left out: empty when it is (no bytes, or only whitespace); else as {@link #object}. */
    public static Optional<JsonNode> optionalObject(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return Optional.of(object(body));
            }
        }
        return Optional.empty();
    }

    /**
     * An optional text field: empty when absent, {@code null} or blank; a 400 naming the field when it holds anything
     * but a string; refused when not {@link #storable}.
     */
    public static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new BadRequestException("'" + field + "' must be a string");
        }
        return value.asText().isBlank() ? Optional.empty() : Optional.of(storable(field, value.asText()));
    }

    /** A required, non-blank text field of at most {@code maxLength} characters. */
    public static String requiredText(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new BadRequestException("'" + field + "' is required");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new BadRequestException("'" + field + "' must be a non-empty string");
        }
        if (value.asText().length() > maxLength) {
            throw new BadRequestException("'" + field + "' is longer than " + maxLength + " characters");
        }
        return storable(field, value.asText());
    }

    /**
     * {@code value}, refused (400 naming the field) when it holds a NUL character, which PostgreSQL cannot store
     * (the turn would fail with a 503, inviting the sender to retry the same message forever), or half of a
     * surrogate pair, which UTF-8 cannot encode (two different ids would hash alike).
     */
    public static String storable(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new BadRequestException("'" + field + "' must not contain the NUL character");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new BadRequestException("'" + field + "' must not contain half of a surrogate pair");
            }
        }
        return value;
    }
}
