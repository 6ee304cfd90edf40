package org.saath.nlu;

/** One message as the risk layer reads it: normalised, and what the distress lexicon found in it. */
public record Utterance(NormalisedText text, DistressAssessment lexicon) {
}
