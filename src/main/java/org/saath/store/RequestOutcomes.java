package org.saath.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The first outcome of each request a partner sent with an idempotency key. {@link #begin} claims the key with a
 * unique insert, so two copies of one request racing each other act once (on any node): the second sees the first's
 * outcome, or that it is still in progress. Kept for a day ({@link #deleteBefore}).
 */
public final class RequestOutcomes {

    /** An HTTP outcome as it was answered: status and JSON body. */
    public record Outcome(int status, String body) {
    }

    private final Database db;

    public RequestOutcomes(Database db) {
        this.db = db;
    }

    /**
     * Claims {@code key} for {@code request}; empty when this is its first use (go ahead, then {@link #finish}).
     * Otherwise what to answer: the first outcome, 409 while the first is still in progress, or 422 when the key
     * was used for a different request.
     */
    public Optional<Outcome> begin(String partnerId, String key, String request, Instant now) {
        return db.write(sql -> {
            if (sql.update("INSERT INTO request_outcomes (partner_id, idempotency_key, request, status, body, "
                    + "created_at) VALUES (?, ?, ?, NULL, NULL, ?) ON CONFLICT DO NOTHING", partnerId, key, request,
                    now) == 1) {
                return Optional.<Outcome>empty();
            }
            return sql.one("SELECT request, status, body FROM request_outcomes WHERE partner_id = ? "
                    + "AND idempotency_key = ?", rs -> {
                        if (!rs.getString(1).equals(request)) {
                            return new Outcome(422, "{\"error\":\"this Idempotency-Key was used for another "
                                    + "request\"}");
                        }
                        int status = rs.getInt(2);
                        return rs.wasNull() ? new Outcome(409, "{\"error\":\"the same request is still in "
                                + "progress; retry in a moment\"}") : new Outcome(status, rs.getString(3));
                    }, partnerId, key)
                    .or(() -> Optional.of(new Outcome(409, "{\"error\":\"retry in a moment\"}")));
        });
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
