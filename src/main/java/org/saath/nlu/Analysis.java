package org.saath.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the NLU stage knows about one message. {@code intent} is {@code out_of_scope} with
 * {@code lowConfidence} set when the classifier was unsure; {@code risk} combines lexicon and classifier for this
 * message alone (the conversation's risk is kept by the dialogue); {@code command} is a steering phrase such as
 * "yes", "stop" or "delete my data"; {@code asksForLanguage} the language a {@code speak} command asks for.
 * {@code categories} are what the distress lexicon saw (negated phrases excluded), so a reply can answer in the
 * person's own terms ("you want to die" is not "everything feels hopeless"); {@code asksAboutMeans} is a message that
 * names a means or a way and nothing else the classifier understands ("how many paracetamol would kill me"): never
 * trivia, always the crisis route. {@code gender} is what the person's own words mark about them and about someone
 * they write about. {@code riskSource} names what set {@code risk} ({@link RiskRules.Judgement#source}).
 * {@code follows}: the message says the writer would do as someone did ("I think about doing the same"), not negated.
 * {@code actBefore}: whose act on the body one of the previous messages read with this one told (tablets taken, a cut,
 * someone got down from a hanging), the person's own before someone else's; read for a command too ("she won't go to
 * the hospital"), whose risk is read without its context.
 * {@code classified}: the intent classifier's own reading ({@code out_of_scope} when unsure), before a risk of
 * {@code high} or more made {@code intent} a crisis ("i cant stop shaking" after a brother's attempt is anxiety).
 */
public record Analysis(Language language, Intent intent, double confidence, boolean lowConfidence, RiskLevel risk,
                       boolean thirdPerson, boolean requestsHuman, Optional<Command> command,
                       Optional<Language> asksForLanguage, List<String> signals, String modelVersion,
                       Set<DistressCategory> categories, boolean asksAboutMeans, GenderCues.Read gender,
                       String riskSource, boolean follows, ActBefore actBefore, Intent classified) {

    public Analysis {
        signals = List.copyOf(signals);
        categories = Set.copyOf(categories);
        gender = gender == null ? GenderCues.Read.UNMARKED : gender;
        actBefore = actBefore == null ? ActBefore.NONE : actBefore;
        classified = classified == null ? intent : classified;
    }

    /** The same reading with its danger the writer's own, not someone else's. */
    public Analysis theWritersOwn() {
        return new Analysis(language, intent, confidence, lowConfidence, risk, false, requestsHuman, command,
                asksForLanguage, signals, modelVersion, categories, asksAboutMeans, gender, riskSource, follows,
                actBefore, classified);
    }

    /**
     * The same reading as a helper's worry for someone else, with no word of danger in it: its risk held at
     * {@code moderate} at most (the intent the classifier gave, where a risk read {@code high} had made it a crisis),
     * about the other person, the hold named in the signals. What a person tells of another's situation in words the
     * cues know ("my wife gave birth a month ago and cries all the time") was read {@code high} by the model, which
     * learnt such words from crises, and the writer was asked "are you safe right now?".
     */
    public Analysis heldForAHelper(String signal) {
        boolean held = risk.atLeast(RiskLevel.HIGH);
        List<String> said = new ArrayList<>(signals);
        said.add(signal);
        return new Analysis(language, held ? classified : intent, confidence, lowConfidence,
                held ? RiskLevel.MODERATE : risk, true, requestsHuman, command, asksForLanguage, said, modelVersion,
                categories, asksAboutMeans, gender, riskSource, follows, actBefore, classified);
    }

    /**
     * Whether {@code categories} tell an act on the body (tablets taken, a cut, a hanging), whose first steps are a
     * doctor, the packet kept, pressure on a wound: not an act told only as a place, an edge or a track, where the
     * first step is away from it ("nahi utrunga", I won't come down, after "chhat ki deewar pe baitha hun" was told to
     * keep the packet for the doctor and press on bleeding: the s54 QA pass).
     */
    public static boolean actOnTheBody(Set<DistressCategory> categories) {
        return categories.contains(DistressCategory.ACT) && (!categories.contains(DistressCategory.PLACE)
                || categories.contains(DistressCategory.MEANS) || categories.contains(DistressCategory.SELF_HARM));
    }

    /** Whose act on the body a message read before this one told: none, someone else's, or the person's own. */
    public enum ActBefore {
        NONE, SOMEONE_ELSE, OWN;

        /** What the previous messages (oldest first) told: the person's own act wins over someone else's. */
        static ActBefore of(List<Utterance> previous) {
            ActBefore told = NONE;
            for (Utterance u : previous) {
                if (actOnTheBody(u.lexicon().categories())) {
                    if (!u.lexicon().thirdPerson()) {
                        return OWN;
                    }
                    told = SOMEONE_ELSE;
                }
            }
            return told;
        }
    }
}
