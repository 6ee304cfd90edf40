package org.saath.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Escalation writes shared by a turn and a counsellor's action: inserting, transitions (a compare-and-set on the
 * escalation's version), partners' places, outbox rows and messages kept for the person. Every method runs on
 * the caller's connection, inside the conversation's unit of work.
 */
final class EscalationSql {

    /** States in which an escalation holds one of its partner's places. */
    static final Set<String> HOLDS_PLACE = Set.of("offered", "claimed", "active");

    private EscalationSql() {
    }

    static void insert(Sql sql, EscalationRow e, String conversationId) throws SQLException {
        boolean offered = e.state().equals("offered");
        sql.update("INSERT INTO escalations (id, conversation_id, state, reason, risk, topic, language, created_at, "
                        + "updated_at, partner_id, offered_at, country, version, priority) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.id(), conversationId, e.state(),
                e.reason(), e.risk(), e.topic(), e.language(), e.createdAt(), e.createdAt(), e.partnerId(),
                e.partnerId() == null ? null : e.createdAt(), e.country(), offered ? 1 : 0, e.priority());
        event(sql, e.id(), null, "requested", null, "saath", e.createdAt(), 0);
        if (offered) {
            event(sql, e.id(), "requested", "offered", e.partnerId(), "saath", e.createdAt(), 1);
        }
    }

    static void enqueue(Sql sql, OutboxRow row) throws SQLException {
        sql.update("INSERT INTO outbox (id, idempotency_key, conversation_id, destination, target, payload, state, "
                        + "attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.id(),
                row.idempotencyKey(), row.conversationId(), row.destination(), row.target(), row.payload(),
                row.state(), row.attempts(), row.nextAttemptAt(), row.createdAt());
    }

    static boolean takeSlot(Sql sql, String partnerId, int capacity) throws SQLException {
        if (sql.update("UPDATE partner_load SET held = held + 1 WHERE partner_id = ? AND held < ?", partnerId,
                capacity) == 1) {
            return true;
        }
        // first offer ever to this partner: create its counter; a concurrent creator wins, then we try again
        if (capacity > 0 && sql.update(
                "INSERT INTO partner_load (partner_id, held) VALUES (?, 1) ON CONFLICT DO NOTHING", partnerId) == 1) {
            return true;
        }
        return sql.update("UPDATE partner_load SET held = held + 1 WHERE partner_id = ? AND held < ?", partnerId,
                capacity) == 1;
    }

    static Optional<ConversationTx.EscalationNow> current(Sql sql, String escalationId) throws SQLException {
        return sql.one("SELECT id, conversation_id, state, partner_id, offered_at, version, risk, topic FROM "
                        + "escalations WHERE id = ?", rs -> new ConversationTx.EscalationNow(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), Times.parse(rs.getString(5)), rs.getInt(6),
                        rs.getString(7), rs.getString(8)), escalationId);
    }

    /**
     * See {@link ConversationTx#transition}: the move made, in closed values (for metrics and the impact counts), or
     * empty when the escalation was not in a state of {@code from} or moved on meanwhile.
     */
    static Optional<Transition> transition(Sql sql, ConversationKey key, String escalationId, Set<String> from, String to,
                              Optional<String> partnerId, String actor, Instant at, Optional<Integer> expected,
                              List<OutboxRow> outbox, Optional<ConversationTx.PersonMessage> tell)
            throws SQLException {
        Optional<ConversationTx.EscalationNow> found = current(sql, escalationId);
        if (found.isEmpty()) {
            // every caller read it in this unit first: it is gone only if another process deleted the person since
            // (saath forget on SQLite, whose units read before their write transaction); the unit runs again
            throw JdbcConversations.readIsStale("the escalation was deleted after this unit read it");
        }
        if (!from.contains(found.get().state())
                || expected.filter(v -> v != found.get().version()).isPresent()) {
            return Optional.empty();
        }
        ConversationTx.EscalationNow now = found.get();
        String partner = partnerId.orElse(now.partnerId());
        Instant offeredAt = to.equals("offered") ? at : now.offeredAt();
        if (sql.update("UPDATE escalations SET state = ?, partner_id = ?, offered_at = ?, updated_at = ?, "
                        + "version = ? WHERE id = ? AND version = ?", to, partner, offeredAt, at, now.version() + 1,
                escalationId, now.version()) != 1) {
            return Optional.empty();
        }
        boolean held = now.partnerId() != null && HOLDS_PLACE.contains(now.state());
        if (held && (!HOLDS_PLACE.contains(to) || !now.partnerId().equals(partner))) {
            sql.update("UPDATE partner_load SET held = held - 1 WHERE partner_id = ?", now.partnerId());
        }
        event(sql, escalationId, now.state(), to, partner, actor, at, now.version() + 1);
        for (OutboxRow row : outbox) {
            enqueue(sql, row);
        }
        if (tell.isPresent()) {
            keepForPerson(sql, key, tell.get(), at);
        }
        return Optional.of(new Transition(now.state(), to, Optional.ofNullable(partner), actor, at,
                Optional.ofNullable(now.offeredAt())));
    }

    /**
     * That the person is still there, for a write that would otherwise store something about them again after
     * another process deleted them (see {@link #transition}).
     */
    static void requirePerson(Sql sql, ConversationKey key) throws SQLException {
        if (sql.one("SELECT 1 FROM conversations WHERE channel = ? AND user_ref = ?", rs -> rs.getInt(1),
                key.channel(), key.userRef()).isEmpty()) {
            throw JdbcConversations.readIsStale("the person was deleted after this unit read them");
        }
    }

    /** A message for the person, numbered after the last one kept for them (under the conversation's lock). */
    static void keepForPerson(Sql sql, ConversationKey key, ConversationTx.PersonMessage message, Instant at)
            throws SQLException {
        sql.update("INSERT INTO user_messages (id, channel, user_ref, seq, sender, text, created_at, actor) VALUES (?, "
                        + "?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM user_messages WHERE channel = ? AND user_ref = ?), "
                        + "?, ?, ?, ?)", "um-" + UUID.randomUUID(), key.channel(), key.userRef(), key.channel(),
                key.userRef(), message.sender(), message.text(), at, message.actor());
        if (message.delivery().isPresent()) {
            enqueue(sql, message.delivery().get());
        }
    }

    /** See {@link ConversationTx#recordOutcome}: only for an escalation of this conversation. */
    static void recordOutcome(Sql sql, ConversationKey key, String escalationId, String outcome) throws SQLException {
        sql.update("UPDATE escalations SET outcome = ? WHERE id = ? AND conversation_id IN (SELECT id FROM "
                + "conversations WHERE channel = ? AND user_ref = ?)", outcome, escalationId, key.channel(),
                key.userRef());
    }

    /** A transition with who made it and the partner the escalation is with afterwards (none while requested). */
    private static void event(Sql sql, String escalationId, String from, String to, String partnerId, String actor,
                              Instant at, int seq) throws SQLException {
        sql.update("INSERT INTO escalation_events (id, escalation_id, from_state, to_state, partner_id, actor, at, "
                + "seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "ev-" + UUID.randomUUID(), escalationId, from, to, partnerId,
                actor, at, seq);
    }
}
