package org.saath.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.saath.nlu.ModelUnavailableException;
import org.saath.training.KeptCard;
import org.saath.training.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code saath promote VERSION}: makes a kept version (of the intent or the risk model, whichever has it) the
 * promoted model. A running service picks it up by itself (it watches the files) or on {@code POST /admin/reload}.
 * The version already promoted is left as it is, kept as a file or not, and said so (exit 0).
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
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Stream<ModelRegistry<?>> kinds = Stream.of(ModelRegistry.risk(folder), ModelRegistry.intent(folder));
        ModelRegistry<?> registry = kinds.filter(r -> r.has(version) || promoted(r)).findFirst()
                .orElseThrow(() -> new ModelUnavailableException("no kept intent or risk model version '" + version
                        + "' in " + folder + " (see `saath models`)", null));
        if (promoted(registry)) {
            // `models` lists the promoted version even when no copy of it is kept (a fresh clone): it is where
            // the user asked it to be, and rewriting its files would only make a running service reload
            out.println(version + " is already the promoted " + registry.kind() + " model");
            return 0;
        }
        registry.promote(version);
        out.println("promoted " + registry.kind() + " " + version);
        return 0;
    }

    private boolean promoted(ModelRegistry<?> registry) {
        return registry.current().map(KeptCard::version).filter(version::equals).isPresent();
    }
}
