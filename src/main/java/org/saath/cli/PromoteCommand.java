package org.saath.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.saath.nlu.ModelUnavailableException;
import org.saath.training.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code saath promote VERSION}: makes a kept version (of the intent or the risk model, whichever has it) the
 * promoted model. A running service picks it up by itself (it watches the files) or on {@code POST /admin/reload}.
 */
@Command(name = "promote", description = "Make a kept model version (intent or risk) the promoted one.")
public final class PromoteCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "VERSION", description = "a version listed by `saath models`")
    String version;

    @Override
    public Integer call() throws Exception {
        Path folder = Path.of(options.load().modelsDir());
        ModelRegistry<?> registry = ModelRegistry.risk(folder).has(version) ? ModelRegistry.risk(folder)
                : ModelRegistry.intent(folder);
        if (!registry.has(version)) {
            throw new ModelUnavailableException("no kept intent or risk model version '" + version + "' in "
                    + folder + " (see `saath models`)", null);
        }
        registry.promote(version);
        new PrintStream(System.out, true, StandardCharsets.UTF_8).println("promoted " + registry.kind() + " "
                + version);
        return 0;
    }
}
