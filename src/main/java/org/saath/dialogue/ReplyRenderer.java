package org.saath.dialogue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.stream.Collectors;

import org.saath.channel.TurnResult;
import org.saath.helpline.Contact;
import org.saath.helpline.Helpline;
import org.saath.helpline.HelplineOffer;
import org.saath.nlu.Language;

/**
 * Writes what a person reads, in their language: a text with the country's emergency numbers in it, and helpline
 * lines, each carrying the number itself and one short word on whether it is open now, so the text is useful even
 * where a channel shows no structured helplines. What goes into a reply is decided by {@link ReplyComposer}.
 */
public final class ReplyRenderer {

    private final Templates templates;

    /** @throws TemplateException when the templates lack a word for a kind of contact ({@code contact-phone}…) */
    public ReplyRenderer(Templates templates) {
        Contact.TYPES.forEach(type -> templates.word("contact-" + type, Language.EN));
        this.templates = templates;
    }

    /**
     * One message: {@code text}, and {@code offers} under {@code intro} (with {@code footer} after them, if any),
     * before or after it; then {@code extra}.
     */
    public TurnResult.Reply reply(String text, String intro, List<HelplineOffer> offers, String footer,
                                  boolean linesFirst, List<String> extra, Language language) {
        List<String> parts = new ArrayList<>();
        String lines = offers.isEmpty() ? "" : lines(intro, offers, language) + (footer == null ? "" : "\n" + footer);
        if (linesFirst && !lines.isEmpty()) {
            parts.add(lines);
        }
        parts.add(text);
        if (!linesFirst && !lines.isEmpty()) {
            parts.add(lines);
        }
        parts.addAll(extra);
        return new TurnResult.Reply(String.join("\n", parts), views(offers, language));
    }

    /** The lines as a reply lists them for channels that show helplines apart from the text. */
    public List<TurnResult.HelplineView> views(List<HelplineOffer> offers, Language language) {
        return offers.stream().map(o -> view(o, language)).toList();
    }

    /**
     * How to say "call …" in {@code language}: the emergency numbers with what each is for ("15 (police) or 1122
     * (ambulance)"), or, where Saath knows none for the country, "your local emergency number" with 112 as what may
     * also work from a mobile phone.
     */
    public String emergencyPhrase(List<HelplineOffer> emergency, boolean known, Language language) {
        if (!known) {
            String mobile = emergency.stream().map(o -> o.helpline().contacts().get(0).value())
                    .collect(Collectors.joining(" / "));
            return templates.word(mobile.isEmpty() ? "emergency-unknown-no-mobile" : "emergency-unknown", language)
                    .replace("{number}", mobile);
        }
        return emergency.stream()
                .map(o -> numbers(o.helpline()) + " (" + templates.word("service-" + o.helpline().service(), language)
                        + o.helpline().where(language.code()).map(w -> comma(language) + w).orElse("")
                        + (o.helpline().verified() ? "" : comma(language) + templates.word("unconfirmed", language))
                        + ")")
                .collect(Collectors.joining(" " + templates.word("or", language) + " "));
    }

    /** The person's safety plan, one line a step (a plan not yet made is answered with {@code plan_empty}). */
    public String plan(SortedMap<Integer, String> answers, Language language) {
        List<String> lines = new ArrayList<>();
        answers.forEach((step, answer) -> lines.add(step + ". " + templates.word("plan-" + step, language) + ": "
                + answer));
        return String.join("\n", lines);
    }

    /** The answers to a yes/no question as buttons show them ("Yes", "No" in the person's language). */
    public List<String> yesNo(Language language) {
        return List.of(templates.word("answer-yes", language), templates.word("answer-no", language));
    }

    /**
     * The helpline lines under an intro (if any), one a line: "- name: phone 0311-7786264 (open 24/7)", with the
     * kind of contact in the person's language. A hyphen, not a bullet: "•" is not GSM-7, and one would make a
     * whole English SMS cost twice as much.
     */
    public String lines(String intro, List<HelplineOffer> offers, Language language) {
        List<String> out = new ArrayList<>();
        if (intro != null) {
            out.add(intro);
        }
        String comma = comma(language);
        for (HelplineOffer offer : offers) {
            String contacts = offer.helpline().contacts().stream()
                    .map(c -> contactWord(c.type(), language) + " " + c.value())
                    .collect(Collectors.joining(comma));
            out.add("- " + name(offer.helpline(), language) + ": " + contacts + label(offer, language));
        }
        return String.join("\n", out);
    }

    /**
     * The status after a listed line: none for a confirmed emergency number, which is open at every hour by what it
     * is (in a crisis reply every character counts), else {@link #status} in brackets. An emergency number whose
     * source gives no hours (the Android emergency-number list gives none) gets none either: "hours not confirmed"
     * beside the police number could hold back the call of someone on a roof, and no label claims no hours.
     */
    private String label(HelplineOffer offer, Language language) {
        Helpline line = offer.helpline();
        boolean openOrUnsaid = line.alwaysOpen() && Boolean.TRUE.equals(offer.openNow()) || offer.openNow() == null;
        boolean plainEmergency = line.emergency() && !line.international() && line.verified() && openOrUnsaid;
        return plainEmergency ? "" : " (" + status(offer, language) + ")";
    }

    /** The comma between two parts of a line: the Arabic comma in Urdu and Arabic. */
    public static String comma(Language language) {
        return RtlText.rightToLeft(language) ? "، " : ", ";
    }

    /** "phone", "WhatsApp", «فون», «واتساب»…: a contact's kind in {@code language}. */
    private String contactWord(String type, Language language) {
        return templates.word("contact-" + type, language);
    }

    /**
     * The name a person reads: the cited local name, the service for an emergency number, else the official one;
     * with where the number works when that is not the whole country (NHS 111's mental-health option, England only).
     */
    public String name(Helpline line, Language language) {
        String where = line.where(language.code()).map(w -> " (" + w + ")").orElse("");
        if (line.names().containsKey(language.code()) || !line.emergency()) {
            return line.nameIn(language.code()) + where;
        }
        String word = templates.word(line.international() ? "emergency-mobile" : "service-" + line.service(), language);
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1) + where;
    }

    private static String numbers(Helpline line) {
        return line.contacts().stream().filter(c -> c.type().equals("phone")).map(Contact::value)
                .collect(Collectors.joining("/"));
    }

    /**
     * One word on whether to call: closed (with its next opening), "not confirmed" for a line whose number or hours
     * no source has settled, open 24/7 or open now. A line is never given two labels. The help hub shows the same.
     */
    public String status(HelplineOffer offer, Language language) {
        if (!Boolean.FALSE.equals(offer.openNow()) && !offer.helpline().verified()) {
            return templates.word("unconfirmed", language);
        }
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
            return closed + comma(language) + templates.word("opens", language) + " "
                    + DateTimeFormatter.ofPattern("EEE HH:mm", locale).format(offer.nextOpening().atZone(zone));
        }
        return templates.word(offer.helpline().alwaysOpen() ? "open-24-7" : "open-now", language);
    }

    private TurnResult.HelplineView view(HelplineOffer offer, Language language) {
        List<TurnResult.ContactView> contacts = new ArrayList<>();
        for (Contact c : offer.helpline().contacts()) {
            contacts.add(new TurnResult.ContactView(c.type(), c.value()));
        }
        return new TurnResult.HelplineView(offer.helpline().id(), name(offer.helpline(), language), contacts,
                offer.openNow(), offer.nextOpening() == null ? null : offer.nextOpening().toString(),
                offer.helpline().verified());
    }
}
