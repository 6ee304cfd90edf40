package org.saath.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.saath.Components;
import org.saath.config.SaathConfig;
import org.saath.escalation.Leaving;
import org.saath.store.ConversationKey;
import org.saath.store.Database;
import org.saath.store.JdbcConversations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code saath forget --user ID [--channel C]}: deletes everything about one person (conversation, turns,
 * escalations, safety plan, dedupe keys, messages kept for them, outbox rows), as "delete my data" does; an open
 * escalation ends and its partner is told. The id is hashed with the deployment's secret to find them; it is never
 * stored.
 */
@Command(name = "forget", description = "Delete everything stored about one user.")
public final class ForgetCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--user", required = true, description = "the channel's user id (e.g. a WhatsApp number)")
    String user;

    @Option(names = "--channel", defaultValue = "generic", description = "the channel (default: ${DEFAULT-VALUE})")
    String channel;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        SaathConfig config = data.apply(options.load());
        boolean found;
        try (Database store = data.existingStore(config)) {
            ConversationKey key = new ConversationKey(channel, Components.hasher(config).hash(channel, user));
            Instant now = Instant.now();
            // the person asked (through the deployment): an open escalation ends as ended by them, and its partner
            // is told the person left
            found = new JdbcConversations(store).withConversation(key, tx -> tx.forget(Optional.empty(), "", now,
                    Leaving.ending(tx, "person", Leaving.DATA_DELETED, now), List.of()));
        }
        new PrintStream(System.out, true, StandardCharsets.UTF_8).println(found
                ? "deleted everything stored about that user" : "nothing stored about that user");
        return 0;
    }
}
