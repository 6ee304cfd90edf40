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
     * The row went: it is finished as {@link #attempted} does, and the keyed hashes of the ids the platform gave its
     * parts ({@code sentRefs}) are kept, so that a later receipt saying one failed finds the row
     * ({@link #deliveredAs}). False when the lease had passed to another node meanwhile.
     */
    public boolean delivered(OutboxRow row, String owner, int attempts, Instant at, String payload,
                             List<String> sentRefs) {
        return db.write(sql -> {
            if (forgotten(sql, row.id(), owner)) {
                return true;
            }
            if (sql.update("UPDATE outbox SET state = 'delivered', attempts = ?, next_attempt_at = ?, "
                    + "last_error = NULL, payload = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? "
                    + "AND lease_owner = ?", attempts, at, payload, row.id(), owner) != 1) {
                return false;
            }
            for (String ref : sentRefs) {
                sql.update("INSERT INTO outbox_sent (sent_ref, outbox_id, conversation_id, created_at) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", ref, row.id(), row.conversationId(), at);
            }
            return true;
        });
    }

    /** The delivered row one of whose parts the platform named {@code sentRef} (its keyed hash), if any. */
    public Optional<OutboxRow> deliveredAs(String sentRef) {
        return db.read(sql -> sql.one("SELECT " + HandoffStore.OUTBOX_COLUMNS + " FROM outbox o JOIN outbox_sent s "
                + "ON s.outbox_id = o.id WHERE s.sent_ref = ? AND o.state = 'delivered'", HandoffStore::outboxRow,
                sentRef));
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
            lockPerson(sql, person);
            if (forgotten(sql, row.id(), owner)) {
                for (OutboxRow notice : notices) {
                    EscalationSql.enqueue(sql, notice);
                }
                return true;        // nothing is kept for a person whose data was deleted
            }
            return sql.update("UPDATE outbox SET state = 'undelivered', attempts = ?, next_attempt_at = ?, "
                    + "last_error = ?, payload = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? "
                    + "AND lease_owner = ? AND state = 'pending'", attempts, at, shortened(reason), strippedPayload,
                    row.id(), owner) == 1 && told(sql, notices, person, reason, at);
        });
    }

    /**
     * A row that went, which the platform reports later did not reach the person after all: as {@link #undelivered}
     * (the row ends {@code undelivered}, the partner and the console are told), once: false (and nothing written)
     * when it is no longer {@code delivered} (already handled, or gone with the person's data).
     */
    public boolean undeliveredAfterAll(OutboxRow row, Instant at, String reason, List<OutboxRow> notices,
                                       ConversationKey person) {
        return db.write(sql -> {
            lockPerson(sql, person);
            return sql.update("UPDATE outbox SET state = 'undelivered', last_error = ? WHERE id = ? "
                    + "AND state = 'delivered'", shortened(reason), row.id()) == 1
                    && told(sql, notices, person, reason, at);
        });
    }

    /** Takes the conversation's lock like a unit of work, so a note is numbered in order with the messages. */
    private static void lockPerson(Sql sql, ConversationKey person) throws SQLException {
        if (sql.dialect() == Database.Dialect.POSTGRESQL) {
            sql.execute("SELECT pg_advisory_xact_lock(?)", person.lockId());
        }
    }

    /** Queues {@code notices} and keeps the reason beside the person's messages, where the console shows it. */
    private static boolean told(Sql sql, List<OutboxRow> notices, ConversationKey person, String reason, Instant at)
            throws SQLException {
        for (OutboxRow notice : notices) {
            EscalationSql.enqueue(sql, notice);
        }
        EscalationSql.keepForPerson(sql, person, new ConversationTx.PersonMessage("undelivered", reason, "saath",
                Optional.empty()), at);
        return true;
    }

    private static String shortened(String text) {
        return text == null ? null : text.substring(0, Math.min(200, text.length()));
    }
}
