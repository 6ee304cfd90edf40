package org.saath.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.saath.training.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code saath promote VERSION}: makes a kept version the promoted model. A running service picks it up by
 * itself (it watches the file) or on {@code POST /admin/reload}.
 */
@Command(name = "promote", description = "Make a kept model version the promoted one.")
public final class PromoteCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "VERSION", description = "a version listed by `saath models`")
    String version;

    @Override
    public Integer call() throws Exception {
        new ModelRegistry(Path.of(options.load().modelsDir())).promote(version);
        new PrintStream(System.out, true, StandardCharsets.UTF_8).println("promoted " + version);
        return 0;
    }
}
