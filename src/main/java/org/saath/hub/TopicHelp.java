package org.saath.hub;

import java.time.Instant;
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

    /** The lines to show: these lines, or the international directories when there are none. */
    public List<HelplineOffer> linesOrDirectories() {
        return lines.isEmpty() ? referral.international() : lines;
    }
}
