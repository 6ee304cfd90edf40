package org.saath.training;

/** What the {@link ModelRegistry} needs to know of a model card, whichever model it describes. */
public interface KeptCard {

    String version();

    /** ISO-8601 instant; versions are listed in this order. */
    String createdAt();

    /** Whether a failed gate was overridden with {@code --force}. */
    boolean forced();
}
