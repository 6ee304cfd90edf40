package org.saath.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.saath.privacy.SealedAddress;
import org.saath.store.OutboxRow;

/**
 * An outbox row that sends a message to a person on a platform channel ({@code destination = channel},
 * {@code target} = the channel's name). The row carries the sealed address itself, so that a confirmation of
 * "delete my data" still reaches the person after their stored address is gone; once the row is finished its
 * payload is replaced by {@link #finishedPayload()}, which keeps neither the text nor the address.
 * {@code escalationId} is set on a counsellor's words and status notes (whose partner is told when the platform
 * refuses them); {@code windowFrom} is when the person wrote the message this replies to.
 */
public record ChannelDelivery(String channel, String userRef, SealedAddress address, Outbound message,
                              Optional<String> escalationId, Optional<Instant> windowFrom) {

    /** The outbox destination of messages to people on platform channels. */
    public static final String DESTINATION = "channel";

    private static final ObjectMapper JSON = new ObjectMapper();

    public OutboxRow row(String idempotencyKey, String conversationId, Instant at) {
        return new OutboxRow("ob-" + java.util.UUID.randomUUID(), idempotencyKey, conversationId, DESTINATION,
                channel, payload(message.partsSent()), "pending", 0, at, at);
    }

    /** This delivery's payload with {@code partsSent} parts of the message already sent. */
    public String payload(int partsSent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("user_ref", userRef);
        body.put("address", address.value());
        body.put("sender", message.sender());
        body.put("text", message.text());
        body.put("language", message.language());
        body.put("choices", message.choices());
        if (!message.question().isEmpty()) {
            body.put("question", message.question());
        }
        body.put("parts_sent", partsSent);
        escalationId.ifPresent(id -> body.put("escalation_id", id));
        windowFrom.ifPresent(at -> body.put("window_from", at.toString()));
        return json(body);
    }

    /** What a finished row keeps: who it was for (by reference) and by whom, no text, no address. */
    public String finishedPayload() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("user_ref", userRef);
        body.put("sender", message.sender());
        escalationId.ifPresent(id -> body.put("escalation_id", id));
        return json(body);
    }

    /** What a finished row kept ({@link #finishedPayload()}), read back. */
    public record Finished(String channel, String userRef, String sender, Optional<String> escalationId) {

        /** IllegalArgumentException when {@code row} is not a finished channel delivery. */
        public static Finished of(OutboxRow row) {
            try {
                JsonNode n = JSON.readTree(row.payload());
                return new Finished(n.get("channel").asText(), n.get("user_ref").asText(), n.get("sender").asText(),
                        Optional.ofNullable(n.get("escalation_id")).map(JsonNode::asText));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("outbox row " + row.id() + " is not a finished channel delivery",
                        e);
            }
        }
    }

    public static ChannelDelivery of(OutboxRow row) {
        try {
            JsonNode n = JSON.readTree(row.payload());
            List<String> choices = new java.util.ArrayList<>();
            n.path("choices").forEach(c -> choices.add(c.asText()));
            return new ChannelDelivery(n.get("channel").asText(), n.get("user_ref").asText(),
                    new SealedAddress(n.get("address").asText()), new Outbound(n.get("text").asText(),
                            n.get("sender").asText(), n.get("language").asText(), choices,
                            n.path("parts_sent").asInt(0), n.path("question").asText("")),
                    Optional.ofNullable(n.get("escalation_id")).map(JsonNode::asText),
                    Optional.ofNullable(n.get("window_from")).map(w -> Instant.parse(w.asText())));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("outbox row " + row.id() + " is not a channel delivery", e);
        }
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
