package org.saath.dialogue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.saath.nlu.Analysis;
import org.saath.nlu.Intent;

/**
 * What a conversation is about, kept the way its risk is kept: a message that names a situation (abuse at home,
 * online blackmail, drugs, pressure at work or school) sets the topic, by its words or by a confident intent, and a
 * later message that names another replaces it; a message that names none ("where do I go with my children?")
 * keeps the topic for {@code memory}, so it is answered on the same route.
 */
public final class TopicMemory {

    /** Intents that are situations a person is in, rather than feelings or small talk. */
    static final Set<Intent> SITUATIONS = EnumSet.of(Intent.ABUSE_VIOLENCE, Intent.CYBERBULLYING, Intent.SUBSTANCE,
            Intent.WORK_STRESS);

    private final Duration memory;

    public TopicMemory(Duration memory) {
        this.memory = memory;
    }

    /**
     * The topic the message itself names: its words first, else a situation intent the classifier is sure of. The
     * classifier's guess does not replace a remembered topic that only words can name (a death, harassment at work):
     * "main unke baghair nahi reh sakta" after "ammi ka inteqal hua" is grief, not the drugs the classifier heard.
     */
    public Optional<String> of(Analysis analysis, Cues.Found cues, String remembered, Instant rememberedAt,
                               Instant now) {
        if (cues.topic().isPresent()) {
            return cues.topic();
        }
        if (analysis.lowConfidence() || !SITUATIONS.contains(analysis.intent())) {
            return Optional.empty();
        }
        boolean wordsOnly = after(Optional.empty(), remembered, rememberedAt, now)
                .filter(topic -> Intent.fromLabel(topic).isEmpty()).isPresent();
        return wordsOnly ? Optional.empty() : Optional.of(analysis.intent().label());
    }

    /** The conversation's topic after a message: the message's own, else the remembered one while it lasts. */
    public Optional<String> after(Optional<String> message, String remembered, Instant rememberedAt, Instant now) {
        if (message.isPresent()) {
            return message;
        }
        if (remembered == null || rememberedAt == null || rememberedAt.plus(memory).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(remembered);
    }
}
