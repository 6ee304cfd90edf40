package org.saath.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The first outcome of each request a partner sent with an idempotency key. {@link #begin} claims the key with a
 * unique insert, so two copies of one request racing each other act once (on any node): the second sees the first's
 * outcome, or that it is still in progress. A key is bound to its call and to the SHA-256 of its body: a repeat that
 * differs in either is refused, never answered with the first outcome. Kept for a day ({@link #deleteBefore}).
 */
public final class RequestOutcomes {

    /**
     * An HTTP outcome: status and JSON body; {@code replayed} when it is the first request's outcome answered again
     * (not a refusal of the repeat itself).
     */
    public record Outcome(int status, String body, boolean replayed) {

        /** An outcome as the first request with a key answered it. */
        public Outcome(int status, String body) {
            this(status, body, false);
        }
    }

    private final Database db;

    public RequestOutcomes(Database db) {
        this.db = db;
    }

    /**
     * Claims {@code key} for {@code request} (method and path) with a body whose SHA-256 is {@code bodySha256};
     * empty when this is its first use (go ahead, then {@link #finish}). Otherwise what to answer: the first outcome
     * ({@link Outcome#replayed}), 409 while the first is still in progress, or 422 when the key was used for another
     * call or with another body. A row kept from before bodies were hashed (no hash) is compared by its call only.
     */
    public Optional<Outcome> begin(String partnerId, String key, String request, String bodySha256, Instant now) {
        return db.write(sql -> {
            if (sql.update("INSERT INTO request_outcomes (partner_id, idempotency_key, request, body_sha256, status, "
                    + "body, created_at) VALUES (?, ?, ?, ?, NULL, NULL, ?) ON CONFLICT DO NOTHING", partnerId, key,
                    request, bodySha256, now) == 1) {
                return Optional.<Outcome>empty();
            }
            return sql.one("SELECT request, body_sha256, status, body FROM request_outcomes WHERE partner_id = ? "
                    + "AND idempotency_key = ?", rs -> {
                        if (!rs.getString(1).equals(request)) {
                            return refusal("this Idempotency-Key was used for another request");
                        }
                        String firstBody = rs.getString(2);
                        if (firstBody != null && !firstBody.equals(bodySha256)) {
                            return refusal("this Idempotency-Key was used with another body; nothing was done: "
                                    + "send a new request with a new key");
                        }
                        int status = rs.getInt(3);
                        return rs.wasNull() ? new Outcome(409, "{\"error\":\"the same request is still in "
                                + "progress; retry in a moment\"}") : new Outcome(status, rs.getString(4), true);
                    }, partnerId, key)
                    .or(() -> Optional.of(new Outcome(409, "{\"error\":\"retry in a moment\"}")));
        });
    }

    private static Outcome refusal(String reason) {
        return new Outcome(422, "{\"error\":\"" + reason + "\"}");
    }

    /** Records the outcome of a claimed key. */
    public void finish(String partnerId, String key, Outcome outcome) {
        db.write(sql -> sql.update("UPDATE request_outcomes SET status = ?, body = ? WHERE partner_id = ? "
                + "AND idempotency_key = ?", outcome.status(), outcome.body(), partnerId, key));
    }

    /** Releases a claimed key whose request failed on our side (5xx), so that a retry can act. */
    public void abandon(String partnerId, String key) {
        db.write(sql -> sql.update("DELETE FROM request_outcomes WHERE partner_id = ? AND idempotency_key = ? "
                + "AND status IS NULL", partnerId, key));
    }

    public int deleteBefore(Instant before) {
        return db.write(sql -> sql.update("DELETE FROM request_outcomes WHERE created_at < ?", before));
    }
}
