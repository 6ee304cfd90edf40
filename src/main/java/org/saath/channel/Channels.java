package org.saath.channel;

import java.util.List;
import java.util.Optional;

/** The platform channels this deployment has configured (the others are off and their paths answer 404). */
public record Channels(List<Channel> enabled) {

    public Channels {
        enabled = List.copyOf(enabled);
    }

    public static Channels none() {
        return new Channels(List.of());
    }

    public Optional<Channel> byName(String name) {
        return enabled.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
