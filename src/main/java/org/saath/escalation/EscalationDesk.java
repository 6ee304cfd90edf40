package org.saath.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import org.saath.channel.ChannelDelivery;
import org.saath.channel.Outbound;
import org.saath.store.AddressStore;
import org.saath.store.HandoffStore;

/**
 * The human side of an escalation: routing an offer to a partner, a counsellor claiming it, writing to the person,
 * and ending it (by the counsellor or the person). Every change is a recorded transition; a partner can touch only
 * its own escalations ({@link UnknownEscalationException} otherwise, which the API answers with 404).
 */
public final class EscalationDesk {

    private static final Set<String> HELD = Set.of("claimed", "active");

    private final HandoffStore store;
    private final PartnerDirectory partners;
    private final Clock clock;
    private final BiFunction<String, String, String> texts;
    private final boolean callback;
    private final AddressStore addresses;

    /**
     * @param texts     renders a reply template in a language (status messages to the person)
     * @param callback  whether messages for people on the generic channel also go to the deployment's callback
     * @param addresses where people on platform channels are reached (sealed)
     */
    public EscalationDesk(HandoffStore store, PartnerDirectory partners, Clock clock,
                          BiFunction<String, String, String> texts, boolean callback, AddressStore addresses) {
        this.store = store;
        this.partners = partners;
        this.clock = clock;
        this.texts = texts;
        this.callback = callback;
        this.addresses = addresses;
    }

    /**
     * Keeps a message for the person (the console shows it, the generic channel's poll returns it), and sends it:
     * to the callback on the generic channel, through the outbox to their platform address on the others.
     */
    private void tell(HandoffStore.Escalation e, String sender, String text, Instant at) {
        store.addUserMessage(e.channel(), e.userRef(), sender, text, at);
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
            moveOn(e, "expired", now);
            changed++;
        }
        return changed;
    }

    /** The partner says no to an offer: it moves to the next partner, or ends as {@code declined}. */
    public void decline(Partner partner, String escalationId) {
        HandoffStore.Escalation e = own(partner, escalationId);
        if (!e.state().equals("offered")) {
            throw new EscalationStateException("escalation " + e.id() + " is " + e.state() + ", not offered");
        }
        moveOn(e, "declined", clock.instant());
    }

    /**
     * Offers the escalation to the next partner that fits and has not passed on it yet (told through the outbox);
     * when none is left it ends in {@code finalState} and the person is told honestly, with a crisis line.
     */
    private void moveOn(HandoffStore.Escalation e, String finalState, Instant now) {
        Set<String> tried = new java.util.HashSet<>(store.lapsedPartners(e.id()));
        tried.add(e.partnerId());
        Optional<Partner> next = partners.route(e.country(), e.language(), e.topic(), now, store::load, tried);
        String actor = "lapsed:" + e.partnerId();
        if (next.isPresent()) {
            store.transition(e.id(), Set.of("offered"), "offered", Optional.of(next.get().id()), actor, now,
                    List.of(Notifications.offered(next.get().id(), e.id(), e.conversationId(), e.risk(), e.topic(),
                            e.language(), now)));
        } else if (store.transition(e.id(), Set.of("offered"), finalState, Optional.empty(), actor, now,
                List.of())) {
            tell(e, "saath", texts.apply("counsellor_unavailable", e.language()), now);
        }
    }

    /**
     * The conversation before the handoff, for the partner that holds the escalation, only if the person agreed;
     * otherwise {@link ConsentRequiredException}.
     */
    public List<HandoffStore.RelayedTurn> transcript(Partner partner, String escalationId) {
        HandoffStore.Escalation e = own(partner, escalationId);
        if (!e.shared()) {
            throw new ConsentRequiredException(e.id());
        }
        return store.transcript(e.conversationId());
    }

    /** The counsellor takes the conversation: the bot goes quiet and the person is told a human has joined. */
    public void claim(Partner partner, String escalationId) {
        HandoffStore.Escalation e = own(partner, escalationId);
        if (!store.transition(e.id(), Set.of("offered"), "claimed", Optional.empty(), partner.id(), clock.instant(),
                List.of())) {
            throw new EscalationStateException("escalation " + e.id() + " is " + e.state() + ", not offered");
        }
        tell(e, "saath", texts.apply("counsellor_joined", e.language()), clock.instant());
    }

    /**
     * Hands an escalation to another partner, which is told through the outbox; the person's conversation stays
     * with the bot until the new partner claims it.
     */
    public void transfer(Partner from, String escalationId, String toPartnerId) {
        HandoffStore.Escalation e = own(from, escalationId);
        Partner to = partners.byId(toPartnerId).filter(p -> !p.id().equals(from.id()))
                .orElseThrow(() -> new EscalationStateException("no other partner '" + toPartnerId + "'"));
        Instant now = clock.instant();
        if (!store.transition(e.id(), Set.of("offered", "claimed", "active"), "offered", Optional.of(to.id()),
                from.id(), now, List.of(Notifications.offered(to.id(), e.id(), e.conversationId(), e.risk(), e.topic(),
                        e.language(), now)))) {
            throw new EscalationStateException("escalation " + e.id() + " is " + e.state());
        }
    }

    /** A counsellor's words to the person, delivered in order through their channel. */
    public void message(Partner partner, String escalationId, String text) {
        HandoffStore.Escalation e = own(partner, escalationId);
        if (!HELD.contains(e.state())) {
            throw new EscalationStateException("escalation " + e.id() + " is " + e.state() + "; claim it first");
        }
        if (e.state().equals("claimed")) {
            store.transition(e.id(), Set.of("claimed"), "active", Optional.empty(), partner.id(), clock.instant(),
                    List.of());
        }
        tell(e, "counsellor", text, clock.instant());
    }

    /** The counsellor ends the conversation; the bot takes it back and says so. */
    public void resolve(Partner partner, String escalationId) {
        HandoffStore.Escalation e = own(partner, escalationId);
        end(e, partner.id());
    }

    /** The person ends the chat ("end chat"); their partner is told. */
    public void endByPerson(String escalationId) {
        store.escalation(escalationId).ifPresent(e -> end(e, "person"));
    }

    private void end(HandoffStore.Escalation e, String actor) {
        Instant now = clock.instant();
        List<org.saath.store.OutboxRow> notify = e.partnerId() == null || actor.equals(e.partnerId()) ? List.of()
                : List.of(Notifications.ended(e.partnerId(), e.id(), e.conversationId(), actor, now));
        if (!store.transition(e.id(), Set.of("requested", "offered", "claimed", "active"), "resolved",
                Optional.empty(), actor, now, notify)) {
            throw new EscalationStateException("escalation " + e.id() + " is already " + e.state());
        }
        tell(e, "saath", texts.apply("counsellor_left", e.language()), now);
    }

    private HandoffStore.Escalation own(Partner partner, String escalationId) {
        return store.escalation(escalationId).filter(e -> partner.id().equals(e.partnerId()))
                .orElseThrow(() -> new UnknownEscalationException(escalationId));
    }
}
