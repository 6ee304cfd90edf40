package org.saath.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.saath.channel.ChannelDelivery;
import org.saath.channel.Outbound;
import org.saath.nlu.RiskLevel;
import org.saath.store.AddressStore;
import org.saath.store.ConsoleStore;
import org.saath.store.HandoffStore;

/**
 * The human side of an escalation: routing an offer to a partner, a counsellor claiming it, writing to the person,
 * and ending it (by the counsellor or the person). Every change is a recorded transition with who made it (the
 * {@link Caller}'s actor: a counsellor, or the partner's system); a partner can touch only its own escalations
 * ({@link UnknownEscalationException} otherwise, which the API answers with 404).
 */
public final class EscalationDesk {

    private static final Set<String> HELD = Set.of("claimed", "active");

    private final HandoffStore store;
    private final ConsoleStore console;
    private final PartnerDirectory partners;
    private final Clock clock;
    private final StatusTexts texts;
    private final boolean callback;
    private final AddressStore addresses;

    /**
     * @param texts     status messages to the person in their language
     * @param callback  whether messages for people on the generic channel also go to the deployment's callback
     * @param addresses where people on platform channels are reached (sealed)
     */
    public EscalationDesk(HandoffStore store, ConsoleStore console, PartnerDirectory partners, Clock clock,
                          StatusTexts texts, boolean callback, AddressStore addresses) {
        this.store = store;
        this.console = console;
        this.partners = partners;
        this.clock = clock;
        this.texts = texts;
        this.callback = callback;
        this.addresses = addresses;
    }

    /**
     * Keeps a message for the person (with who wrote it; the console shows it, the generic channel's poll returns
     * it), and sends it: to the callback on the generic channel, through the outbox to their platform address on
     * the others.
     */
    private void tell(HandoffStore.Escalation e, String sender, String text, Instant at, String actor) {
        store.addUserMessage(e.channel(), e.userRef(), sender, text, at, actor);
        if (callback && e.channel().equals("generic")) {
            store.enqueue(Notifications.forPerson(e.id(), e.conversationId(), sender, text, at));
        }
        addresses.find(e.channel(), e.userRef()).ifPresent(kept -> store.enqueue(new ChannelDelivery(e.channel(),
                e.userRef(), kept.address(), new Outbound(text, sender, e.language(), List.of(), 0),
                Optional.of(e.id()), Optional.empty()).row(e.id() + ":person:" + UUID.randomUUID(),
                e.conversationId(), at)));
    }

    /** The partner an escalation for this person should be offered to now, if any is open with free capacity. */
    public Optional<Partner> route(String country, String language, String topic) {
        return partners.route(country, language, topic, clock.instant(), store::load, Set.of());
    }

    public List<HandoffStore.Escalation> queue(Partner partner) {
        return store.queue(partner.id());
    }

    /**
     * Offers not claimed within their partner's acceptance deadline move to the next partner that fits (told
     * through the outbox), or, when none is left, expire: the person is told honestly and given a crisis line.
     * Returns how many offers moved or expired.
     */
    public int expireLapsedOffers() {
        Instant now = clock.instant();
        int changed = 0;
        for (HandoffStore.Escalation e : store.lapsedOffers(now)) {
            Optional<Partner> current = partners.byId(e.partnerId());
            if (current.isPresent() && e.offeredAt().plus(current.get().acceptanceDeadline()).isAfter(now)) {
                continue;
            }
            moveOn(e, "expired", now, "lapsed:" + e.partnerId());
            changed++;
        }
        return changed;
    }

    /**
     * The partner says no to an offer: it moves to the next partner, or ends as {@code declined}. The transition
     * records the partner as lapsed (so the offer never comes back to it) and the caller who declined.
     */
    public void decline(Caller caller, String escalationId) {
        HandoffStore.Escalation e = own(caller.partner(), escalationId);
        if (!e.state().equals("offered")) {
            throw new EscalationStateException("escalation " + e.id() + " is " + e.state() + ", not offered");
        }
        moveOn(e, "declined", clock.instant(), "lapsed:" + e.partnerId() + ":" + caller.actor());
    }

    /**
     * Offers the escalation to the next partner that fits and has not passed on it yet (told through the outbox);
     * when none is left it ends in {@code finalState} and the person is told honestly, with a crisis line.
     */
    private void moveOn(HandoffStore.Escalation e, String finalState, Instant now, String actor) {
        Set<String> tried = new java.util.HashSet<>(store.lapsedPartners(e.id()));
        tried.add(e.partnerId());
        Optional<Partner> next = partners.route(e.country(), e.language(), e.topic(), now, store::load, tried);
        if (next.isPresent()) {
            store.transition(e.id(), Set.of("offered"), "offered", Optional.of(next.get().id()), actor, now,
                    List.of(Notifications.offered(next.get().id(), e.id(), e.conversationId(), e.risk(), e.topic(),
                            e.language(), now)));
        } else if (store.transition(e.id(), Set.of("offered"), finalState, Optional.empty(), actor, now,
                List.of())) {
            tell(e, "saath", texts.withCrisisLine("counsellor_unavailable", e.language(), e.country()), now, "saath");
        }
    }

    /**
     * The conversation before the handoff, for the partner that holds the escalation, only if the person agreed;
     * otherwise {@link ConsentRequiredException}.
     */
    public List<HandoffStore.RelayedTurn> transcript(Partner partner, String escalationId) {
        return transcript(own(partner, escalationId));
    }

    /** As {@link #transcript(Partner, String)}, for an escalation already known to be the partner's. */
    public List<HandoffStore.RelayedTurn> transcript(HandoffStore.Escalation e) {
        if (!e.shared()) {
            throw new ConsentRequiredException(e.id());
        }
        return store.transcript(e.conversationId());
    }

    /** The counsellor takes the conversation: the bot goes quiet and the person is told a human has joined. */
    public void claim(Caller caller, String escalationId) {
        HandoffStore.Escalation e = own(caller.partner(), escalationId);
        if (!store.transition(e.id(), Set.of("offered"), "claimed", Optional.empty(), caller.actor(), clock.instant(),
                List.of())) {
            throw new EscalationStateException("escalation " + e.id() + " is " + e.state() + ", not offered");
        }
        tell(e, "saath", texts.text("counsellor_joined", e.language()), clock.instant(), "saath");
    }

    /**
     * The other partners that could take this escalation now: they cover the person's country, language and topic,
     * are open and have free capacity.
     */
    public List<Partner> transferTargets(Partner from, HandoffStore.Escalation e) {
        if (e.country() == null) {
            return List.of(); // recorded before escalations kept the person's country: nothing can be checked
        }
        Instant now = clock.instant();
        return partners.all().stream().filter(p -> !p.id().equals(from.id()))
                .filter(p -> p.covers(e.country(), e.language(), e.topic()) && p.openAt(now)
                        && store.load(p.id()) < p.capacity()).toList();
    }

    /**
     * Hands an escalation to another partner, which is told through the outbox; the person's conversation stays
     * with the bot until the new partner claims it.
     */
    public void transfer(Caller caller, String escalationId, String toPartnerId) {
        Partner from = caller.partner();
        HandoffStore.Escalation e = own(from, escalationId);
        Partner to = partners.byId(toPartnerId).filter(p -> !p.id().equals(from.id()))
                .orElseThrow(() -> new EscalationStateException("no other partner '" + toPartnerId + "'"));
        Instant now = clock.instant();
        if (!store.transition(e.id(), Set.of("offered", "claimed", "active"), "offered", Optional.of(to.id()),
                caller.actor(), now, List.of(Notifications.offered(to.id(), e.id(), e.conversationId(), e.risk(),
                        e.topic(), e.language(), now)))) {
            throw new EscalationStateException("escalation " + e.id() + " is " + e.state());
        }
    }

    /** A counsellor's words to the person, delivered in order through their channel. */
    public void message(Caller caller, String escalationId, String text) {
        HandoffStore.Escalation e = own(caller.partner(), escalationId);
        if (!HELD.contains(e.state())) {
            throw new EscalationStateException("escalation " + e.id() + " is " + e.state() + "; claim it first");
        }
        if (e.state().equals("claimed")) {
            store.transition(e.id(), Set.of("claimed"), "active", Optional.empty(), caller.actor(), clock.instant(),
                    List.of());
        }
        tell(e, "counsellor", text, clock.instant(), caller.actor());
    }

    /**
     * The counsellor ends the conversation with an outcome; the bot takes it back and says so. When the
     * conversation's risk is {@code high} or above, that message carries a crisis line of the person's country
     * that is open now (or says honestly that none is).
     */
    public void resolve(Caller caller, String escalationId, ResolveOutcome outcome) {
        HandoffStore.Escalation e = own(caller.partner(), escalationId);
        end(e, caller.actor(), true);
        console.recordOutcome(e.id(), outcome.code());
    }

    /** The person ends the chat ("end chat"); their partner is told. */
    public void endByPerson(String escalationId) {
        store.escalation(escalationId).ifPresent(e -> end(e, "person", false));
    }

    /** The higher of the risk the escalation was opened with and the conversation's remembered risk now. */
    public RiskLevel risk(HandoffStore.Escalation e) {
        return RiskLevel.max(RiskLevel.fromCode(e.risk()),
                console.conversationRisk(e.conversationId()).map(RiskLevel::fromCode).orElse(RiskLevel.NONE));
    }

    private void end(HandoffStore.Escalation e, String actor, boolean byPartner) {
        Instant now = clock.instant();
        List<org.saath.store.OutboxRow> notify = e.partnerId() == null || byPartner ? List.of()
                : List.of(Notifications.ended(e.partnerId(), e.id(), e.conversationId(), actor, now));
        if (!store.transition(e.id(), Set.of("requested", "offered", "claimed", "active"), "resolved",
                Optional.empty(), actor, now, notify)) {
            throw new EscalationStateException("escalation " + e.id() + " is already " + e.state());
        }
        String text = byPartner && risk(e).atLeast(RiskLevel.HIGH)
                ? texts.withCrisisLine("counsellor_left", e.language(), e.country())
                : texts.text("counsellor_left", e.language());
        tell(e, "saath", text, now, "saath");
    }

    private HandoffStore.Escalation own(Partner partner, String escalationId) {
        return store.escalation(escalationId).filter(e -> partner.id().equals(e.partnerId()))
                .orElseThrow(() -> new UnknownEscalationException(escalationId));
    }
}
