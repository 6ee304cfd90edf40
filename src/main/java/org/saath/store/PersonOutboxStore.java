package org.saath.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How outbox rows to people on platform channels end: finished without keeping their text or sealed address (or,
 * once the person's data was deleted, without keeping the row at all), sent in parts with the progress recorded, or
 * refused by the platform with the partner and the console told. Like
 * {@link HandoffStore#attempted}, every change is made only by the node that holds the row's lease.
 */
public final class PersonOutboxStore {

    private final Database db;

    public PersonOutboxStore(Database db) {
        this.db = db;
    }

    /**
     * As {@link HandoffStore#attempted}, replacing the payload: a message to a person keeps neither its text nor its
     * sealed address once it is finished, and one sent in parts records its progress. False when the lease had
     * passed to another node meanwhile.
     */
    public boolean attempted(String id, String owner, String state, int attempts, Instant nextAttemptAt, String error,
                             String payload) {
        return db.write(sql -> {
            if (!state.equals("pending") && forgotten(sql, id, owner)) {
                return true;
            }
            return sql.update("UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, "
                    + "payload = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?", state,
                    attempts, nextAttemptAt, shortened(error), payload, id, owner) == 1;
        });
    }

    /**
     * A finished row whose person's data was deleted meanwhile (the confirmation of "delete my data" itself) goes
     * altogether: even its stripped payload names the person by reference. True when it went.
     */
    private static boolean forgotten(Sql sql, String id, String owner) throws SQLException {
        return sql.update("DELETE FROM outbox WHERE id = ? AND lease_owner = ? AND NOT EXISTS (SELECT 1 "
                + "FROM conversations c WHERE c.id = outbox.conversation_id)", id, owner) == 1;
    }

    /**
     * A message the platform would not take for the person (outside WhatsApp's 24-hour window, a blocked bot, still
     * failing after the last attempt), in one transaction: the row ends {@code undelivered} with the reason,
     * {@code notices} are queued (the partner is told), and the reason is kept beside the person's messages, where
     * the console shows it. It takes the conversation's lock like a unit of work ({@link Conversations}), so the
     * note is numbered in order with the counsellor's messages. False (and nothing written) when the lease had
     * passed to another node.
     */
    public boolean undelivered(OutboxRow row, String owner, int attempts, Instant at, String reason,
                               String strippedPayload, List<OutboxRow> notices, ConversationKey person) {
        return db.write(sql -> {
            if (sql.dialect() == Database.Dialect.POSTGRESQL) {
                sql.execute("SELECT pg_advisory_xact_lock(?)", person.lockId());
            }
            if (forgotten(sql, row.id(), owner)) {
                for (OutboxRow notice : notices) {
                    EscalationSql.enqueue(sql, notice);
                }
                return true;        // nothing is kept for a person whose data was deleted
            }
            if (sql.update("UPDATE outbox SET state = 'undelivered', attempts = ?, next_attempt_at = ?, "
                    + "last_error = ?, payload = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? "
                    + "AND lease_owner = ? AND state = 'pending'", attempts, at, shortened(reason), strippedPayload,
                    row.id(), owner) != 1) {
                return false;
            }
            for (OutboxRow notice : notices) {
                EscalationSql.enqueue(sql, notice);
            }
            EscalationSql.keepForPerson(sql, person, new ConversationTx.PersonMessage("undelivered", reason, "saath",
                    Optional.empty()), at);
            return true;
        });
    }

    private static String shortened(String text) {
        return text == null ? null : text.substring(0, Math.min(200, text.length()));
    }
}
