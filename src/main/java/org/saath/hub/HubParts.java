package org.saath.hub;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Ticker;
import org.saath.config.SaathConfig;
import org.saath.dialogue.FloodGate;
import org.saath.dialogue.Guides;
import org.saath.dialogue.ReplyRenderer;
import org.saath.dialogue.Templates;
import org.saath.dialogue.TurnProcessor;
import org.saath.helpline.HelplineDirectory;
import org.saath.helpline.Referrals;
import org.saath.limits.RateLimiter;
import org.saath.privacy.UserRefHasher;
import org.saath.rules.ReloadableRules;
import org.saath.rules.SafetyPolicy;
import org.saath.store.HandoffStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the help hub needs, built once by {@code Components}: its data (topics, words, guides, paid services),
 * the chat's own collaborators ({@link TurnProcessor}, {@link FloodGate}, the messages kept for people) so the hub
 * gives what the chat gives, its web-chat sessions and the directory API's per-client limit.
 */
public record HubParts(HelpTopics topics, HelpFinder finder, HubText text, Guides guides, PaidServices paid,
                       Countries countries, HelplineDirectory directory, Referrals referrals, ReplyRenderer renderer,
                       Templates templates, WebSessions sessions, RateLimiter apiLimiter, TurnProcessor turns,
                       FloodGate floodGate, HandoffStore handoffs, Clock clock, SaathConfig config) {

    private static final Logger LOG = LoggerFactory.getLogger(HubParts.class);

    /** The shared pieces of the service the hub is built from. */
    public record Service(ReloadableRules rules, Referrals referrals, ReplyRenderer renderer, Templates templates,
                          UserRefHasher hasher, TurnProcessor turns, FloodGate floodGate, HandoffStore handoffs) {
    }

    /** Loads the hub's data files (each checked, naming the file and entry when wrong) around the service. */
    public static HubParts load(SaathConfig config, Service service, Clock clock, Ticker ticker) {
        Guides guides = Guides.loadFromClasspath();
        HelpTopics topics = HelpTopics.loadFromClasspath(guides.ids());
        List<String> withoutLines = topics.withoutLines(service.rules().get().book());
        if (!withoutLines.isEmpty()) {
            LOG.warn("the rule book gives no lines for help hub topics {}: their pages and the directory API give the "
                    + "emergency numbers and international directories only (crises also the safety floor's line)",
                    withoutLines);
        }
        HubText text = HubText.loadFromClasspath(topics.all().stream().map(HelpTopics.HelpTopic::id).toList());
        HelplineDirectory directory = service.referrals().directory();
        return new HubParts(topics, new HelpFinder(service.rules(), service.referrals(), new SafetyPolicy()), text,
                guides, PaidServices.loadFromClasspath(), new Countries(directory), directory, service.referrals(),
                service.renderer(), service.templates(), new WebSessions(service.hasher(), new SecureRandom()),
                new RateLimiter(config.hub().requestsPerMinute(), Duration.ofMinutes(1), ticker), service.turns(),
                service.floodGate(), service.handoffs(), clock, config);
    }
}
