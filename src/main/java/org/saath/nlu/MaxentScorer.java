package org.saath.nlu;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * A trained OpenNLP document categorizer's weights, laid out for reading one message fast, with the same
 * probabilities as {@code DocumentCategorizerME.categorize} to the last bit (checked on every sentence of both
 * corpora by {@code MaxentScorerTest}).
 *
 * <p>Why not the categorizer itself: it prefixes every feature with {@code "bow="} (a new string, hashed again, per
 * feature per message) and looks it up among every feature the trainer ever saw. The risk model's L1 cost leaves
 * about seven in ten of those with no weight at all; they are dropped here, so the table is a third of the size and
 * a miss is cheaper. A message has a few hundred features, so this lookup is most of a message's analysis. Each
 * feature is spelled in place ({@link FeatureSink}) and found by a 64-bit hash of its characters alone in one flat
 * table: a lookup reads one slot and, when found, one run of weights, where a map of strings follows five or six
 * references (under load these cache misses, not the arithmetic, were the time). Two of a model's features never
 * share a hash (checked at load); a feature the model never saw would be taken for one it knows only if their
 * 64-bit hashes were equal: for the risk model's 48,000 features and a few hundred lookups per message, about once
 * in 10^12 messages.
 *
 * <p>Immutable and thread-safe. Only the two kinds of model we train are read: maxent by L-BFGS ({@code MAXENT_QN},
 * the risk model) and by GIS with its uniform prior (the intent model).
 */
public final class MaxentScorer {

    /** How a feature written more than once for one message counts. */
    public enum Repeats {
        /** Each time (the intent model's bag of words). */
        EACH_TIME,
        /** Once, at its first place ({@link RiskFeatures}: a long post must not outweigh a short one). */
        ONCE
    }

    private static final String BAG_OF_WORDS = "bow=";
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long SPREAD = 0x9E3779B97F4A7C15L;     // 2^64 / golden ratio: spreads a hash's high bits
    private static final long[] NONE = {};

    private final boolean quasiNewton;
    private final String[] outcomes;
    // The weighted features in an open-addressing table, two longs per slot: the feature's hash (0 for an empty
    // slot), then where its weights start in `weights` (high 32 bits) and which outcomes it weighs (low 32, one bit
    // per outcome). `weights` holds, per feature, its parameters in the order of the outcomes. Each outcome's sum
    // still adds its features' parameters in the order the features come, as the categorizer's does, so the sums are
    // its sums to the last bit. A zero parameter is left out (L1 zeroes three in five of the risk model's: adding
    // ±0.0 leaves every sum as it was, since a sum that starts at +0.0 or at GIS's prior never becomes -0.0). A
    // lookup touches one slot and, when found, one run of eight bytes per weight.
    private final long[] slots;
    private final double[] weights;
    private final int shift;

    private MaxentScorer(boolean quasiNewton, String[] outcomes, Map<String, Context> byFeature) {
        if (outcomes.length > Integer.SIZE) {
            throw new IllegalArgumentException("more than " + Integer.SIZE + " outcomes: " + outcomes.length);
        }
        this.quasiNewton = quasiNewton;
        this.outcomes = outcomes;
        int capacity = Integer.highestOneBit(Math.max(byFeature.size(), 1) * 4 - 1);    // at most half full
        this.slots = new long[capacity * 2];
        this.shift = 64 - Integer.numberOfTrailingZeros(capacity);
        int total = 0;
        for (Context context : byFeature.values()) {
            total += nonZero(context.getParameters());
        }
        this.weights = new double[total];
        int next = 0;
        for (Map.Entry<String, Context> feature : byFeature.entrySet()) {
            char[] name = feature.getKey().toCharArray();
            long hash = hash(name, name.length);
            int slot = slot(hash);
            while (slots[slot] != 0) {
                if (slots[slot] == hash) {
                    throw new IllegalArgumentException("two features share a hash: " + feature.getKey());
                }
                slot = (slot + 2) & (slots.length - 1);
            }
            double[] byOutcome = new double[outcomes.length];
            int mask = 0;
            int[] active = feature.getValue().getOutcomes();
            double[] parameters = feature.getValue().getParameters();
            for (int i = 0; i < active.length; i++) {
                if (parameters[i] != 0) {
                    byOutcome[active[i]] = parameters[i];
                    mask |= 1 << active[i];
                }
            }
            slots[slot] = hash;
            slots[slot + 1] = (long) next << 32 | (mask & 0xFFFFFFFFL);
            for (int o = 0; o < outcomes.length; o++) {
                if ((mask & 1 << o) != 0) {
                    weights[next++] = byOutcome[o];
                }
            }
        }
    }

    /** Reads {@code model}; one this class cannot read exactly throws {@link IllegalArgumentException}. */
    public static MaxentScorer of(DoccatModel model) {
        FeatureGenerator[] generators = model.getFactory().getFeatureGenerators();
        if (generators.length != 1 || generators[0].getClass() != BagOfWordsFeatureGenerator.class) {
            throw new IllegalArgumentException("only a bag-of-words document categorizer can be read");
        }
        if (!(model.getMaxentModel() instanceof AbstractModel maxent)) {
            throw new IllegalArgumentException("not a maxent model: " + model.getMaxentModel().getClass());
        }
        boolean quasiNewton = switch (maxent.getModelType()) {
            case MaxentQn -> true;
            case Maxent -> false;
            default -> throw new IllegalArgumentException("cannot read a " + maxent.getModelType() + " model");
        };
        Object[] structures = maxent.getDataStructures();
        @SuppressWarnings("unchecked")
        Map<String, Context> byFeature = (Map<String, Context>) structures[1];
        String[] outcomes = ((String[]) structures[2]).clone();
        Map<String, Context> weights = new HashMap<>();
        byFeature.forEach((feature, context) -> {
            if (feature.startsWith(BAG_OF_WORDS) && weighs(context)) {
                weights.put(feature.substring(BAG_OF_WORDS.length()), context);
            }
        });
        return new MaxentScorer(quasiNewton, outcomes, weights);
    }

    private static boolean weighs(Context context) {
        return nonZero(context.getParameters()) > 0;
    }

    private static int nonZero(double[] parameters) {
        int n = 0;
        for (double parameter : parameters) {
            if (parameter != 0) {
                n++;
            }
        }
        return n;
    }

    /** The outcomes' labels, in the order of {@link #probabilities}. */
    public String[] outcomes() {
        return outcomes.clone();
    }

    /** The index of {@code label} among the outcomes, or -1. */
    public int index(String label) {
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i].equals(label)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Each outcome's probability for a message whose features {@code writer} writes, in the order of
     * {@link #outcomes}: the same doubles as the categorizer's for those features as strings (with the repeats
     * dropped first for {@link Repeats#ONCE}).
     */
    public double[] probabilities(Consumer<FeatureSink> writer, Repeats repeats) {
        return probabilities(NONE, writer, repeats);
    }

    /**
     * As {@link #probabilities(Consumer, Repeats)} for a message whose first features are already hashed
     * ({@link #hashes}) and whose others {@code more} writes.
     */
    double[] probabilities(long[] first, Consumer<FeatureSink> more, Repeats repeats) {
        Reader reader = new Reader();
        more.accept(reader);
        double[] sums = sums(first, reader.hashes, reader.count, repeats);
        return quasiNewton ? normaliseLog(sums) : normaliseGis(sums);
    }

    /** The hashes of the features {@code writer} writes, in order: the same for every model (no model's state). */
    static long[] hashes(Consumer<FeatureSink> writer) {
        Reader reader = new Reader();
        writer.accept(reader);
        return Arrays.copyOf(reader.hashes, reader.count);
    }

    /** The slot of the feature whose hash is {@code hash}, or -1 if the model gives it no weight. */
    private int find(long hash) {
        for (int slot = slot(hash); ; slot = (slot + 2) & (slots.length - 1)) {
            if (slots[slot] == hash) {
                return slot;
            }
            if (slots[slot] == 0) {
                return -1;
            }
        }
    }

    /** FNV-1a over the UTF-16 units, never 0 (an empty slot). */
    private static long hash(char[] chars, int length) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < length; i++) {
            hash = (hash ^ chars[i]) * FNV_PRIME;
        }
        return hash == 0 ? 1 : hash;
    }

    /** The first of a hash's two longs in a table of {@code 2^(64 - shift)} slots. */
    private int slot(long hash) {
        return (int) ((hash * SPREAD) >>> shift) << 1;
    }

    /** Hashes one message's features as they are written; room is made at the first (often none follow shared ones). */
    private static final class Reader extends FeatureSink {

        private long[] hashes = NONE;
        private int count;

        @Override
        protected void accept(char[] chars, int length) {
            if (count == hashes.length) {
                hashes = Arrays.copyOf(hashes, Math.max(256, count * 2));
            }
            hashes[count++] = hash(chars, length);
        }
    }

    /**
     * Looks a message's features ({@code first}, then the first {@code moreCount} of {@code more}) up in one loop
     * and adds up their weights in another, in the order written. Apart, each loop's table reads do not wait for one
     * another, so the processor has several in flight at once; interleaved with the spelling and hashing they came
     * one at a time (under load these reads miss the caches, and they were most of a message's analysis).
     */
    private double[] sums(long[] first, long[] more, int moreCount, Repeats repeats) {
        int count = first.length + moreCount;
        int[] found = new int[count];
        for (int i = 0; i < first.length; i++) {
            found[i] = find(first[i]);
        }
        for (int i = 0; i < moreCount; i++) {
            found[first.length + i] = find(more[i]);
        }
        double[] sums = new double[outcomes.length];
        if (!quasiNewton) {
            Arrays.fill(sums, Math.log(1.0 / outcomes.length));     // GIS's uniform prior
        }
        Seen seen = repeats == Repeats.ONCE ? new Seen() : null;
        for (int i = 0; i < count; i++) {
            int slot = found[i];
            if (slot < 0 || (seen != null && !seen.firstTime(slot))) {
                continue;
            }
            long run = slots[slot + 1];
            int j = (int) (run >>> 32);
            for (int mask = (int) run; mask != 0; mask &= mask - 1) {
                sums[Integer.numberOfTrailingZeros(mask)] += weights[j++];
            }
        }
        return sums;
    }

    /** The slots already counted for one message ({@link Repeats#ONCE}): open addressing, a slot + 1, 0 for none. */
    private static final class Seen {

        private int[] entries = new int[256];
        private int size;

        boolean firstTime(int found) {
            int mask = entries.length - 1;
            for (int i = ((found * 0x9E3779B9) >>> 8) & mask; ; i = (i + 1) & mask) {
                if (entries[i] == found + 1) {
                    return false;
                }
                if (entries[i] == 0) {
                    entries[i] = found + 1;
                    if (++size * 2 > entries.length) {
                        grow();
                    }
                    return true;
                }
            }
        }

        private void grow() {
            int[] old = entries;
            entries = new int[old.length * 2];
            size = 0;
            for (int entry : old) {
                if (entry != 0) {
                    firstTime(entry - 1);
                }
            }
        }
    }

    private static double[] normaliseLog(double[] sums) {
        double total = ArrayMath.logSumOfExps(sums);
        for (int i = 0; i < sums.length; i++) {
            sums[i] = StrictMath.exp(sums[i] - total);
        }
        return sums;
    }

    private static double[] normaliseGis(double[] sums) {
        double total = 0;
        for (int i = 0; i < sums.length; i++) {
            sums[i] = StrictMath.exp(sums[i]);
            total += sums[i];
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= total;
        }
        return sums;
    }
}
