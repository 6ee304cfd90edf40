package org.saath.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The SQL of one turn, shared by SQLite and PostgreSQL; every method runs on the caller's connection. */
final class TurnSql {

    static final String OPEN = "('requested', 'offered', 'claimed', 'active')";

    private TurnSql() {
    }

    /**
     * What a person's turn reads first, in one statement: see {@link #start}. {@code recentTexts} holds the last
     * {@link #RECENT_TEXTS} or fewer of the person's messages, oldest first.
     */
    record Start(Optional<Processed> response, Optional<ConversationRow> conversation, Optional<EscalationRow> open,
                 List<String> recentTexts) {
    }

    /**
     * A message answered before: the response stored, and the keyed hash of the text it was answered for (null for a
     * record written before texts were keyed, and for a forgotten one).
     */
    record Processed(String response, String textKey) {

        /** Throws {@link MessageIdReusedException} when the id was answered for another text than {@code textKey}. */
        Processed sameText(String textKey) {
            if (this.textKey != null && textKey != null && !this.textKey.equals(textKey)) {
                throw new MessageIdReusedException();
            }
            return this;
        }
    }

    /** How many of the person's last messages a turn's first read brings: the risk model's context (two). */
    static final int RECENT_TEXTS = 2;

    private static final String CONVERSATION_COLUMNS = "id, channel, user_ref, language, state, peak_risk, "
            + "peak_risk_at, turns, created_at, preferred_language, plan_step, consent, topic, topic_at, last_reply, "
            + "person_gender, other_gender, said_country";
    private static final String ESCALATION_COLUMNS = "id, conversation_id, state, reason, risk, topic, language, "
            + "created_at, partner_id, country, priority";

    /**
     * A turn's first read. The dedupe record is found by the message id's keyed hash (what turns store) or, for a
     * record written before they did, by the id itself; a forgotten one by the keyed hash.
     */
    private static final String START = "SELECT p.response, p.text_key, "
            + "(SELECT response FROM forgotten_messages WHERE message_key = ?), "
            + prefixed("c.", CONVERSATION_COLUMNS) + ", " + prefixed("e.", ESCALATION_COLUMNS)
            + recentTexts() + " FROM (SELECT 1 AS one) k "
            + "LEFT JOIN processed_messages p ON p.channel = ? AND p.user_ref = ? AND p.message_id IN (?, ?) "
            + "LEFT JOIN conversations c ON c.channel = ? AND c.user_ref = ? "
            + "LEFT JOIN escalations e ON e.conversation_id = c.id AND e.state IN " + OPEN;
    /**
     * The first column of the conversation, of its open escalation, and of the latest of the {@link #RECENT_TEXTS}
     * in {@link #START} (the ones before follow it).
     */
    private static final int CONVERSATION_AT = 4;
    private static final int ESCALATION_AT = CONVERSATION_AT + CONVERSATION_COLUMNS.split(", ").length;
    private static final int RECENT_AT = ESCALATION_AT + ESCALATION_COLUMNS.split(", ").length;

    /** The person's last messages, latest first, one column each: {@code ORDER BY … LIMIT 1 OFFSET n}. */
    private static String recentTexts() {
        StringBuilder columns = new StringBuilder();
        for (int n = 0; n < RECENT_TEXTS; n++) {
            columns.append(", (SELECT t.text_redacted FROM turns t WHERE t.conversation_id = c.id ORDER BY t.turn_no "
                    + "DESC LIMIT 1 OFFSET ").append(n).append(')');
        }
        return columns.toString();
    }

    private static String prefixed(String alias, String columns) {
        return alias + columns.replace(", ", ", " + alias);
    }

    /**
     * The four reads that open a person's turn (the dedupe record, the conversation, its open escalation, the
     * person's last messages) as one statement: one read transaction instead of four (on SQLite each may begin by
     * dropping the connection's page cache, when another connection committed in between), and one round trip on
     * PostgreSQL. The same answers as {@link #processedResponse}, {@link #conversation}, {@link #openEscalation}
     * and {@link #recentUserTexts}.
     */
    static Start start(Sql sql, ConversationKey key, String messageId, String messageKey) throws SQLException {
        return sql.one(START, rs -> new Start(
                firstOf(rs.getString(1), rs.getString(2), rs.getString(3)),
                rs.getString(CONVERSATION_AT) == null ? Optional.empty()
                        : Optional.of(conversationRow(rs, CONVERSATION_AT)),
                rs.getString(ESCALATION_AT) == null ? Optional.empty() : Optional.of(escalationRow(rs, ESCALATION_AT)),
                recentTexts(rs)),
                messageKey, key.channel(), key.userRef(), messageKey, messageId, key.channel(), key.userRef())
                .orElseThrow();
    }

    private static List<String> recentTexts(ResultSet rs) throws SQLException {
        List<String> texts = new ArrayList<>(RECENT_TEXTS);
        for (int column = RECENT_AT + RECENT_TEXTS - 1; column >= RECENT_AT; column--) {
            if (rs.getString(column) != null) {
                texts.add(rs.getString(column));
            }
        }
        return texts;
    }

    /** The processed record (its response and text key), else the forgotten one. */
    private static Optional<Processed> firstOf(String processed, String textKey, String forgotten) {
        if (processed != null) {
            return Optional.of(new Processed(processed, textKey));
        }
        return Optional.ofNullable(forgotten).map(response -> new Processed(response, null));
    }

    /** One round trip: the processed message by its keyed hash (or, from before, its id), or a forgotten one. */
    static Optional<Processed> processedResponse(Sql sql, ConversationKey key, String messageId, String messageKey)
            throws SQLException {
        return sql.one("SELECT response, text_key FROM processed_messages WHERE channel = ? AND user_ref = ? "
                        + "AND message_id IN (?, ?) "
                        + "UNION ALL SELECT response, NULL FROM forgotten_messages WHERE message_key = ?",
                rs -> new Processed(rs.getString(1), rs.getString(2)), key.channel(), key.userRef(), messageKey,
                messageId, messageKey);
    }

    static Optional<ConversationRow> conversation(Sql sql, ConversationKey key) throws SQLException {
        return sql.one("SELECT " + CONVERSATION_COLUMNS + " FROM conversations WHERE channel = ? AND user_ref = ?",
                rs -> conversationRow(rs, 1), key.channel(), key.userRef());
    }

    static Optional<EscalationRow> openEscalation(Sql sql, String conversationId) throws SQLException {
        return sql.one("SELECT " + ESCALATION_COLUMNS + " FROM escalations WHERE conversation_id = ? AND state IN "
                + OPEN, rs -> escalationRow(rs, 1), conversationId);
    }

    /** A conversation's {@link #CONVERSATION_COLUMNS}, the first at column {@code at}. */
    private static ConversationRow conversationRow(ResultSet rs, int at) throws SQLException {
        return new ConversationRow(rs.getString(at), rs.getString(at + 1), rs.getString(at + 2),
                rs.getString(at + 3), rs.getString(at + 4), rs.getString(at + 5), Times.parse(rs.getString(at + 6)),
                rs.getInt(at + 7), Times.parse(rs.getString(at + 8)), rs.getString(at + 9), rs.getInt(at + 10),
                rs.getString(at + 11), rs.getString(at + 12), Times.parse(rs.getString(at + 13)),
                rs.getString(at + 14), rs.getString(at + 15), rs.getString(at + 16), rs.getString(at + 17));
    }

    /** An escalation's {@link #ESCALATION_COLUMNS}, the first at column {@code at}. */
    private static EscalationRow escalationRow(ResultSet rs, int at) throws SQLException {
        return new EscalationRow(rs.getString(at), rs.getString(at + 1), rs.getString(at + 2), rs.getString(at + 3),
                rs.getString(at + 4), rs.getString(at + 5), rs.getString(at + 6), Times.parse(rs.getString(at + 7)),
                rs.getString(at + 8), rs.getString(at + 9), rs.getString(at + 10));
    }

    static SortedMap<Integer, String> planAnswers(Sql sql, String conversationId) throws SQLException {
        SortedMap<Integer, String> answers = new TreeMap<>();
        sql.list("SELECT step, answer FROM safety_plans WHERE conversation_id = ?",
                rs -> answers.put(rs.getInt(1), rs.getString(2)), conversationId);
        return answers;
    }

    /** The last {@code limit} turns' redacted texts, oldest first; {@code turn_no} orders them on both databases. */
    static List<String> recentUserTexts(Sql sql, String conversationId, int limit) throws SQLException {
        List<String> texts = new ArrayList<>(sql.list("SELECT text_redacted FROM turns WHERE conversation_id = ? "
                + "ORDER BY turn_no DESC LIMIT ?", rs -> rs.getString(1), conversationId, limit));
        Collections.reverse(texts);
        return texts;
    }

    /** Writes a turn; {@code textKey} is the keyed hash of its message's text, kept with its id (may be null). */
    static void record(Sql sql, TurnWrite write, String textKey) throws SQLException {
        ConversationRow conversation = write.conversation();
        TurnRow turn = write.turn();
        saveConversation(sql, conversation, write.newConversation(), turn.createdAt());
        sql.update("INSERT INTO processed_messages (channel, user_ref, message_id, conversation_id, response, "
                        + "processed_at, text_key) VALUES (?, ?, ?, ?, ?, ?, ?)", conversation.channel(),
                conversation.userRef(), write.messageId(), conversation.id(), write.responseJson(), turn.createdAt(),
                textKey);
        sql.update("INSERT INTO turns (id, conversation_id, message_id, created_at, text_redacted, language, intent, "
                        + "confidence, risk, conversation_risk, signals, rule_id, helplines, reply_text, model_version, "
                        + "turn_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", turn.id(),
                conversation.id(), turn.messageId(), turn.createdAt(), turn.textRedacted(), turn.language(),
                turn.intent(), turn.confidence(), turn.risk(), turn.conversationRisk(), turn.signals(), turn.ruleId(),
                turn.helplines(), turn.replyText(), turn.modelVersion(), conversation.turns());
        if (write.newEscalation().isPresent()) {
            EscalationSql.insert(sql, write.newEscalation().get(), conversation.id());
        }
        if (write.raisedEscalation().isPresent()) {
            TurnWrite.RaisedEscalation raised = write.raisedEscalation().get();
            sql.update("UPDATE escalations SET risk = ?, priority = ?, topic = ? WHERE id = ? AND conversation_id = ? "
                    + "AND state IN " + OPEN, raised.risk(), raised.priority(), raised.topic(), raised.escalationId(),
                    conversation.id());
        }
        for (OutboxRow row : write.outbox()) {
            EscalationSql.enqueue(sql, row);
        }
        if (write.planAnswer().isPresent()) {
            TurnWrite.PlanAnswer answer = write.planAnswer().get();
            sql.update("DELETE FROM safety_plans WHERE conversation_id = ? AND step = ?", conversation.id(),
                    answer.step());
            sql.update("INSERT INTO safety_plans (conversation_id, step, answer, updated_at) VALUES (?, ?, ?, ?)",
                    conversation.id(), answer.step(), answer.answerRedacted(), turn.createdAt());
        }
    }

    /**
     * Inserts a new conversation, or updates the one the unit read. That one is gone only when another process
     * deleted it after the unit read it ({@code saath forget} on SQLite, where a unit reads before its write
     * transaction; one process serialises its own units, PostgreSQL's lock every node's): written again, it would
     * bring back what was deleted (the risk, the topic, the turn count). The unit fails as a serialisation failure
     * instead, and {@link JdbcConversations} runs it again on what is there now.
     */
    private static void saveConversation(Sql sql, ConversationRow row, boolean isNew, Instant now)
            throws SQLException {
        if (!isNew) {
            if (sql.update("UPDATE conversations SET language = ?, state = ?, peak_risk = ?, peak_risk_at = ?, "
                            + "turns = ?, preferred_language = ?, plan_step = ?, consent = ?, topic = ?, topic_at = ?, "
                            + "last_reply = ?, person_gender = ?, other_gender = ?, said_country = ?, updated_at = ? "
                            + "WHERE id = ?",
                    row.language(), row.state(), row.peakRisk(), row.peakRiskAt(), row.turns(),
                    row.preferredLanguage(), row.planStep(), row.consent(), row.topic(), row.topicAt(),
                    row.lastReply(), row.personGender(), row.otherGender(), row.saidCountry(), now, row.id()) == 0) {
                throw JdbcConversations.readIsStale("the conversation was deleted after this turn read it");
            }
            return;
        }
        sql.update("INSERT INTO conversations (id, channel, user_ref, language, state, peak_risk, peak_risk_at, turns, "
                        + "preferred_language, plan_step, consent, topic, topic_at, last_reply, person_gender, "
                        + "other_gender, said_country, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.id(), row.channel(),
                row.userRef(), row.language(), row.state(), row.peakRisk(), row.peakRiskAt(), row.turns(),
                row.preferredLanguage(), row.planStep(), row.consent(), row.topic(), row.topicAt(), row.lastReply(),
                row.personGender(), row.otherGender(), row.saidCountry(), row.createdAt(), now);
    }

    /**
     * A conversation in which nothing happened at or after the bound (three times the same instant): no turn, no
     * change to its escalations, no message kept for the person. Retention's "older than the window".
     */
    static final String INACTIVE = "c.updated_at < ? AND NOT EXISTS (SELECT 1 FROM escalations e "
            + "WHERE e.conversation_id = c.id AND e.updated_at >= ?) AND NOT EXISTS (SELECT 1 FROM user_messages m "
            + "WHERE m.channel = c.channel AND m.user_ref = c.user_ref AND m.created_at >= ?)";

    static boolean inactiveSince(Sql sql, ConversationKey key, Instant before) throws SQLException {
        return sql.one("SELECT 1 FROM conversations c WHERE c.channel = ? AND c.user_ref = ? AND " + INACTIVE,
                rs -> true, key.channel(), key.userRef(), before, before, before).isPresent();
    }

    /** Tables whose rows belong to one conversation by its id. */
    private static final String[] BY_CONVERSATION = {"safety_plans", "turns", "escalations", "processed_messages",
        "outbox", "outbox_sent"};
    /** Tables whose rows belong to one person by channel and user reference. */
    private static final String[] BY_PERSON = {"user_messages", "processed_messages", "channel_addresses"};

    /**
     * Deletes everything about one person (see {@link ConversationTx#forget}); the open escalation that
     * {@code ending} names, if any, ends first, and that move is added to {@code moved}.
     */
    static int forget(Sql sql, ConversationKey key, Optional<ConversationTx.Ending> ending, Instant at,
                      List<Transition> moved) throws SQLException {
        Optional<String> id = sql.one("SELECT id FROM conversations WHERE channel = ? AND user_ref = ?",
                rs -> rs.getString(1), key.channel(), key.userRef());
        Optional<Transition> endingMove = id.isPresent() && ending.isPresent()
                ? recordEnding(sql, id.get(), ending.get(), at) : Optional.empty();
        endingMove.ifPresent(moved::add);
        boolean ended = endingMove.isPresent();
        int deleted = 0;
        if (id.isPresent()) {
            // the partner's place goes back (a conversation has at most one open escalation)
            sql.update("UPDATE partner_load SET held = held - 1 WHERE partner_id IN (SELECT partner_id "
                    + "FROM escalations WHERE conversation_id = ? AND state IN ('offered', 'claimed', 'active'))",
                    id.get());
            for (String escalation : sql.list("SELECT id FROM escalations WHERE conversation_id = ?",
                    rs -> rs.getString(1), id.get())) {
                // a partner's idempotency records name the escalation in their request path
                deleted += sql.update("DELETE FROM request_outcomes WHERE request LIKE ?",
                        "%/escalations/" + escalation + "/%");
                // a partner not yet told that the person ended the chat ("stop", "end chat" just before) still is:
                // the notice holds nothing about the person, and is ordered by the escalation from now on
                sql.update("UPDATE outbox SET conversation_id = ? WHERE conversation_id = ? AND destination = "
                        + "'partner' AND idempotency_key = ? AND state = 'pending'", escalation, id.get(),
                        escalation + ":resolved");
            }
            deleted += sql.update("DELETE FROM escalation_events WHERE escalation_id IN "
                    + "(SELECT id FROM escalations WHERE conversation_id = ?)", id.get());
            for (String table : BY_CONVERSATION) {
                deleted += sql.update("DELETE FROM " + table + " WHERE conversation_id = ?", id.get());
            }
        }
        for (String table : BY_PERSON) {
            deleted += sql.update("DELETE FROM " + table + " WHERE channel = ? AND user_ref = ?", key.channel(),
                    key.userRef());
        }
        if (id.isPresent()) {
            deleted += sql.update("DELETE FROM conversations WHERE id = ?", id.get());
        }
        if (ended) {
            for (OutboxRow row : ending.get().toPartner()) {
                EscalationSql.enqueue(sql, row);
            }
        }
        return deleted;
    }

    /**
     * Keeps how the open escalation ended (who, why, when, from which state, with which partner) apart from the
     * person, and returns that move in closed values (for metrics and the anonymous counts); empty when
     * {@code ending} names no open escalation of this conversation.
     */
    private static Optional<Transition> recordEnding(Sql sql, String conversationId, ConversationTx.Ending ending,
                                                     Instant at) throws SQLException {
        Optional<Transition> move = sql.one("SELECT state, partner_id, offered_at FROM escalations WHERE id = ? "
                + "AND conversation_id = ? AND state IN " + OPEN, rs -> new Transition(rs.getString(1), "resolved",
                        Optional.ofNullable(rs.getString(2)), ending.actor(), at,
                        Optional.ofNullable(Times.parse(rs.getString(3)))), ending.escalationId(), conversationId);
        if (move.isPresent()) {
            sql.update("INSERT INTO escalation_endings (escalation_id, partner_id, from_state, to_state, actor, "
                    + "reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)", ending.escalationId(),
                    move.get().partnerId().orElse(null), move.get().from(), move.get().to(), ending.actor(),
                    ending.reason(), at);
        }
        return move;
    }
}
