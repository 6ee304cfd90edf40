package org.saath.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.saath.channel.Address;
import org.saath.channel.Channel;
import org.saath.channel.ChannelDelivery;
import org.saath.channel.Channels;
import org.saath.channel.DeliveryReceipts;
import org.saath.channel.SendResult;
import org.saath.escalation.Notifications;
import org.saath.privacy.AddressCipher;
import org.saath.privacy.UserRefHasher;
import org.saath.store.AddressStore;
import org.saath.store.ConversationKey;
import org.saath.store.HandoffStore;
import org.saath.store.OutboxRow;
import org.saath.store.PersonOutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox rows to people on platform channels: opens the sealed address, asks the channel to send, and records
 * the outcome. A failure that may pass is retried with backoff (a message sent in parts resumes after the parts
 * that went); a finished row keeps neither text nor address. A counsellor's words or a status note that the
 * platform will not take (outside WhatsApp's 24-hour window, a blocked bot) are never dropped silently: the
 * partner holding the escalation is told through its webhook and the console shows why.
 */
public final class PersonDelivery implements DeliveryReceipts {

    private static final Logger LOG = LoggerFactory.getLogger(PersonDelivery.class);

    private final Channels channels;
    private final AddressCipher cipher;
    private final AddressStore addresses;
    private final PersonOutboxStore rows;
    private final HandoffStore handoffs;
    private final UserRefHasher hasher;
    private final Clock clock;

    public PersonDelivery(Channels channels, AddressCipher cipher, AddressStore addresses, PersonOutboxStore rows,
                          HandoffStore handoffs, UserRefHasher hasher, Clock clock) {
        this.channels = channels;
        this.cipher = cipher;
        this.addresses = addresses;
        this.rows = rows;
        this.handoffs = handoffs;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** How one try of a row to a person ended, as the metrics name it. */
    enum Outcome {
        /** The platform took it. */
        DELIVERED("delivered"),
        /** Given up: refused by the platform, outside its messaging window, or out of attempts (the partner is told). */
        UNDELIVERED("undelivered"),
        /** Not a channel delivery at all. */
        DEAD("dead"),
        /** Tried again later. */
        FAILED("failed");

        final String code;

        Outcome(String code) {
            this.code = code;
        }

        /** Whether the row is done with, one way or the other. */
        boolean finished() {
            return this != FAILED;
        }
    }

    /**
     * Tries one row that {@code owner} holds the lease of. Every outcome is recorded only while the lease is still
     * the owner's.
     */
    Outcome deliver(OutboxRow row, String owner, Backoff backoff) {
        Instant now = clock.instant();
        ChannelDelivery delivery;
        try {
            delivery = ChannelDelivery.of(row);
        } catch (IllegalArgumentException e) {
            LOG.warn("outbox row {} is not a channel delivery; dead-lettered", row.id());
            rows.attempted(row.id(), owner, "dead", row.attempts() + 1, now, "unreadable payload", "{}");
            return Outcome.DEAD;
        }
        SendResult result = send(delivery, row);
        if (result instanceof SendResult.Retry retry) {
            return retry(row, owner, delivery, retry, backoff, now);
        }
        if (result instanceof SendResult.Refused refused) {
            undelivered(row, owner, delivery, "not delivered: " + refused.reason(), now);
            return Outcome.UNDELIVERED;
        }
        if (result instanceof SendResult.OutsideWindow outside) {
            undelivered(row, owner, delivery, "not delivered: " + outside.reason(), now);
            return Outcome.UNDELIVERED;
        }
        List<String> sentAs = ((SendResult.Sent) result).platformIds().stream()
                .map(id -> hasher.sentKey(delivery.channel(), id)).toList();
        rows.delivered(row, owner, row.attempts() + 1, now, delivery.finishedPayload(), sentAs);
        return Outcome.DELIVERED;
    }

    /**
     * A message that went, which the platform now says did not reach the person: undelivered after all, with the
     * partner holding the conversation and the console told (a counsellor's words must not vanish in silence). A
     * receipt for a message Saath does not know or has already handled changes nothing.
     */
    @Override
    public void failed(String channel, String platformId, String reason) {
        Optional<OutboxRow> row = rows.deliveredAs(hasher.sentKey(channel, platformId));
        if (row.isEmpty()) {
            return;
        }
        ChannelDelivery.Finished sent = ChannelDelivery.Finished.of(row.get());
        Instant now = clock.instant();
        String why = "not delivered: " + reason;
        if (rows.undeliveredAfterAll(row.get(), now, why, notices(sent.escalationId(), sent.sender(), why,
                row.get().id(), now), new ConversationKey(sent.channel(), sent.userRef()))) {
            LOG.warn("outbox delivery {} on {} failed after it was sent", row.get().id(), channel);
        }
    }

    private SendResult send(ChannelDelivery delivery, OutboxRow row) {
        Optional<Channel> channel = channels.byName(delivery.channel());
        if (channel.isEmpty()) {
            return new SendResult.Retry("channel " + delivery.channel() + " is not configured",
                    delivery.message().partsSent());
        }
        String address;
        try {
            address = cipher.open(delivery.address(), delivery.channel(), delivery.userRef());
        } catch (IllegalArgumentException e) {
            return new SendResult.Refused("the address does not open with this deployment's address key");
        }
        Optional<Instant> lastInbound = addresses.find(delivery.channel(), delivery.userRef())
                .map(AddressStore.Kept::lastInbound);
        Optional<Instant> windowFrom = delivery.windowFrom().filter(w -> lastInbound.map(w::isAfter).orElse(true))
                .or(() -> lastInbound);
        try {
            return channel.get().send(new Address(address, windowFrom), delivery.message());
        } catch (RuntimeException e) {
            LOG.warn("sending outbox row {} on {} failed: {}", row.id(), delivery.channel(), e.getClass().getName());
            return new SendResult.Retry(e.getClass().getSimpleName(), delivery.message().partsSent());
        }
    }

    private Outcome retry(OutboxRow row, String owner, ChannelDelivery delivery, SendResult.Retry retry,
                          Backoff backoff, Instant now) {
        int attempts = row.attempts() + 1;
        Optional<Instant> next = backoff.next(attempts, now, retry.after());
        if (next.isEmpty()) {
            LOG.warn("outbox delivery {} on {} is dead after {} attempts: {}", row.id(), delivery.channel(),
                    attempts, retry.reason());
            undelivered(row, owner, delivery, "not delivered after " + attempts + " attempts: " + retry.reason(),
                    now);
            return Outcome.UNDELIVERED;
        }
        rows.attempted(row.id(), owner, "pending", attempts, next.get(), retry.reason(),
                delivery.payload(retry.partsSent()));
        return Outcome.FAILED;
    }

    /** Records that the person did not get it; a counsellor's or status message also tells the partner. */
    private void undelivered(OutboxRow row, String owner, ChannelDelivery delivery, String reason, Instant now) {
        rows.undelivered(row, owner, row.attempts() + 1, now, reason, delivery.finishedPayload(),
                notices(delivery.escalationId(), delivery.message().sender(), reason, row.id(), now),
                new ConversationKey(delivery.channel(), delivery.userRef()));
    }

    /** The partner holding the escalation a counsellor's or status message belonged to is told (none otherwise). */
    private List<OutboxRow> notices(Optional<String> escalationId, String sender, String reason, String rowId,
                                    Instant now) {
        return escalationId.flatMap(handoffs::escalation).filter(e -> e.partnerId() != null)
                .map(e -> List.of(Notifications.undelivered(e.partnerId(), e.id(), e.conversationId(), sender,
                        reason, rowId, now)))
                .orElse(List.of());
    }
}
