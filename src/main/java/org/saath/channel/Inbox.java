package org.saath.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.saath.dialogue.FloodGate;
import org.saath.privacy.AddressCipher;
import org.saath.privacy.SealedAddress;
import org.saath.privacy.UserRefHasher;
import org.saath.store.MessageIdReusedException;

/**
 * Where platform channels hand what a person wrote: past the per-sender flood limit ({@link FloodGate}: over it,
 * {@code RateLimitedException}, 429 with {@code Retry-After}, which the platforms honour, and nothing stored), the
 * address to reply to is sealed, then the turn runs: in its own unit of work it keeps the sealed address (with when
 * the person wrote, for messaging windows) and queues its replies in the outbox to it. Returns once that is
 * committed, so the webhook may answer 200; a platform's redelivery changes nothing.
 */
public final class Inbox {

    private final FloodGate floodGate;
    private final AddressCipher cipher;
    private final UserRefHasher hasher;
    private final DeliveryReceipts receipts;
    private final Clock clock;

    public Inbox(FloodGate floodGate, AddressCipher cipher, UserRefHasher hasher,
                 DeliveryReceipts receipts, Clock clock) {
        this.floodGate = floodGate;
        this.cipher = cipher;
        this.hasher = hasher;
        this.receipts = receipts;
        this.clock = clock;
    }

    /** A message the platform had taken did not reach the person (see {@link DeliveryReceipts}). */
    public void failed(String channel, String platformId, String reason) {
        receipts.failed(channel, platformId, reason);
    }

    /**
     * Handles one message from a platform channel.
     *
     * @param address where replies go, in the platform's form (never stored in clear)
     * @param wroteAt when the person wrote it, as the platform says (a time in the future counts as now)
     */
    public TurnResult accept(InboundMessage message, String address, Instant wroteAt) {
        return accept(message, Optional.of(address), wroteAt);
    }

    /**
     * Handles a message that must get no reply on its platform (an SMS "STOP": the carrier's opt-out, after which
     * nothing may be sent, webhooks.md 3.4): the turn runs (an open escalation ends, its partner is told) and its
     * replies are queued nowhere.
     */
    public TurnResult acceptUnanswered(InboundMessage message) {
        return accept(message, Optional.empty(), clock.instant());
    }

    private TurnResult accept(InboundMessage message, Optional<String> address, Instant wroteAt) {
        // a redelivered message gets its first answer and is not counted against its sender again (FloodGate)
        if (address.isEmpty()) {
            return handle(message);
        }
        String userRef = hasher.hash(message.channel(), message.userId());
        Instant now = clock.instant();
        SealedAddress sealed = cipher.seal(address.get(), message.channel(), userRef);
        return handle(message.replyingTo(sealed, wroteAt.isAfter(now) ? now : wroteAt));
    }

    /**
     * A platform's id answered before for another text is another message, not a redelivery (Telegram chooses an
     * update's id at random after a week without updates, so one may meet an id still remembered): it is handled
     * under an id of its own, made from the platform's and the text, which a redelivery of it makes again.
     */
    private TurnResult handle(InboundMessage message) {
        try {
            return floodGate.handle(message);
        } catch (MessageIdReusedException e) {
            String userRef = hasher.hash(message.channel(), message.userId());
            return floodGate.handle(message.storedAs(message.messageId() + "#"
                    + hasher.textKey(message.channel(), userRef, message.text()).substring(0, 16)));
        }
    }
}
