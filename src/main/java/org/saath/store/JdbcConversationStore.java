package org.saath.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * The {@link ConversationStore} over plain JDBC, with SQL that SQLite and PostgreSQL both accept. Dedupe rests on
 * the primary key of {@code processed_messages}: the first writer of a message id wins, a concurrent duplicate
 * rolls back and reads the winner's response.
 */
public final class JdbcConversationStore implements ConversationStore {

    private final DataSource dataSource;

    public JdbcConversationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<String> processedResponse(String channel, String userRef, String messageId) {
        try (Connection c = dataSource.getConnection()) {
            return processedResponse(c, channel, userRef, messageId);
        } catch (SQLException e) {
            throw new StoreException("reading processed messages failed", e);
        }
    }

    private static Optional<String> processedResponse(Connection c, String channel, String userRef,
                                                      String messageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT response FROM processed_messages "
                + "WHERE channel = ? AND user_ref = ? AND message_id = ?")) {
            s.setString(1, channel);
            s.setString(2, userRef);
            s.setString(3, messageId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<ConversationRow> conversation(String channel, String userRef) {
        String sql = "SELECT id, channel, user_ref, language, state, peak_risk, peak_risk_at, turns, created_at, "
                + "preferred_language, plan_step, consent, topic, topic_at, last_reply FROM conversations "
                + "WHERE channel = ? AND user_ref = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, channel);
            s.setString(2, userRef);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ConversationRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), instant(rs.getString(7)), rs.getInt(8),
                        instant(rs.getString(9)), rs.getString(10), rs.getInt(11), rs.getString(12),
                        rs.getString(13), instant(rs.getString(14)), rs.getString(15)));
            }
        } catch (SQLException e) {
            throw new StoreException("reading a conversation failed", e);
        }
    }

    @Override
    public Optional<EscalationRow> openEscalation(String conversationId) {
        String sql = "SELECT id, conversation_id, state, reason, risk, topic, language, created_at, partner_id "
                + "FROM escalations WHERE conversation_id = ? AND state IN ('requested', 'offered', 'claimed', 'active') "
                + "ORDER BY created_at DESC";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, conversationId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new EscalationRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        instant(rs.getString(8)), rs.getString(9), null));
            }
        } catch (SQLException e) {
            throw new StoreException("reading an escalation failed", e);
        }
    }

    @Override
    public String record(TurnWrite write) {
        TurnRow turn = write.turn();
        ConversationRow conversation = write.conversation();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<String> earlier = processedResponse(c, conversation.channel(), conversation.userRef(),
                        write.messageId());
                if (earlier.isPresent()) {
                    c.rollback();
                    return earlier.get();
                }
                String conversationId = upsertConversation(c, conversation, write.newConversation(),
                        turn.createdAt());
                insertProcessed(c, write, conversationId);
                insertTurn(c, turn, conversationId);
                if (write.newEscalation().isPresent()) {
                    insertEscalation(c, write.newEscalation().get(), conversationId);
                }
                for (OutboxRow row : write.outbox()) {
                    HandoffSql.insertOutbox(c, row);
                }
                if (write.planAnswer().isPresent()) {
                    savePlanAnswer(c, conversationId, write.planAnswer().get(), turn.createdAt());
                }
                c.commit();
                return write.responseJson();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                Optional<String> winner = processedResponse(c, conversation.channel(), conversation.userRef(),
                        write.messageId());
                if (winner.isPresent()) {
                    return winner.get();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("recording a turn failed", e);
        }
    }

    /**
     * Inserts or updates the conversation and returns its id. When another message of a new user created the
     * conversation first, this turn joins that conversation instead of failing on the unique constraint.
     */
    private static String upsertConversation(Connection c, ConversationRow row, boolean isNew, Instant now)
            throws SQLException {
        if (isNew) {
            Optional<String> existing = conversationId(c, row.channel(), row.userRef());
            if (existing.isPresent()) {
                return upsertConversation(c, row.withId(existing.get()), false, now);
            }
        }
        String sql = isNew
                ? "INSERT INTO conversations (language, state, peak_risk, peak_risk_at, turns, preferred_language, "
                        + "plan_step, consent, topic, topic_at, last_reply, updated_at, id, channel, user_ref, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE conversations SET language = ?, state = ?, peak_risk = ?, peak_risk_at = ?, turns = ?, "
                        + "preferred_language = ?, plan_step = ?, consent = ?, topic = ?, topic_at = ?, "
                        + "last_reply = ?, updated_at = ? WHERE id = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, row.language());
            s.setString(2, row.state());
            s.setString(3, row.peakRisk());
            s.setString(4, row.peakRiskAt() == null ? null : row.peakRiskAt().toString());
            s.setInt(5, row.turns());
            s.setString(6, row.preferredLanguage());
            s.setInt(7, row.planStep());
            s.setString(8, row.consent());
            s.setString(9, row.topic());
            s.setString(10, row.topicAt() == null ? null : row.topicAt().toString());
            s.setString(11, row.lastReply());
            s.setString(12, now.toString());
            s.setString(13, row.id());
            if (isNew) {
                s.setString(14, row.channel());
                s.setString(15, row.userRef());
                s.setString(16, row.createdAt().toString());
            }
            s.executeUpdate();
        }
        return row.id();
    }

    private static Optional<String> conversationId(Connection c, String channel, String userRef)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM conversations WHERE channel = ? AND user_ref = ?")) {
            s.setString(1, channel);
            s.setString(2, userRef);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static void insertProcessed(Connection c, TurnWrite write, String conversationId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO processed_messages (channel, user_ref, message_id, "
                + "conversation_id, response, processed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, write.conversation().channel());
            s.setString(2, write.conversation().userRef());
            s.setString(3, write.messageId());
            s.setString(4, conversationId);
            s.setString(5, write.responseJson());
            s.setString(6, write.turn().createdAt().toString());
            s.executeUpdate();
        }
    }

    private static void insertTurn(Connection c, TurnRow t, String conversationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO turns (id, conversation_id, message_id, "
                + "created_at, text_redacted, language, intent, confidence, risk, conversation_risk, signals, "
                + "rule_id, helplines, reply_text, model_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, t.id());
            s.setString(2, conversationId);
            s.setString(3, t.messageId());
            s.setString(4, t.createdAt().toString());
            s.setString(5, t.textRedacted());
            s.setString(6, t.language());
            s.setString(7, t.intent());
            s.setDouble(8, t.confidence());
            s.setString(9, t.risk());
            s.setString(10, t.conversationRisk());
            s.setString(11, t.signals());
            s.setString(12, t.ruleId());
            s.setString(13, t.helplines());
            s.setString(14, t.replyText());
            s.setString(15, t.modelVersion());
            s.executeUpdate();
        }
    }

    private static void insertEscalation(Connection c, EscalationRow e, String conversationId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO escalations (id, conversation_id, state, reason, "
                + "risk, topic, language, created_at, updated_at, partner_id, offered_at, country) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, e.id());
            s.setString(2, conversationId);
            s.setString(3, e.state());
            s.setString(4, e.reason());
            s.setString(5, e.risk());
            s.setString(6, e.topic());
            s.setString(7, e.language());
            s.setString(8, e.createdAt().toString());
            s.setString(9, e.createdAt().toString());
            s.setString(10, e.partnerId());
            s.setString(11, e.partnerId() == null ? null : e.createdAt().toString());
            s.setString(12, e.country());
            s.executeUpdate();
        }
        HandoffSql.insertEvent(c, e.id(), null, "requested", "saath", e.createdAt());
        if (e.state().equals("offered")) {
            HandoffSql.insertEvent(c, e.id(), "requested", "offered", "saath", e.createdAt());
        }
    }

    private static void savePlanAnswer(Connection c, String conversationId, TurnWrite.PlanAnswer answer, Instant now)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM safety_plans WHERE conversation_id = ? AND step = ?");
             PreparedStatement insert = c.prepareStatement(
                "INSERT INTO safety_plans (conversation_id, step, answer, updated_at) VALUES (?, ?, ?, ?)")) {
            delete.setString(1, conversationId);
            delete.setInt(2, answer.step());
            delete.executeUpdate();
            insert.setString(1, conversationId);
            insert.setInt(2, answer.step());
            insert.setString(3, answer.answerRedacted());
            insert.setString(4, now.toString());
            insert.executeUpdate();
        }
    }

    @Override
    public SortedMap<Integer, String> planAnswers(String conversationId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT step, answer FROM safety_plans WHERE conversation_id = ? ORDER BY step")) {
            s.setString(1, conversationId);
            SortedMap<Integer, String> answers = new TreeMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    answers.put(rs.getInt(1), rs.getString(2));
                }
            }
            return answers;
        } catch (SQLException e) {
            throw new StoreException("reading a safety plan failed", e);
        }
    }

    @Override
    public boolean forget(String channel, String userRef) {
        return forget(channel, userRef, List.of());
    }

    @Override
    public boolean forget(String channel, String userRef, List<OutboxRow> afterwards) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Optional<String> id = conversationId(c, channel, userRef);
            int deleted = 0;
            if (id.isPresent()) {
                deleted += deleteWhere(c, "DELETE FROM escalation_events WHERE escalation_id IN "
                        + "(SELECT id FROM escalations WHERE conversation_id = ?)", id.get());
            }
            for (String table : new String[] {"safety_plans", "turns", "escalations", "processed_messages", "outbox"}) {
                if (id.isPresent()) {
                    deleted += deleteWhere(c, "DELETE FROM " + table + " WHERE conversation_id = ?", id.get());
                }
            }
            for (String table : new String[] {"user_messages", "processed_messages", "channel_addresses"}) {
                try (PreparedStatement s = c.prepareStatement(
                        "DELETE FROM " + table + " WHERE channel = ? AND user_ref = ?")) {
                    s.setString(1, channel);
                    s.setString(2, userRef);
                    deleted += s.executeUpdate();
                }
            }
            if (id.isPresent()) {
                deleted += deleteWhere(c, "DELETE FROM conversations WHERE id = ?", id.get());
            }
            for (OutboxRow row : afterwards) {
                HandoffSql.insertOutboxOnce(c, row);
            }
            c.commit();
            c.setAutoCommit(true);
            erasePages(c);
            return deleted > 0;
        } catch (SQLException e) {
            throw new StoreException("forgetting a user failed", e);
        }
    }

    private static int deleteWhere(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            return s.executeUpdate();
        }
    }

    /** Moves the WAL into the database (whose deleted pages secure_delete has zeroed) and empties the WAL file. */
    private static void erasePages(Connection c) throws SQLException {
        if (c.getMetaData().getURL().startsWith("jdbc:sqlite:")) {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
    }

    @Override
    public List<ExportRow> turnsSince(Instant since) {
        String sql = "SELECT t.id, t.created_at, t.text_redacted, t.intent, t.confidence, t.risk, t.language, "
                + "t.signals, EXISTS (SELECT 1 FROM escalations e WHERE e.conversation_id = t.conversation_id) "
                + "FROM turns t WHERE t.created_at >= ? ORDER BY t.created_at";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, since.toString());
            List<ExportRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ExportRow(rs.getString(1), instant(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getDouble(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getBoolean(9)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("reading turns for export failed", e);
        }
    }

    @Override
    public int deleteTurnsBefore(Instant before) {
        try (Connection c = dataSource.getConnection()) {
            int deleted = 0;
            for (String sql : new String[] {"DELETE FROM turns WHERE created_at < ?",
                "DELETE FROM user_messages WHERE created_at < ?",
                "DELETE FROM outbox WHERE state <> 'pending' AND created_at < ?",
                "DELETE FROM channel_addresses WHERE last_inbound_at < ?"}) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, before.toString());
                    deleted += s.executeUpdate();
                }
            }
            erasePages(c);
            return deleted;
        } catch (SQLException e) {
            throw new StoreException("retention failed", e);
        }
    }

    /** Intent, risk and reply language of the last stored turn, and the number of turns (for golden replays). */
    public Optional<String[]> lastTurnSummary() {
        String sql = "SELECT t.intent, t.risk, c.language, (SELECT COUNT(*) FROM turns) FROM turns t "
                + "JOIN conversations c ON c.id = t.conversation_id ORDER BY t.created_at DESC, t.rowid DESC LIMIT 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4)}) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("reading the last turn failed", e);
        }
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
