package org.saath.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.saath.dialogue.TurnObserver;
import org.saath.dialogue.TurnOutcome;
import org.saath.store.ImpactStore;
import org.saath.store.StoreException;
import org.saath.store.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the anonymous impact counts: every turn and every escalation transition adds one to a cell of closed
 * values (UTC day and hour, channel, country, language, topic, risk; the state entered and who moved it; how long an
 * offer waited for a claim). Nothing about a person reaches a cell, so the counts stay after "delete my data" and
 * retention.
 *
 * <p>Counts gather in memory and {@link #flush} adds them to the store in one small transaction (every few seconds
 * while serving, at shutdown, and before a report is read), so a turn pays nothing for them. A crash loses at most
 * the counts since the last flush: an undercount, never a person.
 */
public final class ImpactRecorder implements TurnObserver, Transition.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ImpactRecorder.class);

    private final ImpactStore store;
    private Map<ImpactStore.TurnCell, long[]> turns = new HashMap<>();
    private Map<ImpactStore.EscalationCell, long[]> escalations = new HashMap<>();
    private Map<ImpactStore.WaitCell, long[]> waits = new HashMap<>();

    public ImpactRecorder(ImpactStore store) {
        this.store = store;
    }

    @Override
    public void observe(TurnOutcome t) {
        String day = day(t.at());
        int hour = t.at().atZone(ZoneOffset.UTC).getHour();
        ImpactStore.TurnCell cell = new ImpactStore.TurnCell(day, hour, t.channel(), t.country(),
                t.language().code(), t.intent().label(), t.risk().code());
        synchronized (this) {       // every request thread passes here: the cell is made before
            add(turns, cell, 1, t.newConversation() ? 1 : 0);
            t.escalation().ifPresent(e -> {
                add(escalations, escalationCell(day, "", "requested", "saath"), 1);
                if (e.state().equals("offered")) {
                    add(escalations, escalationCell(day, e.partnerId().orElse(""), "offered", "saath"), 1);
                }
            });
        }
    }

    /**
     * An escalation count: its day, partner, state and who moved it, and nothing of the person (their country,
     * language, topic and risk stay empty): next to what is kept of an escalation whose person was deleted (its id,
     * partner, ending and time), a count of one would give those back, and no view reads them.
     */
    private static ImpactStore.EscalationCell escalationCell(String day, String partner, String state, String actor) {
        return new ImpactStore.EscalationCell(day, "", "", "", "", partner, state, actor);
    }

    @Override
    public void transitioned(Transition t) {
        String day = day(t.at());
        String partner = t.partnerId().orElse("");
        synchronized (this) {
            add(escalations, escalationCell(day, partner, t.to(), actor(t.actor())), 1);
            if (t.to().equals("claimed") && t.offeredAt().isPresent()) {
                Duration wait = Duration.between(t.offeredAt().get(), t.at());
                add(waits, new ImpactStore.WaitCell(day, partner, WaitBucket.of(wait).code()), 1);
            }
        }
    }

    /**
     * Adds what has gathered to the store. When the store cannot take it, the counts stay here for the next flush
     * and the failure is logged; nothing is thrown at the caller.
     */
    public void flush() {
        ImpactStore.Batch batch;
        synchronized (this) {
            batch = new ImpactStore.Batch(
                    turns.entrySet().stream().map(x -> new ImpactStore.TurnCount(x.getKey(), x.getValue()[0],
                            x.getValue()[1])).toList(),
                    escalations.entrySet().stream().map(x -> new ImpactStore.EscalationCount(x.getKey(),
                            x.getValue()[0])).toList(),
                    waits.entrySet().stream().map(x -> new ImpactStore.WaitCount(x.getKey(), x.getValue()[0]))
                            .toList());
            turns = new HashMap<>();
            escalations = new HashMap<>();
            waits = new HashMap<>();
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.add(batch);
        } catch (StoreException e) {
            LOG.warn("impact counts not saved yet, kept for the next try: {}", e.getMessage());
            putBack(batch);
        }
    }

    private synchronized void putBack(ImpactStore.Batch batch) {
        batch.turns().forEach(c -> add(turns, c.cell(), c.turns(), c.conversations()));
        batch.escalations().forEach(c -> add(escalations, c.cell(), c.transitions()));
        batch.waits().forEach(c -> add(waits, c.cell(), c.claims()));
    }

    /**
     * Who moved an escalation, as a closed value: the bot (routing, an offer's deadline: {@code saath},
     * {@code lapsed:<partner>}), the person, or a partner (its system or a counsellor, a decline included:
     * {@code lapsed:<partner>:<who declined>}).
     */
    static String actor(String actor) {
        if (actor.equals("person")) {
            return "person";
        }
        boolean deadline = actor.startsWith("lapsed:") && actor.indexOf(':', "lapsed:".length()) < 0;
        return actor.equals("saath") || deadline ? "saath" : "partner";
    }

    private static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    private static <K> void add(Map<K, long[]> counts, K key, long... by) {
        long[] current = counts.computeIfAbsent(key, k -> new long[by.length]);
        for (int i = 0; i < by.length; i++) {
            current[i] += by[i];
        }
    }
}
