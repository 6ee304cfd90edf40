package org.saath.dialogue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.saath.nlu.Analyser;
import org.saath.nlu.Analysis;
import org.saath.nlu.DistressCategory;
import org.saath.nlu.DistressDetector;
import org.saath.nlu.Intent;
import org.saath.nlu.RiskLevel;

/**
 * What a conversation is about, kept the way its risk is kept: a message that names a situation (abuse at home,
 * online blackmail, drugs, pressure at work or school) sets the topic, by its words or by a confident intent, and a
 * later message that names another replaces it; a message that names none ("where do I go with my children?")
 * keeps the topic for {@code memory}, so it is answered on the same route.
 */
public final class TopicMemory {

    /**
     * The topic of an act on the body told (tablets taken, a cut, a hanging, someone who does not wake): while it is
     * remembered, the numbers lead with the ambulance and the classifier's guess of another situation does not take
     * the conversation over (the s38 probe: after "i took 30 panadol", the police came first once the act was three
     * messages back, and an abuse guess took over the replies).
     */
    public static final String EMERGENCY = "emergency";
    /** The first aid of a wound that bleeds ({@link Cues.Found#firstAid()}): an act on the body, told as its blood. */
    private static final String BLEEDING = "bleeding";
    /** The topic of a death told by someone bereaved. */
    static final String BEREAVEMENT = "bereavement";
    /** A death by suicide told of someone the person lost. */
    static final String SUICIDE_LOSS = "suicide_loss";
    /**
     * A suicide told as news or a story, of no one the person names as theirs ("did u see the news about the student at
     * karachi uni who died by suicide? so sad" was given the condolences of a loss and "if it has only just happened,
     * call 15": the s52 QA pass).
     */
    static final String SUICIDE_NEWS = "suicide_news";

    /** Intents that are situations a person is in, rather than feelings or small talk. */
    static final Set<Intent> SITUATIONS = EnumSet.of(Intent.ABUSE_VIOLENCE, Intent.CYBERBULLYING, Intent.SUBSTANCE,
            Intent.WORK_STRESS);

    /**
     * How sure the classifier must be of a situation for its guess alone to replace the topic a conversation
     * remembers: above the bar of being understood at all, since a topic steers every reply after it ("my family back
     * home depends on me", abuse at 0.28 after a job lost, had the man told "you are right to want it to stop" and given
     * a shelter for women and children: the s54 QA pass). Abuse said plainly is read at 0.4 to 0.8, or named by its
     * words.
     */
    static final double SURE_OF_A_SITUATION = 0.35;

    private final Duration memory;

    public TopicMemory(Duration memory) {
        this.memory = memory;
    }

    /**
     * The topic the message itself names: its words first (a suicide they tell as news or a story, naming no one of the
     * writer's own, {@link #SUICIDE_NEWS} rather than a loss), else a loss where the lexicon read someone else's act told
     * with their death long gone ({@link DistressDetector#LOSS_TOLD}: "my brother took too many pills and died last
     * month", whose act stands between the person and the death, too far apart for a topic's phrase; a loss, not
     * named a suicide: an overdose may have been an accident), else an act on the body it tells at high risk or above
     * ({@link #EMERGENCY}; a wound that bleeds is one, though its words are a cut's), else a situation intent the
     * classifier is sure of. The classifier's guess does not replace a remembered topic that only words can name (a
     * death, harassment at work):
     * "main unke baghair nahi reh sakta" after "ammi ka inteqal hua" is grief, not the drugs the classifier heard.
     */
    public Optional<String> of(Analysis analysis, Cues.Found cues, Optional<String> remembered) {
        if (cues.topic().filter(SUICIDE_LOSS::equals).isPresent()
                && analysis.signals().contains(Analyser.TOLD_AS_TOPIC)) {
            return Optional.of(SUICIDE_NEWS);
        }
        if (cues.topic().isPresent()) {
            return cues.topic();
        }
        if (analysis.signals().contains(DistressDetector.LOSS_TOLD)) {
            return Optional.of(BEREAVEMENT);
        }
        boolean bleeding = cues.firstAid().filter(BLEEDING::equals).isPresent();   // "cut my wrist and it's bleeding"
        if ((Analysis.actOnTheBody(analysis.categories()) || bleeding) && analysis.risk().atLeast(RiskLevel.HIGH)) {
            return Optional.of(EMERGENCY);
        }
        if (analysis.lowConfidence() || !SITUATIONS.contains(analysis.intent())
                || remembered.isPresent() && analysis.confidence() < SURE_OF_A_SITUATION) {
            return Optional.empty();
        }
        boolean wordsOnly = remembered.filter(topic -> Intent.fromLabel(topic).isEmpty()).isPresent();
        return wordsOnly ? Optional.empty() : Optional.of(analysis.intent().label());
    }

    /**
     * The topic a conversation still remembers: the one set at {@code at}, while it lasts (a message that names none
     * keeps it; one that names another replaces it).
     */
    public Optional<String> remembered(String topic, Instant at, Instant now) {
        if (topic == null || at == null || at.plus(memory).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(topic);
    }
}
