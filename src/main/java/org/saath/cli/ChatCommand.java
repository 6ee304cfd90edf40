package org.saath.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

/** {@code saath chat}: talk to the bot in the terminal, through the same {@code TurnProcessor} as the service. */
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
        SaathConfig config = data.apply(options.load());
        Components components = Components.load(config, Clock.systemUTC());
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
        return 0;
    }

    private static String prompt(BufferedReader in, PrintStream out) throws java.io.IOException {
        out.print("you> ");
        return in.readLine();
    }
}
