package org.saath.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.saath.Components;
import org.saath.channel.InboundMessage;
import org.saath.channel.TurnResult;
import org.saath.config.SaathConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code saath chat}: talk to the bot in the terminal, through the same {@code TurnProcessor} as the service, on a
 * store of its own: a throwaway one, or the SQLite file of {@code --data DIR}, never the configured
 * {@code store.url} nor the data folder a running service uses by default. A crisis typed to try the bot opens an
 * escalation there, and a service sharing that store would offer it to a real partner.
 */
@Command(name = "chat", description = "Talk to the bot in the terminal (/quit leaves).")
public final class ChatCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Mixin
    DataOptions data;

    @Option(names = "--country", converter = CountryConverter.class,
            description = "ISO country code of the person (default: from config)")
    String country;

    @Override
    public Integer call() throws Exception {
        SaathConfig loaded = options.load();
        Path folder = data.dataDir == null ? Files.createTempDirectory("saath-chat") : Path.of(data.dataDir);
        SaathConfig config = loaded.withOwnStore(folder.toString());
        Components components = Components.load(config, Clock.systemUTC());
        try {
            talk(components);
        } finally {
            components.database().close();
            if (data.dataDir == null) {
                Components.deleteFolder(folder);
            }
        }
        return 0;
    }

    private void talk(Components components) throws java.io.IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String user = "terminal-" + UUID.randomUUID();
        out.println("Saath (automated assistant). Type a message; /quit leaves.");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = prompt(in, out); line != null; line = prompt(in, out)) {
            if (line.strip().equals("/quit")) {
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            TurnResult result = components.turns().handle(new InboundMessage("cli", user, UUID.randomUUID().toString(),
                    line, Optional.ofNullable(country).map(String::toUpperCase)));
            for (TurnResult.Reply reply : result.replies()) {
                out.println("saath> " + reply.text().replace("\n", "\n       "));
            }
        }
        components.ops().impact().flush();
    }

    private static String prompt(BufferedReader in, PrintStream out) throws java.io.IOException {
        out.print("you> ");
        return in.readLine();
    }
}
