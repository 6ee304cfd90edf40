package org.saath.hub;

import java.util.LinkedHashSet;
import java.util.Set;

import org.saath.dialogue.Guides;

/** A guide as a numbered list of steps, with the links it offers and, at the end, the web sources it rests on. */
final class GuideView {

    private GuideView() {
    }

    /**
     * The guide's steps that fit {@code country}, headed at {@code level}; a step named {@code crisisStep} links to
     * {@code crisisHref} (the crisis lines) under {@code crisisLabel}.
     */
    static String steps(Guides.Guide guide, String country, int level, String sourcesWord, String crisisStep,
                        String crisisHref, String crisisLabel) {
        StringBuilder out = new StringBuilder();
        if (guide.intro() != null) {
            out.append("<p>").append(Html.esc(guide.intro())).append("</p>");
        }
        out.append("<ol class=\"steps\">");
        Set<String> sources = new LinkedHashSet<>();
        for (Guides.Step step : guide.steps()) {
            if (!step.fits(country)) {
                continue;
            }
            out.append("<li>");
            if (step.title() != null) {
                out.append("<h").append(level).append('>').append(Html.esc(step.title())).append("</h")
                        .append(level).append('>');
            }
            out.append("<p>").append(Html.esc(step.text())).append("</p>");
            for (String link : step.links()) {
                out.append("<p><a class=\"act\" href=\"").append(Html.esc(link))
                        .append("\" rel=\"noopener noreferrer\">").append(Html.ltr(link.replaceFirst("^https://", "")))
                        .append("</a></p>");
            }
            if (step.id().equals(crisisStep)) {
                out.append("<p><a class=\"act\" href=\"").append(Html.esc(crisisHref)).append("\">")
                        .append(Html.esc(crisisLabel)).append("</a></p>");
            }
            step.sources().stream().filter(s -> s.startsWith("https://") || s.startsWith("http://"))
                    .forEach(sources::add);
            out.append("</li>");
        }
        out.append("</ol>");
        if (!sources.isEmpty()) {
            out.append("<details class=\"sources\"><summary>").append(Html.esc(sourcesWord)).append("</summary><ul>");
            for (String source : sources) {
                out.append("<li><a href=\"").append(Html.esc(source)).append("\" rel=\"noopener noreferrer\">")
                        .append(Html.ltr(source.replaceFirst("^https?://(www\\.)?", "")))
                        .append("</a></li>");
            }
            out.append("</ul></details>");
        }
        return out.toString();
    }
}
