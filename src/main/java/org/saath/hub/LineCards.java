package org.saath.hub;

import java.util.List;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.saath.dialogue.ReplyRenderer;
import org.saath.helpline.Contact;
import org.saath.helpline.Helpline;
import org.saath.helpline.HelplineOffer;
import org.saath.nlu.Language;

/**
 * Helplines as the hub shows them: name, one status word (the chat's own), and a link for each way to reach the line
 * that the directory has: {@code tel:} for a phone number, {@code sms:} for a text number, {@code https://wa.me/} for
 * a WhatsApp number (only when it is a valid number of the line's country), the web address, {@code mailto:}. Then
 * what it costs, where the directory says, and its source.
 */
final class LineCards {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final ReplyRenderer renderer;
    private final HubText text;

    LineCards(ReplyRenderer renderer, HubText text) {
        this.renderer = renderer;
        this.text = text;
    }

    /** The lines as a list, each under a heading of level {@code level}. */
    String list(List<HelplineOffer> offers, Language language, int level) {
        StringBuilder out = new StringBuilder("<ul class=\"lines\">");
        for (HelplineOffer offer : offers) {
            out.append(card(offer, language, level));
        }
        return out.append("</ul>").toString();
    }

    private String card(HelplineOffer offer, Language language, int level) {
        Helpline line = offer.helpline();
        String state = offer.isOpen() ? "is-open" : Boolean.FALSE.equals(offer.openNow()) ? "is-closed" : "is-unknown";
        StringBuilder out = new StringBuilder("<li class=\"line\">");
        out.append("<h").append(level).append("><bdi>").append(Html.esc(renderer.name(line, language)))
                .append("</bdi></h").append(level).append('>');
        out.append("<p class=\"status ").append(state).append("\">")
                .append(Html.esc(renderer.status(offer, language))).append("</p><p class=\"acts\">");
        for (Contact contact : line.contacts()) {
            out.append(action(contact, line.country(), language));
        }
        out.append("</p><p class=\"meta\">");
        cost(line).ifPresent(c -> out.append(Html.esc(text.word(c, language))).append(" · "));
        out.append("<a href=\"").append(Html.esc(line.source())).append("\" rel=\"noopener noreferrer\">")
                .append(Html.esc(text.word("source", language))).append("</a></p></li>");
        return out.toString();
    }

    /** A link for one contact, or its value as text where no link can be made from it. */
    String action(Contact c, String country, Language language) {
        String label = Html.esc(text.word("contact-" + c.type(), language));
        return switch (c.type()) {
            case "phone", "sms" -> link((c.type().equals("phone") ? "tel:" : "sms:") + dialable(c.value()),
                    label + " " + Html.ltr(c.value()));
            case "whatsapp" -> whatsApp(c.value(), country).map(n -> link("https://wa.me/" + n,
                    label + " " + Html.ltr(c.value()))).orElse("<span class=\"act\">" + label + " "
                    + Html.ltr(c.value()) + "</span>");
            case "email" -> link("mailto:" + c.value(), label + " " + Html.ltr(c.value()));
            default -> link(web(c.value()), label + " " + Html.ltr(host(c.value())));
        };
    }

    private static String link(String href, String label) {
        boolean external = href.startsWith("http");
        return "<a class=\"act\" href=\"" + Html.esc(href) + "\"" + (external ? " rel=\"noopener noreferrer\"" : "")
                + ">" + label + "</a>";
    }

    /**
     * The digits to dial, with a leading + kept and a spelled-out form left out: "0311-7786264" → "03117786264",
     * "800-4673 (800-HOPE)" → "8004673".
     */
    static String dialable(String number) {
        String digits = number.replaceAll("\\([^)]*[A-Za-z][^)]*\\)", "").replaceAll("[^0-9+]", "");
        return digits.startsWith("+") ? "+" + digits.substring(1).replace("+", "") : digits.replace("+", "");
    }

    /** The international digits wa.me needs, when the number is a valid number of {@code country}. */
    static Optional<String> whatsApp(String number, String country) {
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(number, country);
            if (!PHONES.isValidNumberForRegion(parsed, country)) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164).substring(1));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static String web(String value) {
        return value.startsWith("https://") || value.startsWith("http://") ? value : "https://" + value;
    }

    private static String host(String value) {
        return web(value).replaceFirst("^https?://", "").replaceFirst("/$", "");
    }

    private static Optional<String> cost(Helpline line) {
        return switch (line.cost() == null ? "" : line.cost()) {
            case "free" -> Optional.of("cost-free");
            case "toll-free" -> Optional.of("cost-toll-free");
            case "standard-rate" -> Optional.of("cost-standard-rate");
            default -> Optional.empty();
        };
    }
}
