package org.saath.hub;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.saath.helpline.HelplineOffer;
import org.saath.helpline.Need;
import org.saath.helpline.Referral;
import org.saath.helpline.Referrals;
import org.saath.hub.HelpTopics.HelpTopic;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;
import org.saath.rules.Rule;
import org.saath.rules.RuleEngine;
import org.saath.rules.SafetyPolicy;

/**
 * Finds what the chat would give for a hub topic, by the chat's own steps ({@code TurnProcessor}'s resources): the
 * topic's rule in the rule book in force (reloads included) gives the helpline topics and ids, the safety floor adds
 * the crisis topics at high risk, {@link Referrals} picks the lines of the person's own country, and the safety
 * floor puts an open crisis line first. What the chat adds from a person's own words (a province, "my children")
 * cannot be known here, so national lines for everyone come back, and women's lines where the topic is abuse at home.
 */
public final class HelpFinder {

    private static final Set<String> CRISIS_TOPICS = Set.of("crisis", "suicide");

    private final Supplier<RuleEngine> rules;
    private final Referrals referrals;
    private final SafetyPolicy safety;

    public HelpFinder(Supplier<RuleEngine> rules, Referrals referrals, SafetyPolicy safety) {
        this.rules = rules;
        this.referrals = referrals;
        this.safety = safety;
    }

    /**
     * The help for {@code topic} in {@code country} at {@code at}. A rule book reloaded without the topic's rule
     * gives no lines: the country's emergency numbers and the international directories remain.
     */
    public TopicHelp find(HelpTopic topic, String country, Language language, Instant at) {
        Set<String> topics = new LinkedHashSet<>();
        List<String> ids = List.of();
        for (Rule rule : rules.get().book().rules()) {
            if (rule.id().equals(topic.rule())) {
                topics.addAll(rule.then().helplineTopics());
                ids = rule.then().helplineIds();
            }
        }
        if (topic.risk().atLeast(RiskLevel.HIGH)) {
            topics.addAll(CRISIS_TOPICS);
        }
        Referral referral = referrals.find(new Need(topics, country, language.code(), Set.of(), Set.of()), ids, at);
        List<HelplineOffer> lines = safety.ensureOpenCrisisLine(referral.lines(), topic.risk(),
                referrals.directory(), country, language.code(), at);
        return new TopicHelp(topic, country, language, at, lines, referral);
    }
}
