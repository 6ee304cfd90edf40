package org.saath.rules;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The rule engine in force, swapped atomically on reload: a turn reads it once, so a reload never mixes two rule
 * books in one decision. A rule book that fails validation is refused and the old one stays.
 */
public final class ReloadableRules implements Supplier<RuleEngine> {

    private final Supplier<RuleBook> loader;
    private final AtomicReference<RuleEngine> current;

    /** Loads the first rule book now; a bad one stops the start. */
    public ReloadableRules(Supplier<RuleBook> loader) {
        this.loader = loader;
        this.current = new AtomicReference<>(new RuleEngine(loader.get()));
    }

    @Override
    public RuleEngine get() {
        return current.get();
    }

    /** Loads and validates the rule book again; throws {@link RuleBookException} and keeps the old one if bad. */
    public RuleBook reload() {
        RuleBook book = loader.get();
        current.set(new RuleEngine(book));
        return book;
    }
}
