package org.saath.dialogue;

import java.util.ArrayList;
import java.util.List;

import org.saath.helpline.CountryResolver;
import org.saath.helpline.HelplineOffer;
import org.saath.helpline.Referral;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;
import org.saath.rules.CrisisTemplates;

/**
 * Which lines go with a reply, and under which intro: the emergency numbers first at imminent risk and where a
 * template says so; in a crisis the open crisis lines only (at most {@value #CRISIS_LINES}; the rest are held back
 * from the text, listed with the reply's helplines and written out on "more lines"), or, with none open, the truth
 * about them in words that fit (every line closed, hours nobody has confirmed, no crisis line known) with the
 * emergency numbers first and, where the country has no line, the international directories (that truth once a
 * conversation: a crisis follow-up lists the same lines under its own intro); after a crisis, a way to reach a person
 * on every reply.
 */
final class ReplyLines {

    /** Open lines a crisis reply lists before "more lines". */
    static final int CRISIS_LINES = 2;

    /**
     * Lines under an intro; the lines held back from the text ({@code held}: listed with the reply's helplines,
     * written out on "more lines") and the hint that says so ({@code footer}), if any.
     */
    record Block(String intro, List<HelplineOffer> offers, List<HelplineOffer> held, String footer) {

        Block(String intro, List<HelplineOffer> offers) {
            this(intro, offers, List.of(), null);
        }

        /** Every line of the block: those written out, then those held back. */
        List<HelplineOffer> all() {
            List<HelplineOffer> all = new ArrayList<>(offers);
            all.addAll(held);
            return all;
        }

        /** Whether the intro itself says "if you are in danger, call …" (so the text need not say it again). */
        boolean introSaysDanger() {
            return intro != null && intro.contains(Templates.EMERGENCY);
        }

        boolean listsEmergency() {
            return offers.stream().anyMatch(o -> o.helpline().emergency());
        }
    }

    private final Templates templates;

    ReplyLines(Templates templates) {
        this.templates = templates;
    }

    /** The lines of template {@code id} for turn {@code t}. */
    Block of(String id, Templates.Template template, ReplyComposer.Turn t) {
        Referral r = t.referral();
        boolean crisis = CrisisTemplates.SHAPED.contains(id);
        // the direct question about suicide carries the emergency numbers where no listed line can be reached now
        boolean directQuestion = id.equals("crisis_check");
        List<HelplineOffer> emergency = r.emergencyKnown() ? r.emergency() : List.of();
        if (emergency.isEmpty() && (template.emergencyFirst() || crisis)) {
            // no emergency number known for the country: the truth about the crisis lines, the directories
            return crisis(r, t.offers(), template.intro(), t.language(), !template.emergencyFirst(), countryKnown(t));
        }
        // after an act or a plan for now, the crisis follow-ups keep the emergency numbers first while that is
        // remembered ("why do you care" after "going to take them tonight" had lost 911 from its list)
        boolean imminent = t.risk() == RiskLevel.IMMINENT || t.conversationRisk() == RiskLevel.IMMINENT;
        if (template.emergencyFirst() || imminent && crisis) {
            List<HelplineOffer> offers = new ArrayList<>(emergency);
            List<HelplineOffer> open = t.offers().stream().filter(HelplineOffer::isOpen).toList();
            offers.addAll(open.isEmpty() || !crisis ? t.offers() : open); // a crisis: the open line only
            if (offers.size() == emergency.size()) {
                offers.addAll(r.international());
            }
            return new Block(template.intro(), distinct(offers));
        }
        if (crisis) {
            Block block = crisis(r, t.offers(), template.intro(), t.language(), true, countryKnown(t));
            // the truth about the crisis lines is said once a conversation; a follow-up keeps the lines, the emergency
            // numbers first, under the template's own intro ("Please call now:"), each line with its label. A helper
            // always gets the template's intro: "if YOU are in danger" is not what they need to read
            boolean ownIntro = t.person().crisisBefore() || id.equals("crisis_third_person");
            return ownIntro && template.intro() != null
                    ? new Block(template.intro(), block.offers(), block.held(), block.footer()) : block;
        }
        if (t.linesAsked() && t.offers().isEmpty() && !r.international().isEmpty()) {
            // no line of the country for this: its crisis line if one is open now, which listens to anything, and the
            // directories; after a crisis, or with the direct question about suicide where the country has no crisis
            // line (Saudi Arabia, Iraq: two web pages were all a person thinking of suicide tonight was given), with
            // the emergency numbers first
            boolean afterCrisis = (t.conversationRisk().atLeast(RiskLevel.HIGH) || directQuestion)
                    && !emergency.isEmpty();
            List<HelplineOffer> offers = new ArrayList<>(afterCrisis ? emergency : List.of());
            offers.addAll(r.listening());
            offers.addAll(r.international());
            String intro = afterCrisis ? (countryKnown(t) ? "intro-no-crisis-line" : "intro-country-unknown")
                    : !countryKnown(t) ? "no-lines-intro-country-unknown"
                    : r.listening().isEmpty() ? "no-lines-intro" : "no-lines-intro-listening";
            return new Block(templates.word(intro, t.language()), distinct(offers));
        }
        if (id.equals("human_unavailable")) {
            return new Block(template.intro(), t.offers().stream().filter(HelplineOffer::isOpen).toList());
        }
        boolean reachNow = t.conversationRisk().atLeast(RiskLevel.HIGH) || directQuestion;
        if (!anyOpen(t.offers()) && (reachNow || !t.offers().isEmpty())) {
            // every line listed is closed now: the directories that fit the need, open at any hour, come after them (a
            // lonely nurse in Doha at 3 a.m. had only a line opening at 7: the s58 QA pass); after a crisis every
            // reply carries a way to reach a person now, even "I'm not sure I understood", and so does the direct
            // question about suicide (Dubai at 22:00): the emergency numbers first
            List<HelplineOffer> offers = new ArrayList<>(reachNow ? emergency : List.of());
            offers.addAll(t.offers());
            offers.addAll(r.international());
            return new Block(template.intro(), distinct(offers));
        }
        return new Block(template.intro(), t.offers());
    }

    /**
     * Whether the person's country is known: where nothing told it (an Arabic message with no country), "I don't know a
     * crisis line in your country" would be untrue, and the reply asks for it instead (the s53 QA pass: no reply to 25
     * people without a country asked where they were).
     */
    private static boolean countryKnown(ReplyComposer.Turn t) {
        return !CountryResolver.UNKNOWN.equals(t.person().country());
    }

    /**
     * Crisis lines as they stand: the open ones lead (at most {@value #CRISIS_LINES} when {@code brief}, with a
     * "more lines" hint for the rest); else the truth about them, and the emergency numbers first (when
     * {@code brief}, with one international directory after them rather than every one).
     */
    Block crisis(Referral r, List<HelplineOffer> offers, String openIntro, Language language, boolean brief,
                 boolean countryKnown) {
        List<HelplineOffer> emergency = r.emergencyKnown() ? r.emergency() : List.of();
        if (r.crisis() == Referral.CrisisCover.OPEN && brief) {
            List<HelplineOffer> open = offers.stream().filter(HelplineOffer::isOpen).limit(CRISIS_LINES).toList();
            if (!open.isEmpty()) {
                List<HelplineOffer> held = distinct(offers).stream().filter(o -> open.stream()
                        .noneMatch(x -> x.helpline().id().equals(o.helpline().id()))).toList();
                return new Block(openIntro, open, held,
                        held.isEmpty() ? null : templates.word("more-lines-hint", language));
            }
        }
        List<HelplineOffer> out = new ArrayList<>();
        String intro = switch (r.crisis()) {
            case OPEN -> openIntro;
            case CLOSED -> templates.word("intro-none-open", language);
            case UNCONFIRMED -> templates.word("intro-unconfirmed", language);
            case NONE -> templates.word(countryKnown ? "intro-no-crisis-line" : "intro-country-unknown", language);
        };
        if (r.crisis() != Referral.CrisisCover.OPEN) {
            out.addAll(emergency);
        }
        out.addAll(offers);
        List<HelplineOffer> held = List.of();
        if (r.crisis() == Referral.CrisisCover.NONE) {
            // with the country's emergency numbers to call, one directory is enough to find a helpline; the others
            // are listed with the reply's helplines and written out on "more lines" (the reply stays on one screen)
            int directories = brief && !emergency.isEmpty() ? 1 : r.international().size();
            out.addAll(r.international().stream().limit(directories).toList());
            held = r.international().stream().skip(directories).toList();
        }
        return new Block(intro, distinct(out), held, null);
    }

    /** Whether a line with people on it is open now (a directory is a web page, not people). */
    static boolean anyOpen(List<HelplineOffer> offers) {
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
