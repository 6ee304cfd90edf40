package org.saath.channel;

/**
 * Where a platform channel reports that a message it had taken did not reach the person after all (WhatsApp's
 * {@code failed} status receipt, Twilio's {@code failed} or {@code undelivered} status callback, which can come
 * minutes after the send was accepted). The outbox finds the message
 * by the id the platform gave it ({@link SendResult.Sent#platformIds()}) and treats it as undelivered: the partner
 * holding the conversation and the console are told, as when the platform refuses a message at once.
 */
public interface DeliveryReceipts {

    /**
     * The message {@code platformId} sent on {@code channel} did not reach the person, for {@code reason} (the
     * platform's code and words, never the person's). A receipt for a message Saath does not know, or one already
     * handled, changes nothing.
     */
    void failed(String channel, String platformId, String reason);
}
