package org.saath.training;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.saath.nlu.Analyser;

/**
 * The analyser built on the promoted model, swapped atomically on reload: a turn takes it once, so requests in
 * flight finish on the model they started with, and the stored turn names that model's version. A model that
 * cannot be loaded is refused and the old one stays.
 */
public final class PromotedModel implements Supplier<Analyser> {

    private final Supplier<Analyser> loader;
    private final AtomicReference<Analyser> current;

    public PromotedModel(Analyser initial, Supplier<Analyser> loader) {
        this.loader = loader;
        this.current = new AtomicReference<>(initial);
    }

    @Override
    public Analyser get() {
        return current.get();
    }

    /** Loads the promoted model again and swaps it in; returns its version. Throws, keeping the old one, if bad. */
    public String reload() {
        Analyser fresh = loader.get();
        current.set(fresh);
        return fresh.modelVersion();
    }
}
