package org.saath.nlu;

import java.util.Locale;

/** What a lexicon phrase tells about a message; see {@link DistressDetector} for how they combine. */
public enum DistressCategory {
    IDEATION, PASSIVE_IDEATION, SELF_HARM, PLAN, MEANS, TIMEFRAME, GOODBYE, CODED, HOPELESSNESS,
    /** A cue that the person writes about someone else ("my brother"). */
    THIRD_PERSON,
    /** A negation cue ("not", "nahi", "لا") that lowers the distress phrase right after it. */
    NEGATION,
    /** An idiom ("this traffic is killing me") whose words are masked before distress phrases are matched. */
    IDIOM,
    /** The person asks for a human ("talk to a person", "insaan se baat"); not distress, never raises risk. */
    REQUEST_HUMAN;

    /** True for categories that speak of wanting to die or to hurt oneself. */
    public boolean isSelfHarmFamily() {
        return switch (this) {
            case IDEATION, PASSIVE_IDEATION, SELF_HARM, PLAN, GOODBYE, CODED -> true;
            default -> false;
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DistressCategory fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
