package org.saath.dialogue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Locale;
import java.util.SortedMap;
import java.util.List;
import java.util.stream.Collectors;

import org.saath.channel.TurnResult;
import org.saath.helpline.Contact;
import org.saath.helpline.HelplineOffer;
import org.saath.nlu.Language;

/**
 * Renders a template and its helplines into the text a person reads, in their language. Each helpline line
 * carries the number itself and whether the line is open now, so the text is useful even where a channel
 * shows no structured helplines. Crisis templates put the lines first: lead with the number.
 */
public final class ReplyRenderer {

    private final Templates templates;

    public ReplyRenderer(Templates templates) {
        this.templates = templates;
    }

    public TurnResult.Reply render(String templateId, Language language, List<HelplineOffer> offers,
                                   List<String> extraText) {
        Templates.Template t = templates.get(templateId, language);
        List<String> parts = new ArrayList<>();
        String lines = offers.isEmpty() ? "" : lines(t, language, offers);
        if (t.linesFirst() && !lines.isEmpty()) {
            parts.add(lines);
        }
        parts.add(t.text());
        if (!t.linesFirst() && !lines.isEmpty()) {
            parts.add(lines);
        }
        parts.addAll(extraText);
        return new TurnResult.Reply(String.join("\n", parts), offers.stream().map(ReplyRenderer::view).toList());
    }

    /** The person's safety plan, one line a step, or the "no plan yet" text. */
    public String plan(SortedMap<Integer, String> answers, Language language) {
        if (answers.isEmpty()) {
            return templates.get("plan_empty", language).text();
        }
        List<String> lines = new ArrayList<>();
        answers.forEach((step, answer) -> lines.add(step + ". " + templates.word("plan-" + step, language) + ": "
                + answer));
        return String.join("\n", lines);
    }

    /** The answers to a yes/no question as buttons show them ("Yes", "No" in the person's language). */
    public List<String> yesNo(Language language) {
        return List.of(templates.word("answer-yes", language), templates.word("answer-no", language));
    }

    /** A template's text alone, for notices. */
    public String text(String templateId, Language language) {
        return templates.get(templateId, language).text();
    }

    private String lines(Templates.Template t, Language language, List<HelplineOffer> offers) {
        List<String> out = new ArrayList<>();
        if (t.intro() != null) {
            out.add(t.intro());
        }
        for (HelplineOffer offer : offers) {
            String contacts = offer.helpline().contacts().stream()
                    .map(c -> c.type() + " " + c.value())
                    .collect(Collectors.joining(", "));
            List<String> notes = new ArrayList<>();
            notes.add(status(offer, language));
            if (!offer.helpline().verified()) {
                notes.add(templates.word("unverified", language));
            }
            out.add("• " + offer.helpline().name() + ": " + contacts + " (" + String.join(", ", notes) + ")");
        }
        return String.join("\n", out);
    }

    private String status(HelplineOffer offer, Language language) {
        if (offer.openNow() == null) {
            return templates.word("hours-unknown", language);
        }
        if (!offer.openNow()) {
            String closed = templates.word("closed-now", language);
            if (offer.nextOpening() == null) {
                return closed;
            }
            ZoneId zone = offer.helpline().zone().orElse(ZoneOffset.UTC);
            Locale locale = language == Language.UR ? Locale.forLanguageTag("ur")
                    : language == Language.AR ? Locale.forLanguageTag("ar") : Locale.ENGLISH;
            return closed + ", " + templates.word("opens", language) + " "
                    + DateTimeFormatter.ofPattern("EEE HH:mm", locale).format(offer.nextOpening().atZone(zone));
        }
        return templates.word(offer.helpline().alwaysOpen() ? "open-24-7" : "open-now", language);
    }

    private static TurnResult.HelplineView view(HelplineOffer offer) {
        List<TurnResult.ContactView> contacts = new ArrayList<>();
        for (Contact c : offer.helpline().contacts()) {
            contacts.add(new TurnResult.ContactView(c.type(), c.value()));
        }
        return new TurnResult.HelplineView(offer.helpline().id(), offer.helpline().name(), contacts,
                offer.openNow(), offer.nextOpening() == null ? null : offer.nextOpening().toString(),
                offer.helpline().verified());
    }
}
