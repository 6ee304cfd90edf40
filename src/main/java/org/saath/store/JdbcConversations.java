package org.saath.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.saath.privacy.SealedAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Conversations} over JDBC. Two locks make a unit of work exclusive for its conversation:
 * <ol>
 *   <li>on this node, a striped lock on the conversation key (turns of different people rarely share a stripe, and
 *       a shared stripe only makes them wait for each other);</li>
 *   <li>on PostgreSQL, a transaction-scoped advisory lock on the key ({@code pg_advisory_xact_lock}), so that
 *       several nodes serialise too; it is released by commit or rollback, and stores nothing about the person.</li>
 * </ol>
 * On SQLite reads run before the write transaction (the node lock keeps them current: SQLite is one node); a turn's
 * first read runs on the group committer's connection ({@link Database#readInGroup}), whose pages are at hand, or is
 * not run at all when the person's last turn left a snapshot of what it wrote ({@link TurnSnapshots}): whether the
 * message was answered before is then checked in the transaction that writes the turn. A
 * unit that only records its turn hands the writes to the group commit ({@link Database#commitInGroup}) and returns
 * once they are committed; a unit that needs an answer from a write (a partner's place, a transition) opens its own
 * write transaction at that write, so the file's single write slot is held only for the writes.
 *
 * <p>Every transition a unit made is told to the {@link Transition.Listener} once the unit has committed (never for
 * a unit that rolled back): the one place metrics and the impact counts hear of escalations moving, whoever moved
 * them.
 */
public final class JdbcConversations implements Conversations {

    private static final int STRIPES = 1024;
    private static final int ATTEMPTS = 3;
    private static final String DEADLOCK = "40P01";
    private static final String SERIALISATION_FAILURE = "40001";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcConversations.class);

    private final Database db;
    private final Transition.Listener transitions;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public JdbcConversations(Database db) {
        this(db, Transition.Listener.NONE);
    }

    /** As above, telling {@code transitions} about every committed escalation transition. */
    public JdbcConversations(Database db, Transition.Listener transitions) {
        this.db = db;
        this.transitions = transitions;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>On PostgreSQL two units of different conversations can still wait for each other: each holds a row the other
     * needs (two partners' places, taken and given back in opposite order by opposite transfers). PostgreSQL ends one
     * of them as a deadlock ({@code 40P01}), or a serialisation failure ({@code 40001}); on SQLite a turn fails as the
     * latter when another process deleted the person it read ({@link TurnSql}, {@link EscalationSql}). Nothing of it
     * was written, and it runs again from the start, up to {@value #ATTEMPTS} times in all.
     */
    @Override
    public <T> T withConversation(ConversationKey key, Function<ConversationTx, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(key, work, attempt == 1);
            } catch (StoreException e) {
                if (attempt == ATTEMPTS || !lostToAnother(e)) {
                    throw e;
                }
                LOG.info("a conversation's unit of work runs again ({}: {})", sqlState(e), sqlMessage(e));
            }
        }
    }

    /** Whether PostgreSQL ended the unit to let another one on, or its write found gone what it read. */
    private static boolean lostToAnother(Throwable e) {
        String state = sqlState(e);
        return DEADLOCK.equals(state) || SERIALISATION_FAILURE.equals(state);
    }

    /**
     * What a write throws when what its unit read is no longer so: another process deleted it between the unit's
     * reads and this write ({@code saath forget} on SQLite, whose units read before their write transaction), or the
     * unit took from memory a conversation whose message had been answered. The unit runs again on what is there now.
     */
    static SQLException readIsStale(String what) {
        return new SQLException(what, SERIALISATION_FAILURE);
    }

    /** The first SQL error with a state among the causes of {@code e}: what the unit lost to. */
    private static Optional<SQLException> sqlError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private static String sqlState(Throwable e) {
        return sqlError(e).map(SQLException::getSQLState).orElse(null);
    }

    /** Its message: why the unit runs again, never a person's words. */
    private static String sqlMessage(Throwable e) {
        return sqlError(e).map(SQLException::getMessage).orElse(null);
    }

    /**
     * @param fromMemory whether a turn may take the conversation from its snapshot ({@link TurnSnapshots}): not when
     *                   running again, after a write found the snapshot wrong
     */
    private <T> T once(ConversationKey key, Function<ConversationTx, T> work, boolean fromMemory) {
        ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), STRIPES)];
        List<Transition> moved;
        boolean forgot;
        T result;
        Optional<TurnSnapshots.Snapshot> left = Optional.empty();
        boolean untouched = false;
        lock.lock();
        try {
            try (Unit unit = new Unit(key, fromMemory)) {
                result = work.apply(unit);
                unit.commit();
                forgot = unit.forgot;
                moved = unit.moved;
                left = unit.left();
                untouched = unit.wroteNothing();
            }
            if (forgot) {
                db.erasePages();        // once the unit's connection is back: erasing takes one of its own
            }
        } catch (SQLException e) {
            throw new StoreException("a conversation's unit of work failed: " + e.getMessage(), e);
        } finally {
            // still under the lock: the next unit of this conversation finds what this one left, what was there if it
            // wrote nothing, or nothing
            if (left.isPresent()) {
                db.snapshots().keep(key, left.get());
            } else if (!untouched) {
                db.snapshots().drop(key);
            }
            lock.unlock();
        }
        moved.forEach(this::tell);
        return result;
    }

    /** Tells the listener; one that fails is logged and passed over: the transition is committed already. */
    private void tell(Transition transition) {
        try {
            transitions.transitioned(transition);
        } catch (RuntimeException e) {
            LOG.warn("a transition listener failed: {}", e.toString());
        }
    }

    /** One unit of work: reads and writes for one conversation. */
    private final class Unit implements ConversationTx, AutoCloseable {

        private final ConversationKey key;
        private Database.Transaction tx;
        private Optional<ConversationRow> conversation;
        /** The open escalation read with the dedupe record; null when not read so, or once the unit wrote. */
        private Optional<EscalationRow> open;
        /** The person's last messages read with the dedupe record, oldest first; null when not read so, or once the
         *  unit wrote. */
        private List<String> recent;
        private boolean forgot;
        /** Whether a turn's first read may come from the conversation's snapshot. */
        private final boolean fromMemory;
        /**
         * The message ids of a turn that took its conversation from the snapshot: whether the message was answered
         * before is checked by the unit's first write, in its transaction. Null once checked, or when read.
         */
        private String[] unchecked;
        /** The open escalation and the last messages as the turn's first read found them; null before it. */
        private Optional<EscalationRow> openAtStart;
        private List<String> recentAtStart;
        /** The keyed hash of the text of the message this unit answers, kept with its id; null before it is told. */
        private String textKey;
        /** The turns this unit recorded, in order. */
        private final List<TurnWrite> recorded = new ArrayList<>();
        /** The transitions this unit made, told to the listener after the commit. */
        private final List<Transition> moved = new ArrayList<>();
        /** SQLite: writes that need no answer now, committed with other conversations' in one group commit. */
        private final List<Database.Work<?>> deferred = new ArrayList<>();

        Unit(ConversationKey key, boolean fromMemory) throws SQLException {
            this.key = key;
            this.fromMemory = fromMemory;
            if (db.dialect() == Database.Dialect.POSTGRESQL) {
                try {
                    writing().execute("SELECT pg_advisory_xact_lock(?)", key.lockId());
                } catch (SQLException | RuntimeException e) {
                    close();
                    throw e;
                }
            }
        }

        private Sql writing() throws SQLException {
            if (tx == null) {
                tx = db.begin();
                if (unchecked != null) {
                    requireUnanswered(tx.sql(), unchecked);
                    unchecked = null;
                }
                for (Database.Work<?> work : deferred) {     // what was deferred goes first, in order
                    work.run(tx.sql());
                }
                deferred.clear();
            }
            return tx.sql();
        }

        private <T> T read(Database.Work<T> work) {
            if (tx != null) {
                try {
                    return work.run(tx.sql());
                } catch (SQLException e) {
                    throw new StoreException("reading the store failed: " + e.getMessage(), e);
                }
            }
            return db.read(work);
        }

        private <T> T write(Database.Work<T> work) {
            open = null;
            recent = null;
            try {
                return work.run(writing());
            } catch (SQLException e) {
                throw new StoreException("writing the store failed: " + e.getMessage(), e);
            }
        }

        @Override
        public ConversationKey key() {
            return key;
        }

        @Override
        public Optional<String> processedResponse(String messageId, String messageKey, String textKey) {
            this.textKey = textKey;
            if (conversation != null) {
                return read(sql -> TurnSql.processedResponse(sql, key, messageId, messageKey))
                        .map(p -> p.sameText(textKey).response());
            }
            Optional<TurnSnapshots.Snapshot> kept = fromMemory && tx == null ? db.snapshots().get(key)
                    : Optional.empty();
            if (kept.isPresent()) {
                conversation = Optional.of(kept.get().conversation());
                open = kept.get().open();
                recent = kept.get().recentTexts();
                unchecked = new String[] {messageId, messageKey};
            } else {
                // a turn's first read: the conversation and its open escalation come with it, in the same statement
                Database.Work<TurnSql.Start> first = sql -> TurnSql.start(sql, key, messageId, messageKey);
                TurnSql.Start start = tx != null ? read(first) : db.readInGroup(first);
                conversation = start.conversation();
                open = start.open();
                recent = start.recentTexts();
                if (start.response().isPresent()) {
                    return Optional.of(start.response().get().sameText(textKey).response());
                }
            }
            openAtStart = open;
            recentAtStart = recent;
            return Optional.empty();
        }

        /**
         * Fails the unit as a serialisation failure when the message it answers from a snapshot was answered before
         * (a platform's redelivery): nothing of it is written, and it runs again reading the store, which finds the
         * first answer.
         */
        private void requireUnanswered(Sql sql, String[] ids) throws SQLException {
            if (TurnSql.processedResponse(sql, key, ids[0], ids[1]).isPresent()) {
                throw readIsStale("the message was answered before this turn took its conversation from memory");
            }
        }

        /** Whether the unit committed no write at all (it only read). */
        boolean wroteNothing() {
            return tx == null && deferred.isEmpty();        // a turn recorded is deferred or written in tx
        }

        /**
         * What this unit leaves for the conversation's next turn: the state its turn wrote, when it recorded a turn
         * through the group commit alone, after the turn's first read. Nothing when it wrote otherwise (an
         * escalation opened, raised or moved, a partner's place, a reply noted, the person forgotten): the next turn
         * reads the store.
         */
        Optional<TurnSnapshots.Snapshot> left() {
            if (tx != null || forgot || recentAtStart == null || recorded.isEmpty() || recorded.stream().anyMatch(
                    w -> w.newEscalation().isPresent() || w.raisedEscalation().isPresent())) {
                return Optional.empty();
            }
            List<String> texts = new ArrayList<>(recentAtStart);
            recorded.forEach(w -> texts.add(w.turn().textRedacted()));
            return Optional.of(new TurnSnapshots.Snapshot(recorded.get(recorded.size() - 1).conversation(),
                    openAtStart, texts.subList(Math.max(0, texts.size() - TurnSql.RECENT_TEXTS), texts.size())));
        }

        @Override
        public Optional<ConversationRow> conversation() {
            if (conversation == null) {
                conversation = read(sql -> TurnSql.conversation(sql, key));
            }
            return conversation;
        }

        @Override
        public Optional<EscalationRow> openEscalation() {
            if (open != null) {
                return open;
            }
            return conversation().isEmpty() ? Optional.empty()
                    : read(sql -> TurnSql.openEscalation(sql, conversation().get().id()));
        }

        @Override
        public SortedMap<Integer, String> planAnswers() {
            return conversation().isEmpty() ? new java.util.TreeMap<>()
                    : read(sql -> TurnSql.planAnswers(sql, conversation().get().id()));
        }

        @Override
        public List<String> recentUserTexts(int limit) {
            if (recent != null && limit <= TurnSql.RECENT_TEXTS) {
                return recent.subList(Math.max(0, recent.size() - limit), recent.size());
            }
            return conversation().isEmpty() ? List.of()
                    : read(sql -> TurnSql.recentUserTexts(sql, conversation().get().id(), limit));
        }

        @Override
        public boolean takePartnerSlot(String partnerId, int capacity) {
            return write(sql -> EscalationSql.takeSlot(sql, partnerId, capacity));
        }

        @Override
        public void record(TurnWrite write) {
            String text = textKey;
            Database.Work<Void> work = sql -> {
                TurnSql.record(sql, write, text);
                return null;
            };
            open = null;             // the write may open one
            recent = null;
            recorded.add(write);
            if (tx == null && db.dialect() == Database.Dialect.SQLITE) {
                deferred.add(work);
            } else {
                write(work);
            }
            conversation = Optional.of(write.conversation());
        }

        @Override
        public void keepAddress(SealedAddress address, Instant wroteAt, Instant at) {
            Database.Work<Void> work = sql -> {
                AddressStore.remember(sql, key, address, wroteAt, at);
                return null;
            };
            if (tx == null && db.dialect() == Database.Dialect.SQLITE) {
                deferred.add(work);         // committed with the turn it belongs to
            } else {
                write(work);
            }
        }

        @Override
        public void recordProcessed(String conversationId, String messageId, String responseJson, Instant at,
                                    List<OutboxRow> outbox) {
            write(sql -> {
                sql.update("INSERT INTO processed_messages (channel, user_ref, message_id, conversation_id, "
                        + "response, processed_at, text_key) VALUES (?, ?, ?, ?, ?, ?, ?)", key.channel(),
                        key.userRef(), messageId, conversationId, responseJson, at, textKey);
                for (OutboxRow row : outbox) {
                    EscalationSql.enqueue(sql, row);
                }
                return null;
            });
        }

        @Override
        public boolean forget(Optional<String> messageKey, String responseJson, Instant at,
                              Optional<Ending> ending, List<OutboxRow> afterwards) {
            int deleted = write(sql -> {
                int rows = TurnSql.forget(sql, key, ending, at, moved);
                if (messageKey.isPresent()) {
                    sql.update("INSERT INTO forgotten_messages (message_key, response, processed_at) VALUES (?, ?, ?)",
                            messageKey.get(), responseJson, at);
                }
                for (OutboxRow row : afterwards) {
                    EscalationSql.enqueue(sql, row);
                }
                return rows;
            });
            conversation = Optional.empty();
            forgot = true;
            return deleted > 0;
        }

        @Override
        public boolean forgetIfInactiveSince(Instant before, Optional<Ending> ending, Instant at) {
            if (!read(sql -> TurnSql.inactiveSince(sql, key, before))) {
                return false;
            }
            write(sql -> TurnSql.forget(sql, key, ending, at, moved));
            conversation = Optional.empty();
            return true;      // the retention job erases the freed pages once, after all its deletions
        }

        @Override
        public Optional<EscalationNow> escalation(String escalationId) {
            return read(sql -> EscalationSql.current(sql, escalationId));
        }

        @Override
        public Optional<HandoffStore.Escalation> listed(String escalationId) {
            return read(sql -> HandoffStore.escalation(sql, escalationId));
        }

        @Override
        public Set<String> lapsedPartners(String escalationId) {
            return read(sql -> HandoffStore.lapsedPartners(sql, escalationId));
        }

        @Override
        public Optional<AddressStore.Kept> address() {
            return read(sql -> AddressStore.find(sql, key));
        }

        @Override
        public void keepForPerson(PersonMessage message, Instant at) {
            write(sql -> {
                EscalationSql.requirePerson(sql, key);
                EscalationSql.keepForPerson(sql, key, message, at);
                return null;
            });
        }

        @Override
        public void saidLast(String replyId, Instant at) {
            write(sql -> {
                sql.update("UPDATE conversations SET last_reply = ?, updated_at = ? WHERE channel = ? AND user_ref = ?",
                        replyId, at, key.channel(), key.userRef());
                return null;
            });
            conversation = conversation == null ? null : conversation.map(c -> new ConversationRow(c.id(), c.channel(),
                    c.userRef(), c.language(), c.state(), c.peakRisk(), c.peakRiskAt(), c.turns(), c.createdAt(),
                    c.preferredLanguage(), c.planStep(), c.consent(), c.topic(), c.topicAt(), replyId,
                    c.personGender(), c.otherGender(), c.saidCountry()));
        }

        @Override
        public void recordOutcome(String escalationId, String outcome) {
            write(sql -> {
                EscalationSql.recordOutcome(sql, key, escalationId, outcome);
                return null;
            });
        }

        @Override
        public boolean transition(String escalationId, Set<String> from, String to, Optional<String> partnerId,
                                  String actor, Instant at, Optional<Integer> expectedVersion,
                                  List<OutboxRow> outbox, Optional<PersonMessage> tell) {
            Optional<Transition> made = write(sql -> EscalationSql.transition(sql, key, escalationId, from, to,
                    partnerId, actor, at, expectedVersion, outbox, tell));
            made.ifPresent(moved::add);
            return made.isPresent();
        }

        void commit() throws SQLException {
            String[] check = unchecked;
            if (tx != null) {
                tx.commit();
            } else if (!deferred.isEmpty()) {
                List<Database.Work<?>> writes = List.copyOf(deferred);
                db.commitInGroup(sql -> {
                    if (check != null) {
                        requireUnanswered(sql, check);
                    }
                    for (Database.Work<?> work : writes) {
                        work.run(sql);
                    }
                    return null;
                });
            } else if (check != null) {         // nothing written: the answer given must still be the first
                db.readInGroup(sql -> {
                    requireUnanswered(sql, check);
                    return null;
                });
            }
        }

        @Override
        public void close() throws SQLException {
            if (tx != null) {
                tx.close();
            }
        }
    }
}
