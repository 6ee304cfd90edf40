package org.saath.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.saath.training.IntentReport;
import org.saath.training.ModelCard;
import org.saath.training.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code saath models}: the kept model versions with their figures; the promoted one is marked. */
@Command(name = "models", description = "List the kept model versions with their figures.")
public final class ModelsCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        ModelRegistry registry = new ModelRegistry(Path.of(options.load().modelsDir()));
        Optional<String> promoted = registry.current().map(ModelCard::version);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "  %-28s %-20s %6s %8s %9s %10s %7s%n", "version", "created", "rows", "accuracy",
                "macro-F1", "crisis-rec", "forced");
        var versions = new java.util.ArrayList<>(registry.versions());
        registry.current().filter(c -> versions.stream().noneMatch(v -> v.version().equals(c.version())))
                .ifPresent(versions::add);
        for (ModelCard card : versions) {
            IntentReport cv = card.crossValidation().report();
            out.printf(Locale.ROOT, "%s %-28s %-20s %6d %8.3f %9.3f %10.3f %7s%n",
                    promoted.filter(card.version()::equals).isPresent() ? "*" : " ", card.version(), card.createdAt(),
                    card.rows(), cv.accuracy(), cv.macroF1(), cv.crisisRecallModerate(), card.forced() ? "yes" : "");
        }
        return 0;
    }
}
