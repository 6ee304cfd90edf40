package org.saath.hub;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.saath.dialogue.ReplyRenderer;
import org.saath.dialogue.Templates;
import org.saath.helpline.Contact;
import org.saath.helpline.HelplineOffer;
import org.saath.helpline.Referral;
import org.saath.nlu.Language;

/**
 * The frame of every hub page: language and direction on the root element, a skip link, the emergency numbers of
 * the chosen country in a header that stays on screen, the language links, and a footer that says what is (not)
 * stored. One stylesheet and, on the chat and safety-plan pages, one script, both from this origin; no inline code.
 */
final class PageFrame {

    /** Each language's name, in itself. */
    private static final Map<Language, String> LANGUAGE_NAMES = Map.of(Language.EN, "English", Language.UR, "اردو",
            Language.ROMAN_UR, "Roman Urdu", Language.AR, "العربية");

    private final HubText text;
    private final Templates templates;
    private final String css;
    private final String js;

    PageFrame(HubText text, Templates templates, String css, String js) {
        this.text = text;
        this.templates = templates;
        this.css = css;
        this.js = js;
    }

    /** A whole page: {@code main} is the page's own (already escaped) markup. */
    String page(Visit v, String path, String title, String main, Referral sos, boolean script) {
        Language l = v.language();
        StringBuilder out = new StringBuilder(8192);
        out.append("<!doctype html><html lang=\"").append(v.tag()).append("\" dir=\"")
                .append(v.rightToLeft() ? "rtl" : "ltr").append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.esc(title + " · " + text.word("site", l))).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"").append(css).append("\">");
        if (script) {
            out.append("<script src=\"").append(js).append("\" defer></script>");
        }
        out.append("</head><body><a class=\"skip\" href=\"#main\">").append(Html.esc(text.word("skip", l)))
                .append("</a>").append(header(v, sos)).append(languages(v, path))
                .append("<main id=\"main\" tabindex=\"-1\">").append(main).append("</main>").append(footer(v))
                .append("</body></html>");
        return out.toString();
    }

    /** The country's emergency numbers as links to call, always on screen. */
    private String header(Visit v, Referral sos) {
        Language l = v.language();
        StringBuilder out = new StringBuilder("<header class=\"sos\"><p>");
        if (sos.emergencyKnown()) {
            out.append("<strong>").append(Html.esc(text.word("sos", l))).append("</strong>");
            for (HelplineOffer offer : sos.emergency()) {
                String service = templates.word("service-" + offer.helpline().service(), l)
                        + offer.helpline().where(l.code()).map(w -> ReplyRenderer.comma(l) + w).orElse("");
                if (!offer.helpline().verified()) {
                    service += ReplyRenderer.comma(l) + templates.word("unconfirmed", l);
                }
                for (Contact c : offer.helpline().contacts().stream().filter(c -> c.type().equals("phone")).toList()) {
                    out.append(" <a class=\"call\" href=\"tel:").append(Html.esc(LineCards.dialable(c.value())))
                            .append("\">").append(Html.ltr(c.value())).append(" <span>")
                            .append(Html.esc(service)).append("</span></a>");
                }
            }
        } else {
            out.append("<strong>").append(Html.esc(text.word("sos-unknown", l))).append("</strong>");
            List<String> mobile = sos.emergency().stream().flatMap(o -> o.helpline().contacts().stream())
                    .map(Contact::value).toList();
            for (String number : mobile) {
                String[] words = text.word("sos-mobile", l).split("\\{number}", 2);
                out.append(" <a class=\"call\" href=\"tel:").append(Html.esc(LineCards.dialable(number)))
                        .append("\">").append(Html.esc(words[0])).append(Html.ltr(number))
                        .append(Html.esc(words.length > 1 ? words[1] : "")).append("</a>");
            }
        }
        return out.append("</p></header>").toString();
    }

    private String languages(Visit v, String path) {
        String links = LANGUAGE_NAMES.keySet().stream().sorted().map(other -> {
            String tag = new Visit(v.country(), other).tag();
            String current = other == v.language() ? " aria-current=\"page\"" : "";
            return "<a href=\"" + Html.esc(v.in(other).href(path)) + "\" lang=\"" + tag + "\" hreflang=\"" + tag
                    + "\"" + current + ">" + Html.esc(LANGUAGE_NAMES.get(other)) + "</a>";
        }).collect(Collectors.joining(" "));
        return "<nav class=\"langs\" aria-label=\"" + Html.esc(text.word("language", v.language())) + "\">" + links
                + "</nav>";
    }

    private String footer(Visit v) {
        Language l = v.language();
        return "<footer class=\"foot\"><p>" + Html.esc(text.word("footer-privacy", l)) + "</p><p>"
                + Html.esc(text.word("footer-sources", l)) + "</p><p><a href=\"/v1/topics?language=" + l.code()
                + "\">" + Html.esc(text.word("footer-api", l)) + "</a></p></footer>";
    }
}
