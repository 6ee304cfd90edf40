package org.saath.dialogue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.saath.helpline.Referral;
import org.saath.nlu.DistressCategory;
import org.saath.nlu.Language;
import org.saath.rules.CrisisTemplates;

/**
 * Which of a template's texts a turn says, and its placeholders other than the emergency numbers. The same reply
 * never comes twice in a row: the variant after the one sent last, else a short acknowledgement first; once a
 * conversation has had a crisis reply, later crisis replies are its short follow-ups. {@value Templates#HEARD}
 * answers in the person's terms (the strongest thing the message said), {@value Templates#DANGER} is left out where
 * the lines' intro has just said it, {@value Templates#RETENTION} is how long chats are kept.
 */
final class ReplyText {

    /** The reply to a death told, whose first text (the condolences) is said once while the loss is remembered. */
    private static final String GRIEF = "grief";
    /** How a country's crisis lines stand when none would answer now. */
    private static final Set<Referral.CrisisCover> NO_LINE_NOW = EnumSet.of(Referral.CrisisCover.NONE,
            Referral.CrisisCover.CLOSED);

    /** A text and the id it is remembered by ({@code template#variant}, or {@code template#no-lines}). */
    record Chosen(String text, String replyId) {
    }

    private final Templates templates;
    private final Duration retention;

    ReplyText(Templates templates, Duration retention) {
        this.templates = templates;
        this.retention = retention;
    }

    /**
     * The template's text for this turn: its no-lines text where the country has no line for the need, else the
     * variant after the one sent last (after a crisis reply, the next short follow-up); a short acknowledgement
     * first when it would still repeat the last reply.
     */
    Chosen choose(String id, Templates.Template template, ReplyComposer.Turn t) {
        boolean crisis = CrisisTemplates.SHAPED.contains(id);
        Chosen chosen;
        if (t.linesAsked() && t.offers().isEmpty() && !crisis && !template.emergencyFirst()) {
            chosen = new Chosen(template.noLines() != null ? template.noLines() : template.text(), id + "#no-lines");
        } else {
            int variant = nextVariant(id, template, t);
            chosen = new Chosen(template.texts().get(variant), id + "#" + variant);
            if (variant > 0 && template.noLines() != null && CrisisTemplates.SHAPED.contains(id)
                    && NO_LINE_NOW.contains(t.referral().crisis())) {
                // a crisis follow-up speaks of "the line above": where no crisis line is open now (only the police or
                // two web directories were above it in Saudi Arabia, Kuwait, Libya: the s52 QA pass), one that names
                // none, in turn with the first text, so that no two replies in a row are the same
                chosen = (id + "#no-lines").equals(t.lastReply()) ? new Chosen(template.texts().get(0), id + "#0")
                        : new Chosen(template.noLines(), id + "#no-lines");
            }
        }
        if (chosen.replyId().equals(t.lastReply())) {
            // said first instead of where the text says it ("… I'm still here with you." twice in one reply)
            String again = templates.word("again", t.language());
            String rest = chosen.text().replace(" " + again, "").replace(again + " ", "");
            return new Chosen(again + " " + rest, chosen.replyId());
        }
        return chosen;
    }

    /**
     * {@code text} with what the person said, "if you are in danger…" (unless {@code dangerSaid}), the first step for
     * the body (pressure on a wound, a step back from an edge, else a doctor for anything taken) and retention.
     */
    String fill(String text, ReplyComposer.Turn t, boolean dangerSaid) {
        String danger = dangerSaid ? "" : templates.word("danger", t.language());
        String heard = text.replace(Templates.HEARD, templates.word(heard(t.person().said()), t.language()));
        String firstAid = heard.contains(Templates.FIRST_AID) ? templates.word(t.person().firstAid()
                .map(kind -> "first-aid-" + kind).orElse("first-aid"), t.language(), t.person().gender()) : "";
        return Templates.put(Templates.put(heard, Templates.DANGER, danger), Templates.FIRST_AID, firstAid)
                .replace(Templates.RETENTION, retention(t.language()));
    }

    /** How long chats are kept, in {@code language} ("90 days"). */
    String retention(Language language) {
        return templates.word("retention-days", language).replace("{n}", Long.toString(retention.toDays()));
    }

    /**
     * The acknowledgement word for the strongest thing the message said. Coded words are a wish to end one's life
     * ("kms", "ctb") unless they are a wish to be gone said gently ("i just want to sleep forever" is both): that
     * person is thanked for what they said, not for "thinking about ending your life".
     */
    static String heard(Set<DistressCategory> said) {
        boolean passive = said.contains(DistressCategory.PASSIVE_IDEATION);
        if (said.contains(DistressCategory.IDEATION) || said.contains(DistressCategory.INTENT)
                || said.contains(DistressCategory.PLAN)
                || said.contains(DistressCategory.CODED) && !passive || said.contains(DistressCategory.GOODBYE)) {
            return "heard-ideation";
        }
        if (said.contains(DistressCategory.SELF_HARM)) {
            return "heard-self-harm";
        }
        if (passive) {
            return "heard-passive-ideation";
        }
        return said.contains(DistressCategory.HOPELESSNESS) ? "heard-hopelessness" : "heard-default";
    }

    /**
     * The variant to say: the one after the variant sent last (the first when the last reply was another template);
     * for a crisis template, once the conversation has had a crisis reply, its follow-ups in turn, so the long first
     * reply is said once (with one follow-up only, the first text again rather than the same twice); for the grief
     * reply the same once a death told before is remembered, so the condolences are not said again after another
     * reply came between.
     */
    private static int nextVariant(String id, Templates.Template template, ReplyComposer.Turn t) {
        int count = template.texts().size();
        int last = lastVariant(id, t.lastReply());
        boolean openedBefore = CrisisTemplates.SHAPED.contains(id) && t.person().crisisBefore()
                || id.equals(GRIEF) && t.person().lossBefore();
        if (openedBefore && count > 1) {
            int next = last < 1 ? 1 : last + 1;
            return next < count ? next : count > 2 ? 1 : 0;
        }
        return last < 0 ? 0 : (last + 1) % count;
    }

    private static int lastVariant(String id, String lastReply) {
        if (lastReply == null || !lastReply.startsWith(id + "#")) {
            return -1;
        }
        try {
            return Integer.parseInt(lastReply.substring(id.length() + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
