package org.saath.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.saath.training.IntentReport;
import org.saath.training.KeptCard;
import org.saath.training.ModelCard;
import org.saath.training.ModelRegistry;
import org.saath.training.RiskCard;
import org.saath.training.RiskScores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code saath models}: the kept intent and risk model versions with their figures; the promoted ones are marked. */
@Command(name = "models", description = "List the kept model versions with their figures.")
public final class ModelsCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        Path folder = Path.of(options.load().modelsDir());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "intent models%n  %-28s %-20s %6s %8s %9s %10s %7s%n", "version", "created", "rows",
                "accuracy", "macro-F1", "crisis-rec", "forced");
        ModelRegistry<ModelCard> intents = ModelRegistry.intent(folder);
        for (ModelCard card : all(intents)) {
            IntentReport cv = card.crossValidation().report();
            out.printf(Locale.ROOT, "%s %-28s %-20s %6d %8.3f %9.3f %10.3f %7s%n", mark(intents, card),
                    card.version(), card.createdAt(), card.rows(), cv.accuracy(), cv.macroF1(),
                    cv.crisisRecallModerate(), card.forced() ? "yes" : "");
        }
        out.printf(Locale.ROOT, "%nrisk models%n  %-28s %-20s %6s %8s %9s %10s %7s%n", "version", "created", "rows",
                "high+rec", "imm-rec", "false-high", "forced");
        ModelRegistry<RiskCard> risks = ModelRegistry.risk(folder);
        for (RiskCard card : all(risks)) {
            RiskScores.Figures cv = card.crossValidation().scores().overall();
            out.printf(Locale.ROOT, "%s %-28s %-20s %6d %8.3f %9.3f %10.3f %7s%n", mark(risks, card),
                    card.version(), card.createdAt(), card.rows(), cv.highRecall(), cv.imminentRecall(),
                    cv.falseAlarmRate(), card.forced() ? "yes" : "");
        }
        return 0;
    }

    private static <C extends KeptCard> List<C> all(ModelRegistry<C> registry) {
        List<C> versions = new ArrayList<>(registry.versions());
        registry.current().filter(c -> versions.stream().noneMatch(v -> v.version().equals(c.version())))
                .ifPresent(versions::add);
        return versions;
    }

    private static <C extends KeptCard> String mark(ModelRegistry<C> registry, C card) {
        Optional<String> promoted = registry.current().map(KeptCard::version);
        return promoted.filter(card.version()::equals).isPresent() ? "*" : " ";
    }
}
