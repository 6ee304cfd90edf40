package org.saath.nlu;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * Where a message's features go, one at a time, each spelled in place ({@code begin().append(…)…end()}) instead of
 * as a new string: {@link MaxentScorer} hashes each one as it ends, so reading a message makes no string per
 * feature. The trainer, which needs the strings, collects them with {@link #collect}; both read the same writer, so
 * the model is scored on exactly the features it was trained on, in the same order.
 *
 * <p>Not thread-safe: one sink serves one message on one thread.
 */
public abstract class FeatureSink {

    private char[] chars = new char[64];
    private int length;

    /** Starts a new feature. */
    public final FeatureSink begin() {
        length = 0;
        return this;
    }

    public final FeatureSink append(char c) {
        if (length == chars.length) {
            chars = Arrays.copyOf(chars, length * 2);
        }
        chars[length++] = c;
        return this;
    }

    public final FeatureSink append(String s) {
        return append(s, 0, s.length());
    }

    /** Appends {@code s.substring(from, to)}. */
    public final FeatureSink append(String s, int from, int to) {
        int needed = length + to - from;
        if (needed > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
        }
        s.getChars(from, to, chars, length);
        length = needed;
        return this;
    }

    /** Ends the feature spelled since {@link #begin()}. */
    public final void end() {
        accept(chars, length);
    }

    /** A feature that is one whole string. */
    public final void feature(String s) {
        begin().append(s).end();
    }

    /** One feature: its characters are {@code chars[0, length)}, valid only during the call. */
    protected abstract void accept(char[] chars, int length);

    /** Runs {@code writer} and adds each feature it writes to {@code into}, as a string; returns {@code into}. */
    public static <C extends Collection<String>> C collect(Consumer<FeatureSink> writer, C into) {
        writer.accept(new FeatureSink() {
            @Override
            protected void accept(char[] chars, int length) {
                into.add(new String(chars, 0, length));
            }
        });
        return into;
    }
}
