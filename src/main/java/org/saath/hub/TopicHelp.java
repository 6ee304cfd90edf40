package org.saath.hub;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.saath.helpline.HelplineOffer;
import org.saath.helpline.Referral;
import org.saath.hub.HelpTopics.HelpTopic;
import org.saath.nlu.Language;

/**
 * What the chat would give a person in {@code country} for {@code topic} at {@code at}: the {@code lines} in the
 * order a reply lists them (the safety floor's open crisis line first where the topic is a crisis), and the
 * {@code referral} they came from (the country's emergency numbers, the international directories, how its crisis
 * lines stand).
 */
public record TopicHelp(HelpTopic topic, String country, Language language, Instant at, List<HelplineOffer> lines,
                        Referral referral) {

    public TopicHelp {
        lines = List.copyOf(lines);
    }

    /**
     * The lines to show: these lines, or when there are none the country's crisis line open now (it listens whatever
     * the need) and the international directories, as a reply gives them.
     */
    public List<HelplineOffer> linesOrDirectories() {
        if (!lines.isEmpty()) {
            return lines;
        }
        List<HelplineOffer> out = new ArrayList<>(referral.listening());
        out.addAll(referral.international());
        return out;
    }
}
