package org.saath.escalation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.saath.store.OutboxRow;

/**
 * What partners are told, as outbox rows. Without the person's consent a partner gets risk, topic, language and
 * a conversation reference, never what the person wrote; once a counsellor holds the conversation, the person's
 * new messages are relayed to that counsellor, redacted.
 *
 * <p>Each row's idempotency key ({@code X-Saath-Delivery}) is built here from our own ids and, where the sender
 * chose one (a message id), from its SHA-256, never its text: a newline or an Urdu letter in a header makes the
 * HTTP client refuse the delivery. A key that is still not header-safe is replaced by its hash.
 */
public final class Notifications {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What an idempotency key may hold: it travels in the {@code X-Saath-Delivery} header and in logs. */
    private static final Pattern HEADER_SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    private Notifications() {
    }

    /**
     * The escalation is offered to {@code partnerId}; {@code version} is the escalation's version with this offer, so
     * that an offer that comes back to a partner (it transferred the escalation, the next one let it lapse) is a new
     * delivery rather than a clash with the first one's key.
     */
    public static OutboxRow offered(String partnerId, String escalationId, String conversationId, String risk,
                                    String topic, String language, int version, Instant at) {
        Map<String, Object> body = event("escalation.offered", escalationId, at);
        body.put("conversation_ref", conversationId);
        body.put("risk", risk);
        body.put("topic", topic);
        body.put("language", language);
        return row(partnerId, escalationId + ":offered:" + partnerId + ":v" + version, conversationId, body, at);
    }

    public static OutboxRow userMessage(String partnerId, String escalationId, String conversationId,
                                        String messageId, String textRedacted, String risk, Instant at) {
        Map<String, Object> body = event("conversation.user_message", escalationId, at);
        body.put("text", textRedacted);
        body.put("risk", risk);
        return row(partnerId, escalationId + ":user:" + PartnerDirectory.sha256(messageId).substring(0, 32),
                conversationId, body, at);
    }

    /**
     * The escalation ended without the partner: {@code by} the person ({@code reason}: {@code ended_chat},
     * {@code stopped}, {@code data_deleted}) or by Saath ({@code retention}). {@code orderKey} orders it among the
     * conversation's deliveries: the conversation id, or the escalation id once nothing about the person is kept.
     */
    public static OutboxRow ended(String partnerId, String escalationId, String orderKey, String by, String reason,
                                  Instant at) {
        Map<String, Object> body = event("escalation.resolved", escalationId, at);
        body.put("by", by);
        body.put("reason", reason);
        return row(partnerId, escalationId + ":resolved", orderKey, body, at);
    }

    /**
     * A message for the person that their platform would not take (outside WhatsApp's 24-hour window, with no
     * template configured): the partner holding the escalation is told, so the counsellor can reach them another way.
     */
    public static OutboxRow undelivered(String partnerId, String escalationId, String conversationId, String sender,
                                        String reason, String deliveryKey, Instant at) {
        Map<String, Object> body = event("person.message_undelivered", escalationId, at);
        body.put("conversation_ref", conversationId);
        body.put("sender", sender);
        body.put("reason", reason);
        return row(partnerId, escalationId + ":undelivered:" + deliveryKey, conversationId, body, at);
    }

    /**
     * A message for a person on the generic channel (a counsellor's words, a status note), for the deployment's
     * callback. The escalation id, which the person's client got in its earlier response, says whose it is.
     */
    public static OutboxRow forPerson(String escalationId, String conversationId, String sender, String text,
                                      Instant at) {
        Map<String, Object> body = event("person.message", escalationId, at);
        body.put("sender", sender);
        body.put("text", text);
        return row("generic", escalationId + ":person:" + UUID.randomUUID(), conversationId, body, at, "callback");
    }

    private static Map<String, Object> event(String type, String escalationId, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", type);
        body.put("escalation_id", escalationId);
        body.put("at", at.toString());
        return body;
    }

    private static OutboxRow row(String partnerId, String key, String conversationId, Map<String, Object> body,
                                 Instant at) {
        return row(partnerId, key, conversationId, body, at, "partner");
    }

    private static OutboxRow row(String target, String naturalKey, String conversationId, Map<String, Object> body,
                                 Instant at, String destination) {
        String key = HEADER_SAFE.matcher(naturalKey).matches() ? naturalKey
                : "k-" + PartnerDirectory.sha256(naturalKey);
        body.put("delivery_id", key);
        try {
            return new OutboxRow("ob-" + UUID.randomUUID(), key, conversationId, destination, target,
                    JSON.writeValueAsString(body), "pending", 0, at, at);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
