package org.saath.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads about escalations after they are opened (queues, transcripts, transitions recorded with who and when), the
 * durable outbox (claimed by one node at a time with a lease) and the messages waiting for a person. Changes to an escalation go through {@link Conversations} (see {@link ConversationTx}), so
 * that they serialise with the person's turns.
 */
public final class HandoffStore {

    /**
     * An escalation as a partner sees it: no user reference and nothing the person wrote; {@code outcome} is how it
     * ended, once it has (a counsellor's outcome, or why the person left).
     */
    public record Escalation(String id, String conversationId, String state, String risk, String topic,
                             String language, String partnerId, Instant createdAt, Instant offeredAt, String channel,
                             String userRef, String consent, String country, int version, String outcome) {

        /** Whether the person said a counsellor may read the conversation so far. */
        public boolean shared() {
            return "yes".equals(consent);
        }

        /** The conversation this escalation belongs to, for {@link Conversations#withConversation}. */
        public ConversationKey key() {
            return new ConversationKey(channel, userRef);
        }
    }

    /** A message waiting for the person, in order; {@code actor} is who wrote it (a counsellor, a partner). */
    public record UserMessage(long seq, String sender, String text, Instant createdAt, String actor) {
    }

    /** A message the person wrote while a counsellor held the conversation (redacted), with its risk. */
    public record RelayedTurn(String text, String risk, String signals, Instant at) {
    }

    /** An escalation that ended without its partner: the person left ({@code reason}), or retention removed it. */
    public record Left(String escalationId, String reason, Instant at) {
    }

    private static final String OPEN = "('offered', 'claimed', 'active')";
    private static final String SELECT = "SELECT e.id, e.conversation_id, e.state, e.risk, e.topic, e.language, "
            + "e.partner_id, e.created_at, e.offered_at, c.channel, c.user_ref, c.consent, e.country, e.version, "
            + "e.outcome FROM escalations e JOIN conversations c ON c.id = e.conversation_id ";
    static final String OUTBOX_COLUMNS = "o.id, o.idempotency_key, o.conversation_id, o.destination, "
            + "o.target, o.payload, o.state, o.attempts, o.next_attempt_at, o.created_at, o.seq";

    private final Database db;

    public HandoffStore(Database db) {
        this.db = db;
    }

    /** A partner's open escalations: the highest risk first, then the urgent ones, then the longest waiting. */
    public List<Escalation> queue(String partnerId) {
        return db.read(sql -> sql.list(SELECT + "WHERE e.partner_id = ? AND e.state IN " + OPEN + " ORDER BY CASE "
                + "e.risk WHEN 'imminent' THEN 0 WHEN 'high' THEN 1 WHEN 'moderate' THEN 2 WHEN 'low' THEN 3 ELSE 4 "
                + "END, CASE e.priority WHEN 'urgent' THEN 0 ELSE 1 END, e.created_at", HandoffStore::escalation,
                partnerId));
    }

    public Optional<Escalation> escalation(String id) {
        return db.read(sql -> escalation(sql, id));
    }

    /** As above, on the caller's connection (see {@link ConversationTx#listed}). */
    static Optional<Escalation> escalation(Sql sql, String id) throws SQLException {
        return sql.one(SELECT + "WHERE e.id = ?", HandoffStore::escalation, id);
    }

    /** How many conversations a partner holds or has been offered now. */
    public int load(String partnerId) {
        return db.read(sql -> sql.one("SELECT held FROM partner_load WHERE partner_id = ?", rs -> rs.getInt(1),
                partnerId)).orElse(0);
    }

    /** Offers past their deadline: {@code offered} since before {@code before}. */
    public List<Escalation> lapsedOffers(Instant before) {
        return db.read(sql -> sql.list(SELECT + "WHERE e.state = 'offered' AND e.offered_at < ?",
                HandoffStore::escalation, before));
    }

    /** What the person wrote to the bot before the handoff (redacted), oldest first: only for consented sharing. */
    public List<RelayedTurn> transcript(String conversationId) {
        return turns(conversationId, "<>");
    }

    /** What the person wrote to a counsellor in this conversation at or after {@code since}, oldest first. */
    public List<RelayedTurn> relayedTurns(String conversationId, Instant since) {
        return turns(conversationId, "=", since);
    }

    private List<RelayedTurn> turns(String conversationId, String relayed) {
        return turns(conversationId, relayed, Instant.EPOCH);
    }

    private List<RelayedTurn> turns(String conversationId, String relayed, Instant since) {
        return db.read(sql -> sql.list("SELECT text_redacted, risk, signals, created_at FROM turns "
                + "WHERE conversation_id = ? AND rule_id " + relayed + " 'relayed-to-counsellor' AND created_at >= ? "
                + "ORDER BY created_at, turn_no", rs -> new RelayedTurn(rs.getString(1), rs.getString(2),
                rs.getString(3), Times.parse(rs.getString(4))), conversationId, since));
    }

    /** Every partner an escalation has been with (offered to, claimed by), from its recorded transitions. */
    public Set<String> partnersOf(String escalationId) {
        return new HashSet<>(db.read(sql -> sql.list("SELECT DISTINCT partner_id FROM escalation_events "
                + "WHERE escalation_id = ? AND partner_id IS NOT NULL", rs -> rs.getString(1), escalationId)));
    }

    /** Why an escalation whose person's data is gone ended, if it was {@code partnerId}'s. */
    public Optional<String> endingFor(String partnerId, String escalationId) {
        return db.read(sql -> sql.one("SELECT reason FROM escalation_endings WHERE escalation_id = ? "
                + "AND partner_id = ?", rs -> rs.getString(1), escalationId, partnerId));
    }

    /**
     * A partner's escalations that ended without it at or after {@code since}: resolved with one of {@code outcomes}
     * (the ways a person leaves in their own turn, recorded as the escalation's outcome: ended the chat, said "stop",
     * no longer wanted a counsellor), or their data deleted (kept apart from them); newest first.
     */
    public List<Left> leftSince(String partnerId, Instant since, Set<String> outcomes) {
        List<Object> params = new ArrayList<>(List.of(partnerId));
        params.addAll(outcomes);
        params.addAll(List.of(since, partnerId, since));
        String marks = String.join(", ", Collections.nCopies(outcomes.size(), "?"));
        return db.read(sql -> sql.list("SELECT id, outcome, updated_at FROM escalations WHERE partner_id = ? "
                + "AND state = 'resolved' AND outcome IN (" + marks + ") AND updated_at >= ? "
                + "UNION ALL SELECT escalation_id, reason, at FROM escalation_endings WHERE partner_id = ? "
                + "AND at >= ? ORDER BY 3 DESC LIMIT 20", rs -> new Left(rs.getString(1), rs.getString(2),
                Times.parse(rs.getString(3))), params.toArray()));
    }

    /**
     * Partners that let an offer of this escalation lapse or declined it (their transitions are recorded as
     * {@code lapsed:<id>}, or {@code lapsed:<id>:<who declined>}).
     */
    public Set<String> lapsedPartners(String escalationId) {
        return db.read(sql -> lapsedPartners(sql, escalationId));
    }

    /** As above, on the caller's connection (see {@link ConversationTx#lapsedPartners}). */
    static Set<String> lapsedPartners(Sql sql, String escalationId) throws SQLException {
        return new HashSet<>(sql.list("SELECT actor FROM escalation_events WHERE escalation_id = ? "
                + "AND actor LIKE 'lapsed:%'", rs -> lapsedPartner(rs.getString(1)), escalationId));
    }

    private static String lapsedPartner(String actor) {
        String partner = actor.substring("lapsed:".length());
        return partner.contains(":") ? partner.substring(0, partner.indexOf(':')) : partner;
    }

    /** The recorded transitions of an escalation, oldest first, as {@code from>to by actor}. */
    public List<String> events(String escalationId) {
        return db.read(sql -> sql.list("SELECT from_state, to_state, actor FROM escalation_events "
                + "WHERE escalation_id = ? ORDER BY at, seq", rs -> rs.getString(1) + ">" + rs.getString(2) + " by "
                + rs.getString(3), escalationId));
    }

    /** Enqueues a delivery on its own (deliveries that belong to a turn or transition go with it). */
    public void enqueue(OutboxRow row) {
        db.write(sql -> {
            EscalationSql.enqueue(sql, row);
            return null;
        });
    }

    /**
     * Claims deliveries due at {@code now} for {@code owner} until {@code now + lease}: at most one per conversation
     * and receiver (its oldest pending one, so order holds for each receiver: a partner, the callback, the person on
     * their platform channel), none whose lease another node still holds, none for {@code busyTargets}, and only for
     * {@code onlyTarget} when it is given. A partner that is down therefore never holds back the replies to the
     * person, nor the reverse. On PostgreSQL rows another node is claiming at this moment are skipped
     * ({@code FOR UPDATE SKIP LOCKED}); on SQLite the claim is one write transaction.
     */
    public List<OutboxRow> claim(String owner, Instant now, Duration lease, int limit, Set<String> busyTargets,
                                 Optional<String> onlyTarget) {
        StringBuilder query = new StringBuilder("SELECT " + OUTBOX_COLUMNS + " FROM outbox o WHERE o.state = "
                + "'pending' AND o.next_attempt_at <= ? AND (o.lease_until IS NULL OR o.lease_until < ?) AND "
                + StoreStatus.FIRST_IN_ITS_QUEUE);
        List<Object> params = new ArrayList<>(List.of(now, now));
        if (!busyTargets.isEmpty()) {
            query.append(" AND o.target NOT IN (").append("?, ".repeat(busyTargets.size() - 1)).append("?)");
            params.addAll(busyTargets.stream().sorted().toList());
        }
        if (onlyTarget.isPresent()) {
            query.append(" AND o.target = ?");
            params.add(onlyTarget.get());
        }
        query.append(" ORDER BY o.seq LIMIT ?");
        params.add(limit);
        if (db.dialect() == Database.Dialect.POSTGRESQL) {
            query.append(" FOR UPDATE OF o SKIP LOCKED");
        }
        return db.write(sql -> {
            List<Claimed> rows = sql.list(query.toString(), HandoffStore::claimed, params.toArray());
            for (Claimed row : rows) {
                sql.update("UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE id = ?", owner,
                        now.plus(lease), row.row().id());
            }
            return rows.stream().sorted(Comparator.comparingLong(Claimed::seq)).map(Claimed::row).toList();
        });
    }

    private record Claimed(OutboxRow row, long seq) {
    }

    private static Claimed claimed(ResultSet rs) throws SQLException {
        return new Claimed(outboxRow(rs), rs.getLong(11));
    }

    /** A row read by {@link #OUTBOX_COLUMNS}. */
    static OutboxRow outboxRow(ResultSet rs) throws SQLException {
        return new OutboxRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), Times.parse(rs.getString(9)),
                Times.parse(rs.getString(10)));
    }

    /**
     * Records an attempt by the lease's owner: delivered, or failed with the next attempt time, or dead after the
     * last attempt; the lease ends. False when the lease had passed to another node meanwhile.
     */
    public boolean attempted(String id, String owner, String state, int attempts, Instant nextAttemptAt,
                             String error) {
        return db.write(sql -> sql.update("UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, "
                + "last_error = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?", state,
                attempts, nextAttemptAt, error == null ? null : error.substring(0, Math.min(200, error.length())),
                id, owner)) == 1;
    }

    /**
     * Extends the lease on a row just before it is sent; false when the row is no longer this owner's to send (its
     * lease ran out and another node claimed it, or it is no longer pending), and then it must not be sent.
     */
    public boolean renewLease(String id, String owner, Instant until) {
        return db.write(sql -> sql.update("UPDATE outbox SET lease_until = ? WHERE id = ? AND lease_owner = ? "
                + "AND state = 'pending'", until, id, owner)) == 1;
    }

    /** Outbox rows not yet delivered (the backlog), for health and metrics. */
    public int backlog() {
        return db.read(sql -> sql.one("SELECT COUNT(*) FROM outbox WHERE state = 'pending'", rs -> rs.getInt(1))
                .orElse(0));
    }

    public List<UserMessage> userMessages(String channel, String userRef, long after) {
        return db.read(sql -> sql.list("SELECT seq, sender, text, created_at, actor FROM user_messages "
                        + "WHERE channel = ? AND user_ref = ? AND seq > ? ORDER BY seq", rs -> new UserMessage(
                        rs.getLong(1), rs.getString(2), rs.getString(3), Times.parse(rs.getString(4)),
                        rs.getString(5)), channel, userRef, after));
    }

    private static Escalation escalation(ResultSet rs) throws SQLException {
        return new Escalation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), Times.parse(rs.getString(8)), Times.parse(rs.getString(9)),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getInt(14),
                rs.getString(15));
    }
}
