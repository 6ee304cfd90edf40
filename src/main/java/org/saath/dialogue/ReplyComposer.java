package org.saath.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.saath.channel.TurnResult;
import org.saath.helpline.HelplineOffer;
import org.saath.helpline.Referral;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;

/**
 * Puts one turn's reply together: the one place that decides what a person reads and in which order. The numbers
 * come from a {@link Referral} (their own country's lines, its emergency numbers, the international directories),
 * never from anywhere else.
 *
 * <ul>
 *   <li>At imminent risk, and where a template says so ("I'm not safe"), the emergency numbers lead.</li>
 *   <li>In a crisis with no open crisis line, the reply first says so in words that fit the truth (every line
 *       closed, hours nobody has confirmed, or no crisis line known at all) and leads with the emergency
 *       numbers; where the country has no line at all, the international directories follow.</li>
 *   <li>Where the country has no line for the need, the reply says so and gives the international directories; no
 *       sentence speaks of lines that are not there.</li>
 *   <li>When nobody can take the conversation (no partner configured, open or with room), the person is told that no
 *       counsellor is available through Saath right now, and which lines have people on them now.</li>
 *   <li>The same reply never comes twice in a row: a template's next variant, else a short acknowledgement first;
 *       "automated assistant" is said at most once per turn, and the privacy notice only on the first.</li>
 * </ul>
 */
public final class ReplyComposer {

    /** Templates that answer a crisis. */
    static final Set<String> CRISIS = Set.of("crisis", "crisis_third_person", "crisis_imminent");
    /** Templates that promise to ask a counsellor. */
    static final Set<String> ASKS_COUNSELLOR = Set.of("human_requested", "counsellor_accepted");

    /**
     * One turn, as the composer needs it: the template the rules chose, the message's and the conversation's risk,
     * the referral and the
     * lines chosen for the need ({@code linesAsked}: the rule asked for lines at all), extra text (the safety plan),
     * whether an escalation was opened now, whether a counsellor can take it (a partner was offered it), whether to
     * ask for consent, whether this is the conversation's first turn and the reply sent last ({@code id#variant}).
     */
    public record Turn(String template, Language language, RiskLevel risk, RiskLevel conversationRisk,
                       Referral referral,
                       List<HelplineOffer> offers, boolean linesAsked, List<String> extra, boolean escalatedNow,
                       boolean counsellor, boolean askConsent, boolean firstTurn, String lastReply) {
    }

    /** The messages to send and the id of the first one's text ({@code template#variant}), kept for the next turn. */
    public record Composed(List<TurnResult.Reply> replies, String replyId) {
    }

    /** Lines under an intro. */
    record Block(String intro, List<HelplineOffer> offers) {
    }

    /** A text and the id it is remembered by ({@code template#variant}). */
    private record Chosen(String text, String replyId) {
    }

    private final Templates templates;
    private final ReplyRenderer renderer;

    public ReplyComposer(Templates templates, ReplyRenderer renderer) {
        this.templates = templates;
        this.renderer = renderer;
    }

    public Composed compose(Turn t) {
        Language language = t.language();
        String id = t.template();
        if (ASKS_COUNSELLOR.contains(id) && !t.counsellor()) {
            id = anyOpen(t.offers()) ? "human_unavailable" : "human_unavailable_none_open";
        }
        Templates.Template template = templates.get(id, language);
        Block block = block(id, template, t);
        Chosen chosen = text(id, template, t);
        Emergency emergency = new Emergency(t.referral(), block.offers().stream()
                .anyMatch(o -> o.helpline().emergency()), language);
        String intro = block.intro() == null ? null : emergency.fill(block.intro(), false);
        List<TurnResult.Reply> replies = new ArrayList<>();
        replies.add(renderer.reply(emergency.fill(chosen.text(), template.linesFirst()), intro, block.offers(),
                template.linesFirst(), t.extra(), language));
        handoff(t, id, block, emergency, replies);
        if (t.firstTurn()) {
            boolean botSaid = replies.stream().anyMatch(r -> r.text().contains(templates.word("bot-marker", language)));
            replies.add(plain(botSaid ? "privacy_notice_short" : "privacy_notice", emergency));
        }
        return new Composed(replies, chosen.replyId());
    }

    /**
     * The template's text for this turn: its no-lines text where the country has no line for the need, else the
     * variant after the one sent last; a short acknowledgement first when it would still repeat the last reply.
     */
    private Chosen text(String id, Templates.Template template, Turn t) {
        boolean noLines = t.linesAsked() && t.offers().isEmpty() && !CRISIS.contains(id) && !template.emergencyFirst();
        Chosen chosen;
        if (noLines) {
            chosen = new Chosen(template.noLines() != null ? template.noLines() : template.text(), id + "#no-lines");
        } else {
            int variant = nextVariant(id, template, t.lastReply());
            chosen = new Chosen(template.texts().get(variant), id + "#" + variant);
        }
        if (chosen.replyId().equals(t.lastReply())) {
            return new Chosen(templates.word("again", t.language()) + " " + chosen.text(), chosen.replyId());
        }
        return chosen;
    }

    /**
     * A note to the person outside a turn (a counsellor joined, left, or nobody could take the conversation), with
     * the crisis lines of their country when {@code withCrisisLines}: an open one, else the truth about them and the
     * emergency numbers first. The template says whether the lines come before its text.
     */
    public String note(String template, Language language, Referral referral, boolean withCrisisLines) {
        Templates.Template t = templates.get(template, language);
        if (!withCrisisLines) {
            return new Emergency(referral, false, language).fill(t.text(), false);
        }
        String openIntro = t.intro() != null ? t.intro() : templates.get("crisis", language).intro();
        Block block = crisisBlock(referral, referral.lines(), openIntro, language);
        Emergency emergency = new Emergency(referral, block.offers().stream().anyMatch(o -> o.helpline().emergency()),
                language);
        String intro = emergency.fill(block.intro(), false);
        return renderer.reply(emergency.fill(t.text(), t.linesFirst()), intro, block.offers(), t.linesFirst(),
                List.of(), language).text();
    }

    private void handoff(Turn t, String id, Block block, Emergency emergency, List<TurnResult.Reply> replies) {
        if (t.escalatedNow() && t.counsellor()) {
            replies.add(plain(block.offers().isEmpty() ? "escalation_opened_alone" : "escalation_opened", emergency));
        } else if (t.escalatedNow() && !id.startsWith("human_unavailable")) {
            replies.add(plain(anyOpen(block.offers()) ? "no_counsellor" : "no_counsellor_none_open", emergency));
        }
        if (t.askConsent()) {
            replies.add(plain("consent_question", emergency));
        }
    }

    /** Which lines go with the template, under which intro. */
    private Block block(String id, Templates.Template template, Turn t) {
        Referral r = t.referral();
        List<HelplineOffer> emergency = r.emergencyKnown() ? r.emergency() : List.of();
        if (template.emergencyFirst() || t.risk() == RiskLevel.IMMINENT && CRISIS.contains(id)) {
            List<HelplineOffer> offers = new ArrayList<>(emergency);
            List<HelplineOffer> open = t.offers().stream().filter(HelplineOffer::isOpen).toList();
            offers.addAll(open.isEmpty() || !CRISIS.contains(id) ? t.offers() : open); // a crisis: the open line only
            if (offers.size() == emergency.size()) {
                offers.addAll(r.international());
            }
            return new Block(template.intro(), distinct(offers));
        }
        if (CRISIS.contains(id)) {
            return crisisBlock(r, t.offers(), template.intro(), t.language());
        }
        if (t.linesAsked() && t.offers().isEmpty() && !r.international().isEmpty()) {
            return new Block(templates.word("no-lines-intro", t.language()), r.international());
        }
        if (id.equals("human_unavailable")) {
            return new Block(template.intro(), t.offers().stream().filter(HelplineOffer::isOpen).toList());
        }
        if (t.conversationRisk().atLeast(RiskLevel.HIGH) && !anyOpen(t.offers())) {
            // after a crisis every reply carries a way to reach a person now, even "I'm not sure I understood"
            List<HelplineOffer> offers = new ArrayList<>(emergency);
            offers.addAll(t.offers());
            return new Block(template.intro(), distinct(offers));
        }
        return new Block(template.intro(), t.offers());
    }

    /** Crisis lines as they stand: an open one leads; else the truth about them, and the emergency numbers first. */
    private Block crisisBlock(Referral r, List<HelplineOffer> offers, String openIntro, Language language) {
        List<HelplineOffer> emergency = r.emergencyKnown() ? r.emergency() : List.of();
        List<HelplineOffer> out = new ArrayList<>();
        String intro = switch (r.crisis()) {
            case OPEN -> openIntro;
            case CLOSED -> templates.word("intro-none-open", language);
            case UNCONFIRMED -> templates.word("intro-unconfirmed", language);
            case NONE -> templates.word("intro-no-crisis-line", language);
        };
        if (r.crisis() != Referral.CrisisCover.OPEN) {
            out.addAll(emergency);
        }
        out.addAll(offers);
        if (r.crisis() == Referral.CrisisCover.NONE) {
            out.addAll(r.international());
        }
        return new Block(intro, distinct(out));
    }

    private int nextVariant(String id, Templates.Template template, String lastReply) {
        int count = template.texts().size();
        if (lastReply == null || !lastReply.startsWith(id + "#")) {
            return 0;
        }
        try {
            return (Integer.parseInt(lastReply.substring(id.length() + 1)) + 1) % count;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private TurnResult.Reply plain(String id, Emergency emergency) {
        return new TurnResult.Reply(emergency.fill(templates.get(id, emergency.language()).text(), false), List.of());
    }

    /**
     * Puts the emergency numbers into the texts of one turn: in full the first time, "the emergency number above /
     * below" where they are listed, and briefly after they have been said once.
     */
    private final class Emergency {
        private final Referral referral;
        private final boolean listed;
        private final Language language;
        private boolean said;

        Emergency(Referral referral, boolean listed, Language language) {
            this.referral = referral;
            this.listed = listed;
            this.language = language;
        }

        Language language() {
            return language;
        }

        String fill(String text, boolean linesBefore) {
            if (!text.contains(Templates.EMERGENCY)) {
                return text;
            }
            String phrase;
            if (listed) {
                phrase = templates.word(linesBefore ? "emergency-above" : "emergency-below", language);
            } else if (said) {
                phrase = templates.word(referral.emergencyKnown() ? "emergency-again" : "emergency-unknown-no-mobile",
                        language);
            } else {
                phrase = renderer.emergencyPhrase(referral.emergency(), referral.emergencyKnown(), language);
            }
            said = true;
            return text.replace(Templates.EMERGENCY, phrase);
        }
    }

    /** Whether a line with people on it is open now (a directory is a web page, not people). */
    private static boolean anyOpen(List<HelplineOffer> offers) {
        return offers.stream().anyMatch(o -> o.isOpen() && !o.helpline().international());
    }

    private static List<HelplineOffer> distinct(List<HelplineOffer> offers) {
        List<HelplineOffer> out = new ArrayList<>();
        for (HelplineOffer o : offers) {
            if (out.stream().noneMatch(x -> x.helpline().id().equals(o.helpline().id()))) {
                out.add(o);
            }
        }
        return out;
    }
}
