package org.saath.channel.whatsapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.saath.web.BadRequestException;

/**
 * Reads a WhatsApp Cloud API webhook: every entry, every change and every message in it (Meta batches them), not
 * only the first. Text, button and list replies are text; a voice note, picture, sticker, document, location or
 * message type Saath does not know is media (with its caption where it has one); reactions are skipped. Status
 * receipts (sent, delivered, read, failed) carry Saath's own outgoing message ids, so they are counted and never
 * taken for something a person wrote; a {@code failed} one is handed on with its id and Meta's reason.
 */
final class WhatsAppPayload {

    /** One message a person sent. */
    record Incoming(String from, String id, Instant at, String text, boolean media, boolean forwarded) {
    }

    /** A {@code failed} status receipt: Saath's message {@code id} did not reach the person, for {@code reason}. */
    record Failed(String id, String reason) {
    }

    /** What the webhook held: the people's messages, how many status receipts came with them, and the failures. */
    record Parsed(List<Incoming> messages, int statuses, List<Failed> failed) {
    }

    private WhatsAppPayload() {
    }

    /**
     * The webhook's messages to {@code phoneNumberId}, Saath's own business number. Meta calls one webhook URL for
     * every number of the app: a message to another number (Meta's test number, another service's) is skipped,
     * never answered from Saath's number, which the sender never wrote to.
     */
    static Parsed parse(JsonNode root, Instant now, String phoneNumberId) {
        if (root == null || !root.isObject()) {
            throw new BadRequestException("body must be a JSON object");
        }
        List<Incoming> messages = new ArrayList<>();
        int statuses = 0;
        List<Failed> failed = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                String to = value.path("metadata").path("phone_number_id").asText("");
                if (!to.isEmpty() && !to.equals(phoneNumberId)) {
                    continue;
                }
                for (JsonNode message : value.path("messages")) {
                    incoming(message, now).ifPresent(messages::add);
                }
                for (JsonNode status : value.path("statuses")) {
                    statuses++;
                    failed(status).ifPresent(failed::add);
                }
            }
        }
        return new Parsed(messages, statuses, failed);
    }

    /**
     * A {@code failed} receipt, with Meta's first error as the reason ("error 131049: This message was not
     * delivered…", Meta's words, at most 120 characters of them); empty for any other status.
     */
    private static Optional<Failed> failed(JsonNode status) {
        String id = status.path("id").asText("");
        if (!"failed".equals(status.path("status").asText()) || id.isBlank() || id.length() > 200) {
            return Optional.empty();
        }
        JsonNode error = status.path("errors").path(0);
        String title = error.path("title").asText("").replaceAll("\\s+", " ").strip();
        String reason = "WhatsApp reported it failed" + (error.has("code") ? ", error " + error.path("code").asInt()
                : "") + (title.isEmpty() ? "" : ": " + title.substring(0, Math.min(120, title.length())));
        return Optional.of(new Failed(id, reason));
    }

    private static Optional<Incoming> incoming(JsonNode m, Instant now) {
        String id = m.path("id").asText("");
        String from = m.path("from").asText("");
        String type = m.path("type").asText("");
        if (id.isBlank() || from.isBlank() || id.length() > 200 || from.length() > 32 || type.equals("reaction")) {
            return Optional.empty();
        }
        Instant at = now;
        if (m.path("timestamp").asText("").matches("\\d{1,12}")) {
            at = Instant.ofEpochSecond(Long.parseLong(m.path("timestamp").asText()));
        }
        Optional<String> text = switch (type) {
            case "text" -> Optional.of(m.path("text").path("body").asText(""));
            case "button" -> Optional.of(m.path("button").path("text").asText(""));
            case "interactive" -> Optional.of(m.path("interactive").path("button_reply").path("title")
                    .asText(m.path("interactive").path("list_reply").path("title").asText("")));
            default -> Optional.empty();
        };
        boolean forwarded = m.path("context").path("forwarded").asBoolean(false)
                || m.path("context").path("frequently_forwarded").asBoolean(false);
        if (text.filter(t -> !t.isBlank()).isPresent()) {
            return Optional.of(new Incoming(from, id, at, text.get(), false, forwarded));
        }
        return Optional.of(new Incoming(from, id, at, m.path(type).path("caption").asText(""), true, forwarded));
    }
}
