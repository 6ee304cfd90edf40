package org.saath.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Escalations after they are opened (offers, claims, transfers, resolution, each transition recorded with who and
 * when), the durable outbox, and the messages waiting for a person (a counsellor's words on the generic channel).
 * A transition is a conditional update: two counsellors claiming at once, only one wins.
 */
public final class HandoffStore {

    /** An escalation as a partner sees it: no user reference and nothing the person wrote. */
    public record Escalation(String id, String conversationId, String state, String risk, String topic,
                             String language, String partnerId, Instant createdAt, Instant offeredAt, String channel,
                             String userRef, String consent, String country) {

        /** Whether the person said a counsellor may read the conversation so far. */
        public boolean shared() {
            return "yes".equals(consent);
        }
    }

    /** A message waiting for the person, in order. */
    public record UserMessage(long seq, String sender, String text, Instant createdAt) {
    }

    private static final String OPEN = "('offered', 'claimed', 'active')";
    private static final String SELECT = "SELECT e.id, e.conversation_id, e.state, e.risk, e.topic, e.language, "
            + "e.partner_id, e.created_at, e.offered_at, c.channel, c.user_ref, c.consent, e.country FROM escalations e "
            + "JOIN conversations c ON c.id = e.conversation_id ";

    /**
     * A committed transition of an escalation: what it was before, the state it moved to, the partner that holds
     * it now (empty when none), who moved it and when.
     */
    public record Transition(Escalation before, String to, Optional<String> partnerId, String actor, Instant at) {
    }

    /** Told about every committed transition (metrics, anonymous impact counts); must be quick and not throw. */
    @FunctionalInterface
    public interface TransitionListener {
        TransitionListener NONE = t -> { };

        void transitioned(Transition transition);
    }

    private final DataSource dataSource;
    private final TransitionListener listener;

    public HandoffStore(DataSource dataSource) {
        this(dataSource, TransitionListener.NONE);
    }

    public HandoffStore(DataSource dataSource, TransitionListener listener) {
        this.dataSource = dataSource;
        this.listener = listener;
    }

    /** A partner's open escalations, the most urgent first, then the longest waiting. */
    public List<Escalation> queue(String partnerId) {
        return query(SELECT + "WHERE e.partner_id = ? AND e.state IN " + OPEN + " ORDER BY CASE e.risk "
                + "WHEN 'imminent' THEN 0 WHEN 'high' THEN 1 WHEN 'moderate' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, "
                + "e.created_at", partnerId);
    }

    public Optional<Escalation> escalation(String id) {
        return query(SELECT + "WHERE e.id = ?", id).stream().findFirst();
    }

    /** How many conversations a partner holds or has been offered now. */
    public int load(String partnerId) {
        return query(SELECT + "WHERE e.partner_id = ? AND e.state IN " + OPEN, partnerId).size();
    }

    /** Offers past their deadline: {@code offered} since before {@code before}. */
    public List<Escalation> lapsedOffers(Instant before) {
        return query(SELECT + "WHERE e.state = 'offered' AND e.offered_at < ?", before.toString());
    }

    /**
     * Moves an escalation from one of {@code from} to {@code to} (optionally to another partner), records who did
     * it, and enqueues {@code outbox} in the same transaction. Returns false when it was not in one of {@code from}.
     */
    public boolean transition(String id, Set<String> from, String to, Optional<String> partnerId, String actor,
                              Instant at, List<OutboxRow> outbox) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Optional<Escalation> now = escalation(c, id);
            if (now.isEmpty() || !from.contains(now.get().state())) {
                c.rollback();
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE escalations SET state = ?, partner_id = ?, "
                    + "offered_at = ?, updated_at = ? WHERE id = ? AND state = ?")) {
                s.setString(1, to);
                s.setString(2, partnerId.orElse(now.get().partnerId()));
                s.setString(3, to.equals("offered") ? at.toString()
                        : now.get().offeredAt() == null ? null : now.get().offeredAt().toString());
                s.setString(4, at.toString());
                s.setString(5, id);
                s.setString(6, now.get().state());
                if (s.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
            }
            HandoffSql.insertEvent(c, id, now.get().state(), to, actor, at);
            for (OutboxRow row : outbox) {
                HandoffSql.insertOutbox(c, row);
            }
            c.commit();
            listener.transitioned(new Transition(now.get(), to,
                    Optional.ofNullable(partnerId.orElse(now.get().partnerId())), actor, at));
            return true;
        } catch (SQLException e) {
            throw new StoreException("an escalation transition failed", e);
        }
    }

    /** A message the person wrote while a counsellor held the conversation (redacted), with its risk. */
    public record RelayedTurn(String text, String risk, String signals, Instant at) {
    }

    /** What the person wrote to the bot before the handoff (redacted), oldest first: only for consented sharing. */
    public List<RelayedTurn> transcript(String conversationId) {
        return turns(conversationId, "<>");
    }

    /** What the person wrote while this conversation was held by a counsellor, oldest first. */
    public List<RelayedTurn> relayedTurns(String conversationId) {
        return turns(conversationId, "=");
    }

    private List<RelayedTurn> turns(String conversationId, String relayed) {
        List<RelayedTurn> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT text_redacted, risk, signals, created_at FROM turns WHERE conversation_id = ? "
                        + "AND rule_id " + relayed + " 'relayed-to-counsellor' ORDER BY created_at, rowid")) {
            s.setString(1, conversationId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new RelayedTurn(rs.getString(1), rs.getString(2), rs.getString(3),
                            Instant.parse(rs.getString(4))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading turns failed", e);
        }
    }

    /**
     * Partners that let an offer of this escalation lapse or declined it (their transitions are recorded as
     * {@code lapsed:<id>}).
     */
    public Set<String> lapsedPartners(String escalationId) {
        Set<String> out = new java.util.HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT actor FROM escalation_events WHERE escalation_id = ? AND actor LIKE 'lapsed:%'")) {
            s.setString(1, escalationId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1).substring("lapsed:".length()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading escalation events failed", e);
        }
    }

    /** The recorded transitions of an escalation, oldest first, as {@code from>to by actor}. */
    public List<String> events(String escalationId) {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT from_state, to_state, actor FROM escalation_events WHERE escalation_id = ? ORDER BY at, rowid")) {
            s.setString(1, escalationId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + ">" + rs.getString(2) + " by " + rs.getString(3));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading escalation events failed", e);
        }
    }

    public void enqueue(OutboxRow row) {
        try (Connection c = dataSource.getConnection()) {
            HandoffSql.insertOutbox(c, row);
        } catch (SQLException e) {
            throw new StoreException("enqueueing an outbound message failed", e);
        }
    }

    /** Deliveries due at {@code now}, at most one per conversation (the oldest), so order per conversation holds. */
    public List<OutboxRow> due(Instant now, int limit) {
        String sql = "SELECT id, idempotency_key, conversation_id, destination, target, payload, state, attempts, "
                + "next_attempt_at, created_at FROM outbox o WHERE o.state = 'pending' AND NOT EXISTS (SELECT 1 "
                + "FROM outbox p WHERE p.conversation_id = o.conversation_id AND p.state = 'pending' AND p.seq < o.seq) "
                + "AND o.next_attempt_at <= ? ORDER BY o.seq LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, now.toString());
            s.setInt(2, limit);
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                            Instant.parse(rs.getString(9)), Instant.parse(rs.getString(10))));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("reading the outbox failed", e);
        }
    }

    /** Records an attempt: delivered, or failed with the next attempt time, or dead after the last attempt. */
    public void attempted(String id, String state, int attempts, Instant nextAttemptAt, String error) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")) {
            s.setString(1, state);
            s.setInt(2, attempts);
            s.setString(3, nextAttemptAt.toString());
            s.setString(4, error == null ? null : error.substring(0, Math.min(200, error.length())));
            s.setString(5, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("updating the outbox failed", e);
        }
    }

    /** Outbox rows not yet delivered (the backlog), for health and metrics. */
    public int backlog() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM outbox WHERE state = 'pending'"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("reading the outbox failed", e);
        }
    }

    /** Keeps a message for the person (a counsellor's words, a status), to be fetched in order. */
    public void addUserMessage(String channel, String userRef, String sender, String text, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO user_messages (id, channel, user_ref, seq, sender, text, created_at) VALUES (?, ?, ?, "
                        + "(SELECT COALESCE(MAX(seq), 0) + 1 FROM user_messages WHERE channel = ? AND user_ref = ?), "
                        + "?, ?, ?)")) {
            s.setString(1, "um-" + UUID.randomUUID());
            s.setString(2, channel);
            s.setString(3, userRef);
            s.setString(4, channel);
            s.setString(5, userRef);
            s.setString(6, sender);
            s.setString(7, text);
            s.setString(8, at.toString());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("keeping a message for the person failed", e);
        }
    }

    public List<UserMessage> userMessages(String channel, String userRef, long after) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT seq, sender, text, created_at FROM user_messages WHERE channel = ? AND user_ref = ? "
                        + "AND seq > ? ORDER BY seq")) {
            s.setString(1, channel);
            s.setString(2, userRef);
            s.setLong(3, after);
            List<UserMessage> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new UserMessage(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Instant.parse(rs.getString(4))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading messages for the person failed", e);
        }
    }

    private List<Escalation> query(String sql, String param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            return read(s);
        } catch (SQLException e) {
            throw new StoreException("reading escalations failed", e);
        }
    }

    private static Optional<Escalation> escalation(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + "WHERE e.id = ?")) {
            s.setString(1, id);
            return read(s).stream().findFirst();
        }
    }

    private static List<Escalation> read(PreparedStatement s) throws SQLException {
        List<Escalation> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new Escalation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), Instant.parse(rs.getString(8)),
                        rs.getString(9) == null ? null : Instant.parse(rs.getString(9)), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13)));
            }
        }
        return out;
    }
}
