package org.saath.store;

import java.time.Instant;

/** A stored turn as the labelling export sees it: redacted text and what the NLU said; no user reference. */
public record ExportRow(String turnId, Instant createdAt, String textRedacted, String intent, double confidence,
                        String risk, String language, String signals, boolean escalated) {
}
