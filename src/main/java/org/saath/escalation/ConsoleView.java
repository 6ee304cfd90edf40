package org.saath.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.saath.store.ConsoleStore;
import org.saath.store.CounsellorStore;
import org.saath.store.HandoffStore;

/**
 * What the console shows a partner, as one JSON-ready map: the queue (most urgent first) and, for each escalation,
 * the context a counsellor needs before the first word: the conversation before the handoff (redacted, only with
 * the person's consent), the risk message by message, topic, language, country and the person's local time zone,
 * the acceptance deadline of an offer (with the server's time, for an honest countdown), who holds it, where it
 * could be transferred, and what was said since (with who wrote it).
 */
public final class ConsoleView {

    private final HandoffStore store;
    private final ConsoleStore console;
    private final CounsellorStore counsellors;
    private final EscalationDesk desk;
    private final PartnerDirectory partners;
    private final CountryZones zones;
    private final Clock clock;

    public ConsoleView(HandoffStore store, ConsoleStore console, CounsellorStore counsellors, EscalationDesk desk,
                       PartnerDirectory partners, CountryZones zones, Clock clock) {
        this.store = store;
        this.console = console;
        this.counsellors = counsellors;
        this.desk = desk;
        this.partners = partners;
        this.zones = zones;
        this.clock = clock;
    }

    /** The partner's whole console state now (without the time, so that an unchanged state compares equal). */
    public Map<String, Object> state(Partner partner) {
        List<Map<String, Object>> queue = new ArrayList<>();
        for (HandoffStore.Escalation e : store.queue(partner.id())) {
            queue.add(escalation(partner, e));
        }
        return Map.of("escalations", queue);
    }

    /** {@code state} stamped with the server's time, for countdowns that do not trust the browser's clock. */
    public Map<String, Object> stamped(Map<String, Object> state) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("server_time", clock.instant().toString());
        out.putAll(state);
        return out;
    }

    private Map<String, Object> escalation(Partner partner, HandoffStore.Escalation e) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", e.id());
        item.put("state", e.state());
        item.put("risk", desk.risk(e).code());
        item.put("topic", e.topic());
        item.put("language", e.language());
        item.put("country", e.country());
        item.put("waiting_since", e.createdAt().toString());
        if (e.state().equals("offered") && e.offeredAt() != null) {
            item.put("deadline", e.offeredAt().plus(partner.acceptanceDeadline()).toString());
        }
        zones.of(e.country()).ifPresent(z -> {
            item.put("zone", z.zone().getId());
            z.note().ifPresent(n -> item.put("zone_note", n));
        });
        item.put("consent", e.consent() == null ? "not_asked" : e.consent());
        if (e.shared()) {
            item.put("transcript", desk.transcript(e).stream().map(t -> Map.of("text", t.text(), "risk", t.risk(),
                    "at", t.at().toString())).toList());
        }
        item.put("risk_timeline", console.riskTimeline(e.conversationId()).stream().map(p -> Map.of("at",
                p.at().toString(), "risk", p.risk(), "conversation_risk", p.conversationRisk())).toList());
        console.holder(e.id()).map(this::name).ifPresent(n -> item.put("held_by", n));
        item.put("transfer_to", desk.transferTargets(partner, e).stream().map(p -> Map.of("id", p.id(), "name",
                p.name())).toList());
        if (!e.state().equals("offered")) {
            item.put("messages", conversation(e));
        }
        return item;
    }

    /** What was said since the handoff: the person's relayed words with their risk, and what they were sent. */
    private List<Map<String, Object>> conversation(HandoffStore.Escalation e) {
        List<Map<String, Object>> messages = new ArrayList<>();
        Instant since = e.createdAt();
        for (HandoffStore.RelayedTurn t : store.relayedTurns(e.conversationId())) {
            messages.add(Map.of("from", "person", "text", t.text(), "risk", t.risk(), "signals", t.signals(),
                    "at", t.at().toString()));
        }
        for (HandoffStore.UserMessage m : store.userMessages(e.channel(), e.userRef(), 0)) {
            if (!m.createdAt().isBefore(since)) {
                Map<String, Object> message = new LinkedHashMap<>(Map.of("from", m.sender(), "text", m.text(), "at",
                        m.createdAt().toString()));
                Optional.ofNullable(m.actor()).filter(a -> !a.equals("saath")).map(this::name)
                        .ifPresent(n -> message.put("by", n));
                messages.add(message);
            }
        }
        messages.sort(Comparator.comparing(m -> (String) m.get("at")));
        return messages;
    }

    /** A colleague's display name for an actor, or the partner's name for its own system. */
    private String name(String actor) {
        if (actor.startsWith("counsellor:")) {
            return counsellors.byId(actor.substring("counsellor:".length()))
                    .map(CounsellorStore.Counsellor::displayName).orElse("a counsellor");
        }
        if (actor.startsWith("partner:")) {
            return partners.byId(actor.substring("partner:".length())).map(Partner::name).orElse(actor);
        }
        return actor;
    }
}
