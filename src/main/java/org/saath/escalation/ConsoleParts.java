package org.saath.escalation;

import java.time.Clock;

import org.saath.store.CannedReplyStore;
import org.saath.store.RequestOutcomes;

/** What the console and the partner API need beyond the desk: people, their view, retry safety, canned replies. */
public record ConsoleParts(Counsellors counsellors, ConsoleView view, RequestOutcomes outcomes,
                           CannedReplyStore cannedReplies, Clock clock) {
}
