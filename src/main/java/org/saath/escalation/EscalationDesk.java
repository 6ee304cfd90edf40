package org.saath.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.saath.channel.ChannelDelivery;
import org.saath.channel.Outbound;
import org.saath.nlu.RiskLevel;
import org.saath.store.ConsoleStore;
import org.saath.store.ConversationRow;
import org.saath.store.ConversationTx;
import org.saath.store.Conversations;
import org.saath.store.HandoffStore;
import org.saath.store.OutboxRow;

/**
 * The human side of an escalation: routing an offer to a partner, a counsellor claiming it, writing to the person,
 * and ending it (by the counsellor or the person). Every change is a recorded transition with who made it (the
 * {@link Caller}'s actor: a counsellor, or the partner's system), made inside the conversation's unit of work
 * ({@link Conversations}) through {@link ConversationTx#transition}, so it never interleaves with the person's turns,
 * a partner's place is taken and given back atomically, and two nodes cannot both move one escalation. A partner can
 * touch only its own escalations, and only while they are offered to it or held by it ({@link PartnerAccess}).
 */
public final class EscalationDesk {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EscalationDesk.class);

    private static final Set<String> HELD = Set.of("claimed", "active");

    private final HandoffStore store;
    private final ConsoleStore console;
    private final Conversations conversations;
    private final PartnerDirectory partners;
    private final Clock clock;
    private final StatusTexts texts;
    private final boolean callback;
    private final PartnerAccess access;

    /**
     * @param texts     status messages to the person in their language
     * @param callback  whether messages for people on the generic channel also go to the deployment's callback
     */
    public EscalationDesk(HandoffStore store, ConsoleStore console, Conversations conversations,
                          PartnerDirectory partners, Clock clock, StatusTexts texts, boolean callback) {
        this.store = store;
        this.console = console;
        this.conversations = conversations;
        this.partners = partners;
        this.clock = clock;
        this.texts = texts;
        this.callback = callback;
        this.access = new PartnerAccess(store, clock);
    }

    /** What a partner may read about its escalations, and until when. */
    public PartnerAccess access() {
        return access;
    }

    /**
     * A message for the person with who wrote it (the console shows it, the generic channel's poll returns it), and
     * the outbox row that sends it: to the callback on the generic channel, to their platform address on the others.
     */
    private ConversationTx.PersonMessage tell(ConversationTx tx, HandoffStore.Escalation e, String sender,
                                              String text, Instant at, String actor) {
        Optional<OutboxRow> delivery = callback && e.channel().equals("generic")
                ? Optional.of(Notifications.forPerson(e.id(), e.conversationId(), sender, text, at))
                : tx.address().map(kept -> new ChannelDelivery(e.channel(), e.userRef(),
                        kept.address(), new Outbound(text, sender, e.language(), List.of(), 0), Optional.of(e.id()),
                        Optional.empty()).row(e.id() + ":person:" + UUID.randomUUID(), e.conversationId(), at));
        return new ConversationTx.PersonMessage(sender, text, actor, delivery);
    }

    /**
     * Whether a partner that covers one of {@code countries}, this person's language and need is open now, its free
     * places not counted: a reply offers a human counsellor only when one could be asked. Reads the configuration
     * only.
     */
    public boolean couldOffer(List<String> countries, String language, String topic) {
        return countries.stream().anyMatch(country -> partners.route(country, language, topic, clock.instant(),
                p -> true, Set.of()).isPresent());
    }

    /**
     * A partner found for an escalation, and the country it was found for: the first of the person's
     * {@code countries} that a partner open now with a free place covers.
     */
    public record Routed(Partner partner, String country) {
    }

    /**
     * Inside a turn: the partner an escalation for this person is offered to now, if one is open and has a free
     * place, which is taken in the turn's transaction; {@code countries} are tried in order (a helper's own country,
     * then the country of the person they write about: {@code TurnProcessor}).
     */
    public Optional<Routed> route(ConversationTx tx, List<String> countries, String language, String topic) {
        for (String country : countries) {
            Optional<Partner> partner = partners.route(country, language, topic, clock.instant(),
                    p -> tx.takePartnerSlot(p.id(), p.capacity()), Set.of());
            if (partner.isPresent()) {
                return Optional.of(new Routed(partner.get(), country));
            }
        }
        return Optional.empty();
    }

    /**
     * Offers a waiting request (no partner could take it when it was made) to a partner that fits and has room now,
     * told through the outbox, inside the person's unit of work; empty when none can take it yet.
     */
    public Optional<Partner> offerWaiting(ConversationTx tx, String escalationId, List<String> countries,
                                          String language, String risk, String topic, Instant now) {
        Optional<ConversationTx.EscalationNow> seen = tx.escalation(escalationId)
                .filter(e -> e.state().equals("requested"));
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        int version = seen.get().version();
        return route(tx, countries, language, topic).map(Routed::partner).filter(p -> tx.transition(escalationId,
                Set.of("requested"), "offered", Optional.of(p.id()), "saath", now, Optional.of(version),
                List.of(Notifications.offered(p.id(), escalationId, seen.get().conversationId(), risk, topic,
                        language, version + 1, now)), Optional.empty()));
    }

    public List<HandoffStore.Escalation> queue(Partner partner) {
        return store.queue(partner.id());
    }

    /**
     * Offers not claimed within their partner's acceptance deadline move to the next partner that fits (told
     * through the outbox), or, when none is left, expire: the person is told honestly and given a crisis line of
     * their country. Safe with several nodes: an offer another node moved meanwhile is left alone. Returns how many
     * moved.
     */
    public int expireLapsedOffers() {
        Instant now = clock.instant();
        int changed = 0;
        for (HandoffStore.Escalation e : store.lapsedOffers(now)) {
            Optional<Partner> current = partners.byId(e.partnerId());
            if (current.isPresent() && e.offeredAt().plus(current.get().acceptanceDeadline()).isAfter(now)) {
                continue;
            }
            try {
                changed += conversations.withConversation(e.key(),
                        tx -> moveOn(tx, e, "expired", now, "lapsed:" + e.partnerId())) ? 1 : 0;
            } catch (RuntimeException failed) {
                // one escalation that cannot move must not hold up every lapsed offer after it; it is tried again
                // on the next round
                LOG.error("escalation {}: its lapsed offer could not move on ({})", e.id(), failed.getClass().getName());
            }
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
        String actor = "lapsed:" + e.partnerId() + ":" + caller.actor();
        if (!conversations.withConversation(e.key(), tx -> moveOn(tx, e, "declined", clock.instant(), actor))) {
            throw new EscalationStateException("escalation " + e.id() + " is no longer offered to you");
        }
    }

    /**
     * Offers the escalation to the next partner that fits and has not passed on it yet (told through the outbox);
     * when none is left it ends in {@code finalState} and the person is told honestly, with a crisis line of their
     * country. False when the escalation is no longer the offer {@code e} saw.
     */
    private boolean moveOn(ConversationTx tx, HandoffStore.Escalation e, String finalState, Instant now,
                           String actor) {
        Optional<ConversationTx.EscalationNow> seen = tx.escalation(e.id());
        if (seen.isEmpty() || seen.get().version() != e.version() || !seen.get().state().equals("offered")) {
            return false;
        }
        Set<String> tried = new HashSet<>(tx.lapsedPartners(e.id()));
        tried.add(e.partnerId());
        // the risk and topic as they are now: a turn may have raised them since the offer was listed
        String risk = seen.get().risk();
        String topic = seen.get().topic();
        Optional<Partner> next = partners.route(e.country(), e.language(), topic, now,
                p -> tx.takePartnerSlot(p.id(), p.capacity()), tried);
        if (next.isPresent()) {
            return tx.transition(e.id(), Set.of("offered"), "offered", Optional.of(next.get().id()), actor, now,
                    Optional.of(e.version()), List.of(Notifications.offered(next.get().id(), e.id(),
                            e.conversationId(), risk, topic, e.language(), e.version() + 1, now)),
                    Optional.empty());
        }
        return handBack(tx, e, "counsellor_unavailable", true, now, note -> tx.transition(e.id(), Set.of("offered"),
                finalState, Optional.empty(), actor, now, Optional.of(e.version()), List.of(), note));
    }

    /** The counsellor takes the conversation: the bot goes quiet and the person is told a human has joined. */
    public void claim(Caller caller, String escalationId) {
        HandoffStore.Escalation e = own(caller.partner(), escalationId);
        Instant now = clock.instant();
        boolean claimed = conversations.withConversation(e.key(), tx -> stillOwn(tx, caller.partner(), e)
                && tx.transition(e.id(), Set.of("offered"), "claimed", Optional.empty(), caller.actor(), now,
                Optional.empty(), List.of(), Optional.of(tell(tx, e, "saath", texts.text("counsellor_joined",
                        e.language()), now, "saath"))));
        if (!claimed) {
            throw new EscalationStateException("escalation " + e.id() + " is " + e.state() + ", not offered");
        }
    }

    /**
     * The other partners that could take this escalation now: they cover the person's country, language and topic,
     * are open and have free capacity (a hint for the console; {@link #transfer} takes the place atomically).
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
     * Hands an escalation to another partner, which is told through the outbox, if it is open now, speaks the
     * person's language and has a free place; the person's conversation stays with the bot until the new partner
     * claims it. The country and topic are the counsellor's judgement (the console lists the partners that cover
     * them); a partner that is closed or cannot understand the person could only let a crisis wait.
     */
    public void transfer(Caller caller, String escalationId, String toPartnerId) {
        Partner from = caller.partner();
        HandoffStore.Escalation e = own(from, escalationId);
        Partner to = partners.byId(toPartnerId).filter(p -> !p.id().equals(from.id()))
                .orElseThrow(() -> new EscalationStateException("no other partner '" + toPartnerId + "'"));
        Instant now = clock.instant();
        if (!to.openAt(now)) {
            throw new EscalationStateException("partner '" + to.id() + "' is closed now");
        }
        if (!to.languages().isEmpty() && !to.languages().contains(e.language())) {
            throw new EscalationStateException("partner '" + to.id() + "' does not speak the person's language ("
                    + e.language() + ")");
        }
        String refused = conversations.withConversation(e.key(), tx -> {
            Optional<ConversationTx.EscalationNow> seen = tx.escalation(e.id());
            if (seen.map(ConversationTx.EscalationNow::partnerId).filter(from.id()::equals).isEmpty()) {
                return "escalation " + e.id() + " is no longer yours";
            }
            if (!tx.takePartnerSlot(to.id(), to.capacity())) {
                return "partner '" + to.id() + "' has no free place";
            }
            int version = seen.get().version();
            List<OutboxRow> offer = List.of(Notifications.offered(to.id(), e.id(), e.conversationId(),
                    seen.get().risk(), seen.get().topic(), e.language(), version + 1, now));
            // a counsellor who was talking with the person stops: the person is told the bot answers until the
            // other organisation's counsellor joins (an offer nobody had claimed changes nothing for them)
            boolean moved = HELD.contains(seen.get().state())
                    ? handBack(tx, e, "counsellor_transferred", false, now, note -> tx.transition(e.id(), HELD,
                            "offered", Optional.of(to.id()), caller.actor(), now, Optional.of(version), offer, note))
                    : tx.transition(e.id(), Set.of("offered"), "offered", Optional.of(to.id()), caller.actor(), now,
                            Optional.of(version), offer, Optional.empty());
            if (!moved) {
                throw new EscalationStateException("escalation " + e.id() + " is " + e.state());
            }
            return null;
        });
        if (refused != null) {
            throw new EscalationStateException(refused);
        }
    }

    /** A counsellor's words to the person (recorded as theirs), delivered in order through their channel. */
    public void message(Caller caller, String escalationId, String text) {
        HandoffStore.Escalation e = own(caller.partner(), escalationId);
        Instant now = clock.instant();
        boolean told = conversations.withConversation(e.key(), tx -> {
            Optional<ConversationTx.EscalationNow> seen = tx.escalation(e.id());
            if (seen.isEmpty() || !caller.partner().id().equals(seen.get().partnerId())
                    || !HELD.contains(seen.get().state())) {
                return false;
            }
            if (seen.get().state().equals("claimed")) {
                tx.transition(e.id(), Set.of("claimed"), "active", Optional.empty(), caller.actor(), now,
                        Optional.empty(), List.of(), Optional.empty());
            }
            tx.keepForPerson(tell(tx, e, "counsellor", text, now, caller.actor()), now);
            return true;
        });
        if (!told) {
            throw new EscalationStateException("escalation " + e.id() + " is " + e.state() + "; claim it first");
        }
    }

    /**
     * The counsellor ends the conversation with an outcome, recorded in the same unit of work; the bot takes it back
     * and says so. When the conversation's risk is {@code high} or above, that message carries a crisis line of the
     * person's country that is open now (or says honestly that none is).
     */
    public void resolve(Caller caller, String escalationId, ResolveOutcome outcome) {
        HandoffStore.Escalation e = own(caller.partner(), escalationId);
        boolean ended = conversations.withConversation(e.key(), tx -> {
            if (!stillOwn(tx, caller.partner(), e) || !end(tx, e, caller.actor(), true, outcome.code(), true)) {
                return false;
            }
            tx.recordOutcome(e.id(), outcome.code());
            return true;
        });
        if (!ended) {
            throw new EscalationStateException("escalation " + e.id() + " is already " + e.state());
        }
    }

    /**
     * Inside the person's turn: they end the chat ("end chat", {@link Leaving#ENDED_CHAT}) or say "stop"
     * ({@link Leaving#STOPPED}); the turn's reply says it. The escalation is resolved by {@code person} with
     * {@code reason} as its outcome, and its partner is told, whatever state it was in.
     */
    public boolean endByPerson(ConversationTx tx, String escalationId, String reason) {
        boolean ended = tx.listed(escalationId).map(e -> end(tx, e, "person", false, reason, false)).orElse(false);
        if (ended) {
            tx.recordOutcome(escalationId, reason);
        }
        return ended;
    }

    /**
     * Inside the person's turn: they write "end chat" while a counsellor holds the conversation. It ends as
     * {@link #endByPerson} ends it, and the hand-back note is returned for the turn to answer with (in its response
     * on the generic channel, through the outbox on the others), with a crisis line at {@code high} risk or above;
     * empty when the escalation had already ended.
     */
    public Optional<String> endChat(ConversationTx tx, String escalationId) {
        Optional<HandoffStore.Escalation> listed = tx.listed(escalationId);
        if (listed.isEmpty() || !endByPerson(tx, escalationId, Leaving.ENDED_CHAT)) {
            return Optional.empty();
        }
        String note = handBackText(tx, listed.get(), "chat_ended", false);
        tx.saidLast(note("chat_ended"), clock.instant());
        return Optional.of(note);
    }

    /** The higher of the risk the escalation was opened with and the conversation's remembered risk now. */
    public RiskLevel risk(HandoffStore.Escalation e) {
        return RiskLevel.max(RiskLevel.fromCode(e.risk()),
                console.conversationRisk(e.conversationId()).map(RiskLevel::fromCode).orElse(RiskLevel.NONE));
    }

    private boolean end(ConversationTx tx, HandoffStore.Escalation e, String actor, boolean byPartner, String reason,
                        boolean tellPerson) {
        Instant now = clock.instant();
        List<OutboxRow> notify = e.partnerId() == null || byPartner ? List.of()
                : List.of(Notifications.ended(e.partnerId(), e.id(), e.conversationId(), actor, reason, now));
        Function<Optional<ConversationTx.PersonMessage>, Boolean> resolve = note -> tx.transition(e.id(),
                Set.of("requested", "offered", "claimed", "active"), "resolved", Optional.empty(), actor, now,
                Optional.empty(), notify, note);
        return tellPerson ? handBack(tx, e, "counsellor_left", false, now, resolve) : resolve.apply(Optional.empty());
    }

    /**
     * The one way the conversation goes back to the bot with the person told ({@code template}: the counsellor left,
     * transferred it, or nobody could take it): {@code transition} is made with the note for the person, which
     * says the automated assistant answers again and, at {@code high} risk or above (or {@code alwaysLines}),
     * carries a crisis line of their country that is open now. Once made, the note is the conversation's last
     * reply, so the bot's next reply says it is the bot.
     */
    private boolean handBack(ConversationTx tx, HandoffStore.Escalation e, String template, boolean alwaysLines,
                             Instant now, Function<Optional<ConversationTx.PersonMessage>, Boolean> transition) {
        String text = handBackText(tx, e, template, alwaysLines);
        boolean made = transition.apply(Optional.of(tell(tx, e, "saath", text, now, "saath")));
        if (made) {
            tx.saidLast(note(template), now);
        }
        return made;
    }

    /** A hand-back note's text: with a crisis line when the conversation's risk is high or above, as it is now. */
    private String handBackText(ConversationTx tx, HandoffStore.Escalation e, String template, boolean alwaysLines) {
        // the conversation's risk as this unit of work sees it: no turn can raise it meanwhile
        RiskLevel risk = RiskLevel.max(RiskLevel.fromCode(e.risk()), tx.conversation().map(ConversationRow::peakRisk)
                .map(RiskLevel::fromCode).orElse(RiskLevel.NONE));
        return alwaysLines || risk.atLeast(RiskLevel.HIGH) ? texts.withCrisisLine(template, e.language(), e.country())
                : texts.text(template, e.language());
    }

    /** The reply id a note outside a turn is remembered by ({@code template#note}, see {@link StatusTexts}). */
    public static String note(String template) {
        return template + StatusTexts.NOTE;
    }

    /** Whether the escalation is still this partner's, read inside the unit of work. */
    private static boolean stillOwn(ConversationTx tx, Partner partner, HandoffStore.Escalation e) {
        return tx.escalation(e.id()).map(ConversationTx.EscalationNow::partnerId).filter(partner.id()::equals)
                .isPresent();
    }

    private HandoffStore.Escalation own(Partner partner, String escalationId) {
        return access.own(partner, escalationId);
    }
}
