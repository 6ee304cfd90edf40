package org.saath.hub;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.saath.dialogue.ReplyRenderer;
import org.saath.helpline.Contact;
import org.saath.helpline.Helpline;
import org.saath.helpline.HelplineOffer;
import org.saath.helpline.OpeningHours;
import org.saath.nlu.Language;

/**
 * The directory API's JSON shapes (snake_case keys, {@code null} where a value is not known): one line with its
 * contacts and their hours, the help for a topic, the topics and the countries. Names and status words come from the
 * same {@link ReplyRenderer} as the chat's replies, in the requested language.
 */
final class DirectoryJson {

    private final ReplyRenderer renderer;
    private final HubText text;
    private final HelpTopics topics;
    private final Countries countries;

    DirectoryJson(ReplyRenderer renderer, HubText text, HelpTopics topics, Countries countries) {
        this.renderer = renderer;
        this.text = text;
        this.topics = topics;
        this.countries = countries;
    }

    Map<String, Object> help(TopicHelp help) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("country", help.country());
        out.put("topic", help.topic().id());
        out.put("language", help.language().code());
        out.put("at", help.at().toString());
        out.put("helplines", lines(help.lines(), help.language()));
        out.put("emergency", lines(help.referral().emergency(), help.language()));
        out.put("emergency_known", help.referral().emergencyKnown());
        out.put("international", lines(help.referral().international(), help.language()));
        // where no line fits the topic: the country's crisis line open now, which the chat gives before the directories
        out.put("listening", lines(help.referral().listening(), help.language()));
        out.put("crisis_lines", help.referral().crisis().name().toLowerCase(Locale.ROOT));
        return out;
    }

    Map<String, Object> topics(Language language) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (HelpTopics.HelpTopic topic : topics.all()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", topic.id());
            t.put("name", text.topic(topic.id(), language).name());
            t.put("description", text.topic(topic.id(), language).intro());
            out.add(t);
        }
        return Map.of("topics", out);
    }

    Map<String, Object> countries(Language language, Function<String, List<HelplineOffer>> sos) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String code : countries.known(language)) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("code", code);
            c.put("name", countries.name(code, language));
            c.put("has_lines", countries.hasLines(code));
            c.put("emergency", lines(sos.apply(code), language));
            out.add(c);
        }
        return Map.of("countries", out);
    }

    private List<Map<String, Object>> lines(List<HelplineOffer> offers, Language language) {
        return offers.stream().map(o -> line(o, language)).toList();
    }

    private Map<String, Object> line(HelplineOffer offer, Language language) {
        Helpline h = offer.helpline();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", h.id());
        out.put("name", renderer.name(h, language));
        if (h.service() != null && !h.service().isEmpty()) {
            out.put("service", h.service());
        }
        out.put("contacts", h.contacts().stream().map(DirectoryJson::contact).toList());
        out.put("open_now", offer.openNow());
        out.put("next_opening", offer.nextOpening() == null ? null : offer.nextOpening().toString());
        out.put("status", renderer.status(offer, language));
        out.put("verified", h.verified());
        out.put("cost", h.cost() == null || h.cost().isEmpty() ? "unknown" : h.cost());
        out.put("languages", h.languages().stream().sorted().toList());
        out.put("source", h.source());
        out.put("last_verified", h.lastVerified() == null ? null : h.lastVerified().toString());
        return out;
    }

    private static Map<String, Object> contact(Contact c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", c.type());
        out.put("value", c.value());
        out.put("hours", hours(c.hours()));
        return out;
    }

    /**
     * {@code {"type": "always" | "unknown" | "weekly" | "at_least", "zone", "ranges", "closed"}} (an "at_least" line
     * may add {@code "at_most"}: the widest ranges any source gives, closed outside them); an always-open line
     * that may close on holidays also has {@code "zone"} and {@code "unconfirmed_on": "eid"}.
     */
    static Map<String, Object> hours(OpeningHours hours) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (hours instanceof OpeningHours.Weekly w) {
            out.put("type", "weekly");
            weekly(w, out);
        } else if (hours instanceof OpeningHours.AtLeast l) {
            out.put("type", "at_least");
            weekly(l.known(), out);
            l.atMost().ifPresent(w -> out.put("at_most", ranges(w)));
        } else if (hours instanceof OpeningHours.Always a) {
            out.put("type", "always");
            if (a.unconfirmed() != OpeningHours.Holidays.NONE) {
                out.put("zone", a.timeZone().getId());
                out.put("unconfirmed_on", a.unconfirmed().name().toLowerCase(java.util.Locale.ROOT));
            }
        } else {
            out.put("type", "unknown");
        }
        return out;
    }

    private static void weekly(OpeningHours.Weekly w, Map<String, Object> out) {
        out.put("zone", w.timeZone().getId());
        out.put("ranges", ranges(w));
        out.put("closed", w.closedDates().stream().sorted().map(Object::toString).toList());
    }

    private static List<Map<String, Object>> ranges(OpeningHours.Weekly w) {
        return w.ranges().stream().map(r -> {
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("days", r.days().stream().sorted().map(DirectoryJson::day).toList());
            range.put("from", r.from().toString());
            range.put("to", r.to().toString());
            return range;
        }).toList();
    }

    private static String day(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT);
    }
}
