package org.saath.hub;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.saath.dialogue.Guides;
import org.saath.helpline.HelplineOffer;
import org.saath.helpline.Referral;
import org.saath.hub.HelpTopics.HelpTopic;
import org.saath.nlu.Language;

/**
 * What Saath already offers in the chat, as pages a person can use alone: the 5-4-3-2-1 grounding exercise, and the
 * five-step safety plan as a page to fill in and print, whose answers never leave the browser (no form is sent; the
 * page's only script prints it), with the country's emergency numbers and crisis lines to keep.
 */
final class SelfCarePages {

    private static final int PLAN_STEPS = 5;

    private final HubParts hub;
    private final PageFrame frame;
    private final LineCards cards;

    SelfCarePages(HubParts hub, PageFrame frame, LineCards cards) {
        this.hub = hub;
        this.frame = frame;
        this.cards = cards;
    }

    String grounding(Visit v, Instant now) {
        Language l = v.language();
        Guides.Guide guide = hub.guides().get("grounding", l);
        String main = back(v) + "<h1>" + Html.esc(guide.title()) + "</h1>" + GuideView.steps(guide, v.country(), 2,
                hub.text().word("sources", l), null, null, null);
        return frame.page(v, "/help/grounding", guide.title(), main, TopicPages.sos(hub, v, now), false);
    }

    String safetyPlan(Visit v, Instant now) {
        Language l = v.language();
        Guides.Guide guide = hub.guides().get("safety_plan", l);
        StringBuilder main = new StringBuilder(back(v)).append("<h1>").append(Html.esc(guide.title()))
                .append("</h1><p class=\"lead\">").append(Html.esc(guide.intro())).append("</p><div class=\"plan\">");
        List<Guides.Step> steps = guide.steps();
        for (int i = 0; i < Math.min(PLAN_STEPS, steps.size()); i++) {
            String id = "plan-" + (i + 1);
            main.append("<div class=\"step\"><label for=\"").append(id).append("\"><span class=\"n\">").append(i + 1)
                    .append("</span> ").append(Html.esc(hub.templates().word(id, l))).append("</label><p id=\"")
                    .append(id).append("-hint\" class=\"hint\">").append(Html.esc(steps.get(i).text()))
                    .append("</p><textarea id=\"").append(id).append("\" aria-describedby=\"").append(id)
                    .append("-hint\" rows=\"3\" autocomplete=\"off\" spellcheck=\"false\"></textarea></div>");
        }
        main.append("</div>");
        HelpTopic crisis = hub.topics().crisis();
        TopicHelp help = hub.finder().find(crisis, v.country(), l, now);
        Referral r = help.referral();
        List<HelplineOffer> keep = new ArrayList<>(r.emergencyKnown() ? r.emergency() : List.of());
        keep.addAll(help.linesOrDirectories());
        main.append("<section aria-labelledby=\"keep\"><h2 id=\"keep\">").append(Html.esc(hub.text()
                .word("plan-numbers", l))).append("</h2>").append(cards.list(keep, l, 3)).append("</section>")
                .append("<p class=\"noprint\"><button type=\"button\" id=\"print\" class=\"button\" hidden>")
                .append(Html.esc(hub.text().word("print", l))).append("</button></p>");
        return frame.page(v, "/help/safety-plan", guide.title(), main.toString(), r, true);
    }

    private String back(Visit v) {
        return "<p class=\"crumb\"><a href=\"" + Html.esc(v.href("/help")) + "\">"
                + Html.esc(hub.text().word("all-help", v.language())) + "</a></p>";
    }
}
