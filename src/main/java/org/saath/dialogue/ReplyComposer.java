package org.saath.dialogue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.saath.channel.TurnResult;
import org.saath.escalation.StatusTexts;
import org.saath.helpline.CountryResolver;
import org.saath.helpline.HelplineOffer;
import org.saath.helpline.Referral;
import org.saath.nlu.DistressCategory;
import org.saath.nlu.Gender;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;
import org.saath.rules.CrisisTemplates;

/**
 * Puts one turn's reply together: the one place that decides what a person reads and in which order. The numbers
 * come from a {@link Referral} (their own country's lines, its emergency numbers, the international directories),
 * never from anywhere else; which of them, under which intro, is {@link ReplyLines}'s call, which text
 * {@link ReplyText}'s.
 *
 * <ul>
 *   <li>A first crisis reply is at most two messages: the reply (the number first, the person's own terms, one line
 *       of hope, "are you safe right now?", and in one sentence whether a counsellor was asked), then the short
 *       privacy notice, or the consent question with it.</li>
 *   <li>The first reply of a conversation carries the privacy notice: the short one after a reply about risk, the
 *       whole one otherwise; "I'm an automated assistant" is said once a turn, and in the first reply after a
 *       counsellor handed the conversation back.</li>
 *   <li>Replies agree with the gender the person's words marked, and speak of someone else as they did; neutral
 *       otherwise. A template may add a guide (the steps from {@code guides.yaml} for the person's country).</li>
 *   <li>Right-to-left replies are marked up to display in order ({@link RtlText}).</li>
 * </ul>
 */
public final class ReplyComposer {

    /** Templates that promise to ask a counsellor. */
    static final Set<String> ASKS_COUNSELLOR = Set.of("human_requested", "counsellor_accepted");

    /**
     * One turn, as the composer needs it: the template the rules chose, the message's and the conversation's risk,
     * the referral and the lines chosen for the need ({@code linesAsked}: the rule asked for lines at all), extra
     * text (the safety plan), whether the reply says if a counsellor was asked ({@code tellsHandoff}: an escalation
     * was opened, offered or refused now, or the person asked for one while it was open), whether a counsellor can
     * take it (a partner was offered it), whether to ask for consent, whether this is the conversation's first turn,
     * the reply sent last ({@code id#variant}), whether the conversation waits for a yes or a no after this reply
     * ({@code asksYesNo}: the next dialogue state) and what is known of the person.
     */
    public record Turn(String template, Language language, RiskLevel risk, RiskLevel conversationRisk,
                       Referral referral, List<HelplineOffer> offers, boolean linesAsked, List<String> extra,
                       boolean tellsHandoff, boolean counsellor, boolean askConsent, boolean firstTurn,
                       String lastReply, boolean asksYesNo, Person person) {
    }

    /**
     * What the reply knows of the person: the gender their own words marked, that of the person they wrote about,
     * what this message said (the distress lexicon's categories), whether the conversation had a crisis reply
     * before this turn, whether a death told in an earlier message is still remembered (its condolences were said),
     * the country of the lines (for the steps of a guide that differ by country), and whether that is where someone
     * else is rather than the writer ({@code linesElsewhere}: "my brother lives in Dubai and he wants to die" from
     * Pakistan).
     */
    public record Person(Gender gender, Gender otherGender, Set<DistressCategory> said, boolean crisisBefore,
                         boolean lossBefore, String country, boolean linesElsewhere, boolean countryGuessed,
                         Optional<String> firstAid) {

        public Person {
            said = Set.copyOf(said);
        }
    }

    /** The messages to send and the id of the first one's text ({@code template#variant}), kept for the next turn. */
    public record Composed(List<TurnResult.Reply> replies, String replyId) {
    }

    private final Templates templates;
    private final ReplyRenderer renderer;
    private final Guides guides;
    private final ReplyLines lines;
    private final ReplyText texts;

    /** @throws TemplateException when a template names a guide that {@code guides} does not have */
    public ReplyComposer(Templates templates, ReplyRenderer renderer, Guides guides, Duration retention) {
        for (String id : templates.ids()) {
            String guide = templates.get(id, Language.EN).guide();
            if (guide != null && !guides.ids().contains(guide)) {
                throw new TemplateException("template '" + id + "' names the unknown guide '" + guide + "'");
            }
        }
        this.templates = templates;
        this.renderer = renderer;
        this.guides = guides;
        this.lines = new ReplyLines(templates);
        this.texts = new ReplyText(templates, retention);
    }

    public Composed compose(Turn t) {
        Language language = t.language();
        String id = t.template();
        if (ASKS_COUNSELLOR.contains(id) && !t.counsellor()) {
            id = ReplyLines.anyOpen(t.offers()) ? "human_unavailable" : "human_unavailable_none_open";
        }
        Templates.Template template = templates.get(id, language).in(t.person().gender(), t.person().otherGender());
        ReplyLines.Block block = lines.of(id, template, t);
        ReplyText.Chosen chosen = texts.choose(id, template, t);
        EmergencyWords emergency = new EmergencyWords(templates, renderer, t.referral(), block.listsEmergency(),
                language);
        String intro = block.intro() == null ? null : emergency.fill(block.intro(), false);
        String text = emergency.fill(texts.fill(chosen.text(), t, block.introSaysDanger()), template.linesFirst());
        if (t.person().linesElsewhere()
                && block.offers().stream().anyMatch(o -> o.helpline().country().equals(t.person().country()))) {
            // an emergency number reaches its own country's network: a helper abroad needs someone there to call
            // (not said of the international directories alone, for a country with no line known)
            text = text + " " + emergency.fill(templates.get("lines_elsewhere", language).text(), false);
        } else if (t.person().countryGuessed() && (block.listsEmergency() || t.firstTurn() && block.offers().stream()
                .anyMatch(o -> o.helpline().country().equals(t.person().country())))) {
            // nothing told where the person is: whose numbers these are, and a way to get the right ones, first, so
            // that a question the reply ends with stays last (the s53 QA pass: "i want to kill myself" with no country
            // had Umang and 15 with no word that they are Pakistan's): on the first reply, and on any listing emergency
            // numbers
            text = Templates.put(templates.get("country_guessed", language).text(), Templates.COUNTRY,
                    CountryResolver.name(t.person().country(), language)) + " " + text;
        }
        // said after the text: the lines are above it where the template puts them first («رقم الطوارئ المذكور أدناه»
        // under the numbers: the s53 QA pass)
        text = withHandoff(text, t, id, block, emergency, template.linesFirst());
        if (handedBack(t.lastReply()) && !text.contains(templates.word("bot-marker", language))) {
            // the person last heard from a counsellor, then that the bot is back: this reply must not read as theirs
            text = templates.word("bot-intro", language) + " " + text;
        }
        if (text.contains(Templates.COSTS)) {     // only the cost reply says them: no work on any other turn
            text = Templates.put(text, Templates.COSTS, costs(block.offers(), language));
        }
        List<String> extra = new ArrayList<>(t.extra());
        if (template.guide() != null) {
            extra.add(guides.render(template.guide(), t.person().country(), language));
        }
        List<TurnResult.Reply> replies = new ArrayList<>();
        TurnResult.Reply reply = renderer.reply(text, intro, block.offers(), block.footer(), template.linesFirst(),
                extra, language);
        reply = new TurnResult.Reply(reply.text(), renderer.views(block.all(), language));
        // the question a yes or a no answers is the consent question when it is asked, else this reply's own
        replies.add(t.asksYesNo() && !t.askConsent() ? reply.askingYesNo() : reply);
        afterwards(id, t, text, emergency).ifPresent(replies::add);
        return new Composed(replies.stream().map(r -> display(r, language)).toList(), chosen.replyId());
    }

    /** Whether the last thing the bot said was a note giving it the conversation back from a counsellor. */
    private static boolean handedBack(String lastReply) {
        return lastReply != null && lastReply.endsWith(StatusTexts.NOTE)
                && StatusTexts.HAND_BACK.contains(lastReply.substring(0, lastReply.length() - StatusTexts.NOTE.length()));
    }

    /**
     * What calling each listed line costs, where the directory knows it ("Umang: free, Digital Rights Foundation…:
     * toll-free"), else that Saath does not know (the s39 probe: "is it free?" got "I can't help with that").
     */
    private String costs(List<HelplineOffer> offers, Language language) {
        List<String> known = offers.stream()
                .filter(o -> "free".equals(o.helpline().cost()) || "toll-free".equals(o.helpline().cost()))
                .map(o -> renderer.name(o.helpline(), language) + ": "
                        + templates.word("cost-" + o.helpline().cost(), language))
                .toList();
        if (known.isEmpty()) {
            return templates.word("cost-none-known", language);
        }
        String said = templates.word("cost-known", language) + " " + String.join(ReplyRenderer.comma(language), known);
        return known.size() < offers.size() ? said + templates.word("cost-others-unknown", language) : said;
    }

    /** The consent question and the first turn's privacy notice, together in one message after the reply. */
    private Optional<TurnResult.Reply> afterwards(String id, Turn t, String text, EmergencyWords emergency) {
        List<String> after = new ArrayList<>();
        if (t.askConsent()) {
            after.add(plain("consent_question", emergency));
        }
        if (t.firstTurn() && !id.startsWith("privacy_notice")) {
            after.add(privacyNotice(id, t, text.contains(templates.word("bot-marker", t.language())), emergency));
        }
        TurnResult.Reply reply = new TurnResult.Reply(String.join("\n\n", after), List.of());
        return after.isEmpty() ? Optional.empty() : Optional.of(t.askConsent() ? reply.askingYesNo() : reply);
    }

    /**
     * A note to the person outside a turn (a counsellor joined, left, or nobody could take the conversation), with
     * the crisis lines of their country when {@code withCrisisLines}: an open one, else the truth about them and the
     * emergency numbers first. The template says whether the lines come before its text.
     */
    public String note(String template, Language language, Referral referral, boolean withCrisisLines) {
        Templates.Template t = templates.get(template, language);
        if (!withCrisisLines) {
            return RtlText.display(new EmergencyWords(templates, renderer, referral, false, language)
                    .fill(t.text(), false), language);
        }
        String openIntro = t.intro() != null ? t.intro() : templates.get("crisis", language).intro();
        ReplyLines.Block block = lines.crisis(referral, referral.lines(), openIntro, language, false, true);
        EmergencyWords emergency = new EmergencyWords(templates, renderer, referral, block.listsEmergency(),
                language);
        String intro = emergency.fill(block.intro(), false);
        return RtlText.display(renderer.reply(emergency.fill(t.text(), t.linesFirst()), intro, block.offers(), null,
                t.linesFirst(), List.of(), language).text(), language);
    }

    /**
     * The sentence on whether a counsellor was asked, in the same message: where a crisis template has its place
     * ({@value Templates#HANDOFF}) the short words, else the whole note after the text. Nothing when the template
     * itself says a counsellor was asked, or the turn has nothing to tell of one ({@link Turn#tellsHandoff}).
     */
    private String withHandoff(String text, Turn t, String id, ReplyLines.Block block, EmergencyWords emergency,
                               boolean linesFirst) {
        boolean asked = t.tellsHandoff() && t.counsellor() && !ASKS_COUNSELLOR.contains(id);
        boolean none = t.tellsHandoff() && !t.counsellor() && !id.startsWith("human_unavailable");
        if (text.contains(Templates.HANDOFF)) {
            String words = asked ? templates.word("handoff-asked", t.language())
                    : none ? templates.word("handoff-none", t.language()) : "";
            return Templates.put(text, Templates.HANDOFF, words);
        }
        if (asked) {
            return text + " " + emergency.fill(templates.get(block.offers().isEmpty() ? "escalation_opened_alone"
                    : "escalation_opened", t.language()).text(), linesFirst);
        }
        if (none) {
            return text + " " + emergency.fill(templates.get(ReplyLines.anyOpen(block.offers()) ? "no_counsellor"
                    : "no_counsellor_none_open", t.language()).text(), linesFirst);
        }
        return text;
    }

    /**
     * The privacy notice of a conversation's first reply: the short one after a reply about risk, so the first
     * crisis reply stays within its length budget ("privacy" gives the whole notice), else the whole one; led by
     * "I'm an automated assistant" when the reply did not say so.
     */
    private String privacyNotice(String id, Turn t, boolean botSaid, EmergencyWords emergency) {
        boolean risk = CrisisTemplates.SHAPED.contains(id) || t.risk().atLeast(RiskLevel.MODERATE);
        String notice = plain(risk ? "privacy_notice_short" : "privacy_notice", emergency);
        return botSaid ? notice : templates.word("bot-intro", t.language()) + " " + notice;
    }

    private String plain(String id, EmergencyWords emergency) {
        String text = templates.get(id, emergency.language()).text()
                .replace(Templates.RETENTION, texts.retention(emergency.language()));
        return emergency.fill(text, false);
    }

    private static TurnResult.Reply display(TurnResult.Reply reply, Language language) {
        return new TurnResult.Reply(RtlText.display(reply.text(), language), reply.helplines(), reply.expects());
    }
}
