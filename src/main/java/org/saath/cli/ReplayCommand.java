package org.saath.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.saath.Components;
import org.saath.config.SaathConfig;
import org.saath.dialogue.GoldenConversations;
import org.saath.nlu.Analyser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code saath replay FILE.yaml}: runs a conversation script in the golden format ({@code at:} times included)
 * through the real pipeline on a throwaway store, and prints each turn's response as one JSON line, exactly as
 * {@code POST /v1/messages} answers it. Exit 1 when an {@code expect} fails (each broken expectation on stderr,
 * naming the turn), 2 for usage errors. With {@code --config}, the deployment's own rule book and partners are
 * used, so an NGO can check a rule edit before deploying it.
 */
@Command(name = "replay", description = "Replay a conversation script (golden format) and print each response as JSON.")
public final class ReplayCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "FILE.yaml", description = "the conversation script")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "no such script: " + file);
        }
        SaathConfig config = options.load();
        Analyser analyser = Components.analyser(config);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> problems = GoldenConversations.replay(file,
                script -> Components.goldenPipeline(config, analyser, script), result -> {
                    try {
                        out.println(JSON.writeValueAsString(result));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                });
        if (problems.isEmpty()) {
            return 0;
        }
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        problems.forEach(p -> err.println("saath: " + p));
        return 1;
    }
}
