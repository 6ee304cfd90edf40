package org.saath.hub;

import java.time.Instant;
import java.util.Set;

import org.saath.helpline.Need;
import org.saath.helpline.Referral;
import org.saath.hub.HelpTopics.HelpTopic;
import org.saath.hub.PaidServices.PaidService;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;

/**
 * The hub's front page (choose a country, someone to talk to now, help by topic, self-care, the chat) and one page
 * per topic: the lines the chat would give, in its order and with its status words; the country's honest situation
 * when no crisis line is open; the topic's guide; and, for finding a professional, the paid services apart.
 */
final class TopicPages {

    private final HubParts hub;
    private final PageFrame frame;
    private final LineCards cards;

    TopicPages(HubParts hub, PageFrame frame, LineCards cards) {
        this.hub = hub;
        this.frame = frame;
        this.cards = cards;
    }

    String home(Visit v, Instant now) {
        Language l = v.language();
        StringBuilder main = new StringBuilder();
        main.append("<h1>").append(word("home-title", l)).append("</h1><p class=\"lead\">")
                .append(word("home-intro", l))
                .append("</p>").append(countryForm(v));
        HelpTopic crisis = hub.topics().crisis();
        TopicHelp help = hub.finder().find(crisis, v.country(), l, now);
        main.append("<section aria-labelledby=\"now\"><h2 id=\"now\">").append(word("now", l)).append("</h2>")
                .append(lines(help, 3)).append("</section>");
        main.append("<section aria-labelledby=\"topics\"><h2 id=\"topics\">").append(word("topics", l))
                .append("</h2><ul class=\"topics\">");
        for (HelpTopic topic : hub.topics().all()) {
            HubText.TopicWords words = hub.text().topic(topic.id(), l);
            main.append(tile(v.href("/help/topics/" + topic.id()), words.name(), words.intro()));
        }
        main.append("</ul></section><section aria-labelledby=\"self\"><h2 id=\"self\">").append(word("self-care", l))
                .append("</h2><ul class=\"topics\">")
                .append(tile(v.href("/help/grounding"), hub.guides().get("grounding", l).title(),
                        hub.guides().get("grounding", l).intro()))
                .append(tile(v.href("/help/safety-plan"), hub.guides().get("safety_plan", l).title(), null))
                .append("</ul></section><section aria-labelledby=\"chat\"><h2 id=\"chat\">").append(word("chat", l))
                .append("</h2><p>").append(word("chat-teaser", l)).append("</p><p><a class=\"button\" href=\"")
                .append(Html.esc(v.href("/help/chat"))).append("\">").append(word("chat", l))
                .append("</a></p></section>");
        return frame.page(v, "/help", hub.text().word("home-title", l), main.toString(), help.referral(), false);
    }

    String topic(Visit v, HelpTopic topic, Instant now) {
        Language l = v.language();
        TopicHelp help = hub.finder().find(topic, v.country(), l, now);
        HubText.TopicWords words = hub.text().topic(topic.id(), l);
        StringBuilder main = new StringBuilder(back(v));
        main.append("<h1>").append(Html.esc(words.name())).append("</h1><p class=\"lead\">")
                .append(Html.esc(words.intro())).append("</p><section aria-labelledby=\"lines\"><h2 id=\"lines\">")
                .append(word("lines", l)).append("</h2>").append(lines(help, 3)).append("</section>");
        if (topic.guide() != null) {
            var guide = hub.guides().get(topic.guide(), l);
            HelpTopic crisis = hub.topics().crisis();
            main.append("<section aria-labelledby=\"guide\"><h2 id=\"guide\">").append(Html.esc(guide.title()))
                    .append("</h2>").append(GuideView.steps(guide, v.country(), 3, hub.text().word("sources", l),
                            "not_alone", v.href("/help/topics/" + crisis.id()),
                            hub.text().topic(crisis.id(), l).name())).append("</section>");
        }
        if (topic.paidServices() && !hub.paid().in(v.country()).isEmpty()) {
            main.append(paid(v));
        }
        return frame.page(v, "/help/topics/" + topic.id(), words.name(), main.toString(), help.referral(), false);
    }

    /** The lines, or the honest sentence and the international directories; for crises, how the lines stand. */
    private String lines(TopicHelp help, int level) {
        Language l = help.language();
        Referral r = help.referral();
        StringBuilder out = new StringBuilder();
        if (help.topic().risk().atLeast(RiskLevel.HIGH) && r.crisis() != Referral.CrisisCover.OPEN) {
            String key = switch (r.crisis()) {
                case CLOSED -> "intro-none-open";
                case UNCONFIRMED -> "intro-unconfirmed";
                default -> "intro-no-crisis-line";
            };
            out.append("<p class=\"notice\">").append(Html.esc(hub.templates().word(key, l).replace("{emergency}",
                    hub.renderer().emergencyPhrase(r.emergency(), r.emergencyKnown(), l)))).append("</p>");
        }
        if (help.lines().isEmpty()
                && (r.crisis() == Referral.CrisisCover.OPEN || !help.topic().risk().atLeast(RiskLevel.HIGH))) {
            out.append("<p class=\"notice\">")
                    .append(word(r.listening().isEmpty() ? "no-lines" : "no-lines-listening", l)).append("</p>");
        }
        return out.append(cards.list(help.linesOrDirectories(), l, level)).toString();
    }

    private String paid(Visit v) {
        Language l = v.language();
        StringBuilder out = new StringBuilder("<section class=\"paid\" aria-labelledby=\"paid\"><h2 id=\"paid\">")
                .append(word("paid", l)).append("</h2><p>").append(word("paid-intro", l))
                .append("</p><ul class=\"lines\">");
        for (PaidService s : hub.paid().in(v.country())) {
            out.append("<li class=\"line\"><h3><bdi>").append(Html.esc(s.name()))
                    .append("</bdi> <span class=\"badge\">")
                    .append(word("paid-label", l)).append("</span></h3><p class=\"acts\"><a class=\"act\" href=\"")
                    .append(Html.esc(s.web())).append("\" rel=\"noopener noreferrer\">")
                    .append(Html.ltr(s.web().replaceFirst("^https://", ""))).append("</a></p><p class=\"meta\">");
            for (int i = 0; i < s.sources().size(); i++) {
                out.append(i == 0 ? "" : " · ").append("<a href=\"").append(Html.esc(s.sources().get(i)))
                        .append("\" rel=\"noopener noreferrer\">").append(word("source", l)).append(' ')
                        .append(i + 1).append("</a>");
            }
            out.append("</p></li>");
        }
        return out.append("</ul></section>").toString();
    }

    /** The chosen country and a form to choose another; every ISO country, those with numbers first. */
    private String countryForm(Visit v) {
        Language l = v.language();
        StringBuilder out = new StringBuilder("<form class=\"where\" method=\"get\" action=\"/help\">")
                .append("<input type=\"hidden\" name=\"lang\" value=\"").append(l.code()).append("\">")
                .append("<label for=\"country\">").append(word("country", l)).append("</label>")
                .append("<select id=\"country\" name=\"country\"><optgroup label=\"").append(word("countries-known", l))
                .append("\">");
        hub.countries().known(l).forEach(c -> option(out, v, c));
        out.append("</optgroup><optgroup label=\"").append(word("countries-other", l)).append("\">");
        hub.countries().others(l).forEach(c -> option(out, v, c));
        return out.append("</optgroup></select><button type=\"submit\">").append(word("country-show", l))
                .append("</button></form>").toString();
    }

    private void option(StringBuilder out, Visit v, String code) {
        out.append("<option value=\"").append(code).append('"').append(code.equals(v.country()) ? " selected" : "")
                .append('>').append(Html.esc(hub.countries().name(code, v.language()))).append("</option>");
    }

    private String back(Visit v) {
        return "<p class=\"crumb\"><a href=\"" + Html.esc(v.href("/help")) + "\">" + word("all-help", v.language())
                + "</a> · " + Html.esc(hub.countries().name(v.country(), v.language())) + "</p>";
    }

    private static String tile(String href, String name, String intro) {
        return "<li><a href=\"" + Html.esc(href) + "\"><span class=\"t\">" + Html.esc(name) + "</span>"
                + (intro == null ? "" : "<span class=\"d\">" + Html.esc(intro) + "</span>") + "</a></li>";
    }

    private String word(String key, Language l) {
        return Html.esc(hub.text().word(key, l));
    }

    /** The emergency numbers of {@code country}, for pages that show no topic. */
    static Referral sos(HubParts hub, Visit v, Instant now) {
        return hub.referrals().find(Need.of(Set.of(), v.country(), v.language().code()), now);
    }
}
