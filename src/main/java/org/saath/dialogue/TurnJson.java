package org.saath.dialogue;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.saath.channel.TurnResult;

/** A turn's answer as it is stored with its message id, so that a repeated delivery gets the same answer. */
final class TurnJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TurnJson() {
    }

    static String write(TurnResult result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TurnResult read(String json) {
        try {
            return JSON.readValue(json, TurnResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
