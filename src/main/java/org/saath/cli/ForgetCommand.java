package org.saath.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.saath.Components;
import org.saath.channel.twilio.TwilioChannel;
import org.saath.channel.whatsapp.WhatsAppChannel;
import org.saath.config.SaathConfig;
import org.saath.escalation.Leaving;
import org.saath.ops.Operations;
import org.saath.privacy.UserRefHasher;
import org.saath.store.ConversationKey;
import org.saath.store.Database;
import org.saath.store.JdbcConversations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code saath forget --user ID [--channel C]}: deletes everything about one person (conversation, turns,
 * escalations, safety plan, dedupe keys, messages kept for them, outbox rows), as "delete my data" does; an open
 * escalation ends, its partner is told, and the anonymous impact counts hear of the ending. The id is hashed with
 * the deployment's secret to find them; it is never stored. A number is looked up in every form the channel stores
 * it in ({@code +92…}, {@code 92…}, {@code whatsapp:+92…}); an unknown channel is a usage error and a data folder
 * without the user-id secret an error, never a silent "nothing stored".
 */
@Command(name = "forget", description = "Delete everything stored about one user.")
public final class ForgetCommand implements Callable<Integer> {

    /** The channels a person can be written to from, and how each stores the id an operator types. */
    private static final Map<String, Function<String, List<String>>> CHANNELS = Map.of(
            "generic", List::of,
            "web", List::of,
            "telegram", List::of,
            "whatsapp", WhatsAppChannel::storedUserIds,
            "twilio", TwilioChannel::storedUserIds);

    @Mixin
    ConfigOptions options;

    @Option(names = "--user", required = true, converter = NotBlankConverter.class,
            description = "the channel's user id: a number for WhatsApp and Twilio (+923001234567), the chat id for "
                    + "Telegram, the integrator's id for generic")
    String user;

    @Option(names = "--channel", defaultValue = "generic", converter = KnownChannel.class,
            description = "generic, whatsapp, telegram, twilio or web (default: ${DEFAULT-VALUE})")
    String channel;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        SaathConfig config = data.apply(options.load());
        UserRefHasher hasher = Components.existingHasher(config);
        boolean found = false;
        try (Database store = data.existingStore(config)) {
            // the ending is counted as the server counts it: the store's unit of work tells the operations'
            // listener (the impact counts) of its transition after the commit, and the counts are written before
            // this process exits, as a server writes them at shutdown
            Operations ops = Operations.create(store);
            JdbcConversations conversations = new JdbcConversations(store, ops.transitions());
            for (String id : CHANNELS.get(channel).apply(user.strip())) {
                ConversationKey key = new ConversationKey(channel, hasher.hash(channel, id));
                Instant now = Instant.now();
                // the person asked (through the deployment): an open escalation ends as ended by them, and its
                // partner is told the person left
                found |= conversations.withConversation(key, tx -> tx.forget(Optional.empty(), "", now,
                        Leaving.ending(tx, "person", Leaving.DATA_DELETED, now), List.of()));
            }
            ops.impact().flush();
        }
        new PrintStream(System.out, true, StandardCharsets.UTF_8).println(found
                ? "deleted everything stored about that user" : "nothing stored about that user on " + channel);
        return 0;
    }

    /** Refuses a channel nobody can write from (a typo would otherwise find nobody and say so). */
    static final class KnownChannel implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!CHANNELS.containsKey(value)) {
                throw new CommandLine.TypeConversionException("unknown channel '" + value + "': one of "
                        + new java.util.TreeSet<>(CHANNELS.keySet()));
            }
            return value;
        }
    }
}
