/**
 * The JDBC store: SQLite by default (one file in the data folder), PostgreSQL when several nodes share state,
 * chosen by {@code store.url}; one HikariCP pool; Flyway migrations in {@code db/migration} (SQL both accept) and
 * {@code db/sqlite}, {@code db/postgresql} (the few steps whose DDL must differ).
 *
 * <h2>One turn, one transaction</h2>
 * Everything that changes a conversation runs in {@link org.saath.store.Conversations#withConversation}: a person's
 * turn (dedupe check, load, decide, write) and a counsellor's action on their escalation alike. Two locks make the
 * unit exclusive for its conversation:
 * <ul>
 *   <li><b>on one node</b>, a striped {@code ReentrantLock} keyed by the conversation (channel + keyed user hash),
 *       so that messages of one person that arrive together are handled one after the other without tying up
 *       database connections while they wait;</li>
 *   <li><b>on PostgreSQL</b>, {@code pg_advisory_xact_lock} on a 64-bit hash of the same key, taken first in the
 *       unit's transaction and released by its commit or rollback, so that nodes serialise too. Chosen over a row
 *       lock on the conversation ({@code INSERT … ON CONFLICT DO NOTHING} then {@code SELECT … FOR UPDATE}) because
 *       a person's first message has no conversation row to lock yet, because a lock row would have to be created
 *       for every person and deleted again with "delete my data" and by retention (and a deleted row wakes waiters
 *       with nothing to lock), and because it costs one statement instead of two; a hash collision only makes two
 *       conversations wait for each other.</li>
 * </ul>
 * Not optimistic versioning with retry as the rule: a turn renders a reply and may take a partner's place, which a
 * retry would have to undo; waiting a few milliseconds behind the person's previous message is cheaper and simpler.
 * A unit runs again only when nothing of it was written: PostgreSQL ended it as a deadlock ({@code 40P01}, opposite
 * transfers) or a serialisation failure, or, on SQLite, another process deleted the person it read
 * ({@code saath forget}; the write finds them gone and fails as {@code 40001}).
 *
 * <p>On SQLite (one node by construction: one file) reads run before the write transaction, under the node lock, and
 * the write transaction opens at the first write with {@code BEGIN IMMEDIATE}; writers queue on an in-process lock
 * rather than on SQLite's sleeping busy handler, so the file's one write slot is held only for the writes. In WAL mode
 * with {@code synchronous=NORMAL} a committed transaction survives {@code kill -9} (not a power cut).
 *
 * <h2>Invariants the schema keeps</h2>
 * <ul>
 *   <li>a message id is recorded once per person ({@code processed_messages} primary key); a "delete my data" is
 *       recorded only as an HMAC of channel, user reference and message id ({@code forgotten_messages}), so nothing
 *       links it to the person;</li>
 *   <li>at most one open escalation per conversation (a partial unique index, which SQLite and PostgreSQL both
 *       have);</li>
 *   <li>a partner's places are a counter taken with {@code UPDATE … SET held = held + 1 WHERE held < capacity} and
 *       given back by the transition that moves an escalation away, so concurrent routing can never exceed a
 *       capacity; every change of an escalation's state or partner must go through
 *       {@link org.saath.store.ConversationTx#transition} (or forgetting) to keep the counter true;</li>
 *   <li>a transition is a compare-and-set on the escalation's {@code version}, so two nodes expiring the same offer
 *       cannot both move it;</li>
 *   <li>outbox rows are numbered by the database (an identity column, SQLite's integer key) and inserted under
 *       their conversation's lock, so number order is commit order per conversation; a node claims rows with a
 *       lease ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL), and another node takes them over when it lapses.</li>
 * </ul>
 * Instants are stored as fixed-width ISO-8601 text ({@link org.saath.store.Times}) so that text order is time order.
 */
package org.saath.store;
