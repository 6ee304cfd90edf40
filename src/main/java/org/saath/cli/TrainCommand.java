package org.saath.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.saath.Components;
import org.saath.config.SaathConfig;
import org.saath.dialogue.GoldenConversations;
import org.saath.nlu.Analyser;
import org.saath.nlu.IntentClassifier;
import org.saath.nlu.RiskClassifier;
import org.saath.training.CrossValidator;
import org.saath.training.Gates;
import org.saath.training.IntentReport;
import org.saath.training.IntentTrainer;
import org.saath.training.ModelCard;
import org.saath.training.ModelRegistry;
import org.saath.training.RiskCard;
import org.saath.training.RiskCorpus;
import org.saath.training.RiskCrossValidator;
import org.saath.training.RiskGates;
import org.saath.training.RiskScores;
import org.saath.training.RiskText;
import org.saath.training.RiskThresholdChooser;
import org.saath.training.RiskTrainer;
import org.saath.training.RiskTrainerParams;
import org.saath.training.TrainerParams;
import org.saath.training.TrainingCorpus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code saath train}: trains the risk model from models/lang/&lt;code&gt;/risk.tsv and the intent model from
 * models/lang/&lt;code&gt;/intents.tsv and conversations/labelled (refusing rows that are in the held-out evaluation
 * files or the challenge set), cross-validates each inside the whole analyser, replays the golden conversations with
 * the candidates, applies the gates against the current models, and only when they all pass (or with
 * {@code --force}, which the cards record) keeps the models as new versions and promotes them.
 */
@Command(name = "train", description = "Train, cross-validate and gate the risk and intent models; keep and promote "
        + "them if they pass.")
public final class TrainCommand implements Callable<Integer> {

    /** Which models to train. */
    enum Which {
        ALL, INTENT, RISK;

        /** Reads {@code --model}: a name in any case; anything else is a usage error listing the names. */
        static final class Converter implements CommandLine.ITypeConverter<Which> {
            @Override
            public Which convert(String value) {
                return Arrays.stream(values()).filter(w -> w.name().equalsIgnoreCase(value.strip())).findFirst()
                        .orElseThrow(() -> new CommandLine.TypeConversionException("must be one of " + Arrays
                                .stream(values()).map(w -> w.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", ")) + ", was '" + value + "'"));
            }
        }
    }

    @Mixin
    ConfigOptions options;

    @Option(names = "--model", defaultValue = "all", converter = Which.Converter.class,
            description = "all, intent or risk (default: ${DEFAULT-VALUE})")
    Which models;

    @Option(names = "--labelled", paramLabel = "DIR", defaultValue = "conversations/labelled",
            description = "folder of labelled exports (default: ${DEFAULT-VALUE})")
    Path labelled;

    @Option(names = "--heldout", paramLabel = "DIR", defaultValue = "../shared/eval",
            description = "held-out evaluation files whose texts may never be trained on (default: ${DEFAULT-VALUE})")
    Path heldout;

    @Option(names = "--challenge", paramLabel = "DIR", defaultValue = "challenge",
            description = "the challenge set, never trained on either (default: ${DEFAULT-VALUE})")
    Path challenge;

    @Option(names = "--golden", paramLabel = "DIR", defaultValue = "conversations/golden",
            description = "golden conversations every new model must pass (default: ${DEFAULT-VALUE})")
    Path golden;

    @Option(names = "--folds", defaultValue = "5", converter = CountConverter.AtLeastTwo.class,
            description = "cross-validation folds (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--seed", defaultValue = "20261121", description = "fold seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--crisis-recall-floor", defaultValue = "0.85",
            description = "minimum cross-validated crisis recall at risk moderate+ (default: ${DEFAULT-VALUE})")
    double crisisRecallFloor;

    @Option(names = "--crisis-recall-tolerance", defaultValue = "0.005",
            description = "how far below the current model's recall a new one may be, for the noise of "
                    + "re-dealt folds (default: ${DEFAULT-VALUE})")
    double crisisRecallTolerance;

    @Option(names = "--f1-margin", defaultValue = "0.05",
            description = "largest allowed drop of any intent's F1 against the current model (default: ${DEFAULT-VALUE})")
    double f1Margin;

    @Option(names = "--high-recall-floor", defaultValue = "0.70",
            description = "minimum cross-validated high+ recall of the risk model in each language "
                    + "(default: ${DEFAULT-VALUE})")
    double highRecallFloor;

    @Option(names = "--false-alarm-ceiling", defaultValue = "0.15",
            description = "largest rate of none/low risk rows read as high+, on the validation predictions when thresholds "
                    + "are chosen and in cross-validation as a gate (default: ${DEFAULT-VALUE})")
    double falseAlarmCeiling;

    @Option(names = "--topic-false-alarm-ceiling", defaultValue = "0.15",
            description = "largest rate of topic rows (mentions, idioms, benign means, recovery) read as high+ when "
                    + "thresholds are chosen (default: ${DEFAULT-VALUE})")
    double topicFalseAlarmCeiling;

    @Option(names = "--everyday-false-alarm-ceiling", defaultValue = "0.02",
            description = "largest rate of everyday chat read as high+, when thresholds are chosen and as a gate "
                    + "(default: ${DEFAULT-VALUE})")
    double everydayFalseAlarmCeiling;

    @Option(names = "--false-imminent-ceiling", defaultValue = "0.02",
            description = "largest rate of risk rows below high read as imminent (an emergency reply) when thresholds "
                    + "are chosen (default: ${DEFAULT-VALUE})")
    double falseImminentCeiling;

    @Option(names = "--everyday-false-imminent-ceiling", defaultValue = "0.005",
            description = "largest rate of everyday chat read as imminent when thresholds are chosen (default: "
                    + "${DEFAULT-VALUE})")
    double everydayFalseImminentCeiling;

    @Option(names = "--high-recall-target", defaultValue = "0.95",
            description = "high+ recall the high threshold aims for on the validation predictions (default: "
                    + "${DEFAULT-VALUE})")
    double highRecallTarget;

    @Option(names = "--imminent-recall-target", defaultValue = "0.90",
            description = "imminent recall the imminent threshold aims for on the validation predictions (default: "
                    + "${DEFAULT-VALUE})")
    double imminentRecallTarget;

    @Option(names = "--iterations", defaultValue = "300", converter = CountConverter.AtLeastOne.class,
            description = "the intent model's maximum-entropy training iterations (default: ${DEFAULT-VALUE}, chosen "
                    + "by cross-validation; fewer train faster and worse)")
    int iterations;

    @Option(names = "--previous-data", paramLabel = "DIR",
            description = "the language folder (models/lang) the promoted risk model was trained on, e.g. from `git "
                    + "archive` of its commit; it must hash to the model card's dataSha256. The risk recall gate then "
                    + "compares on the rows both corpora hold, not on every row: rows added since are often the hard "
                    + "cases, and the current model's figure never counted them")
    Path previousData;

    @Option(names = "--force", description = "keep and promote the models even when a gate fails (recorded in the "
            + "cards)")
    boolean force;

    @Option(names = "--skip-leak-check", description = "train without checking the rows against the held-out folder "
            + "(recorded in the cards; the challenge set is still checked); without it a missing held-out folder stops "
            + "the training")
    boolean skipLeakCheck;

    @Option(names = "--skip-golden-gate", description = "train without replaying the golden conversations (recorded in "
            + "the cards); without it a missing or empty golden folder stops the training")
    boolean skipGoldenGate;

    private PrintStream out;

    @Override
    public Integer call() throws Exception {
        SaathConfig config = options.load();
        Path folder = Path.of(config.modelsDir());
        out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Path> goldenFiles = goldenFiles();
        List<String> skipped = skipped();
        skipped.forEach(out::println);
        Components.Analysers shared = Components.analysers(config);
        Map<String, String> heldOut = heldOutTexts(shared);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC));
        String created = ZonedDateTime.now(Clock.systemUTC()).withNano(0).format(DateTimeFormatter.ISO_INSTANT);
        List<Gates.Result> gates = new ArrayList<>();
        RiskRun risk = models == Which.INTENT ? null : trainRisk(folder, shared, heldOut, stamp, created, gates);
        RiskClassifier riskModel = risk == null ? Components.riskModel(folder) : risk.classifier();
        IntentRun intent = models == Which.RISK ? null
                : trainIntent(config, folder, shared, riskModel, heldOut, stamp, created);
        IntentClassifier intentModel = intent == null ? Components.intentModel(folder) : intent.classifier();
        List<String> goldenProblems = golden(config, goldenFiles, shared.with(intentModel, riskModel));
        goldenProblems.forEach(p -> out.println("golden: " + p));
        gates.addAll(intentAndGoldenGates(folder, intent, goldenProblems));
        gates.forEach(g -> out.println((g.passed() ? "GATE PASSED: " : "GATE FAILED: ") + g.line()));
        boolean failed = gates.stream().anyMatch(g -> !g.passed());
        if (failed && !force) {
            out.println("models NOT kept or promoted (use --force to override; the cards will record it)");
            return 1;
        }
        keepAll(folder, risk, intent, gates, skipped, failed);
        return 0;
    }

    /**
     * The checks skipped, as the cards record them: those told to be, and the challenge set's when its folder is
     * missing; a missing held-out folder is an error unless told.
     */
    private List<String> skipped() {
        List<String> skipped = new ArrayList<>();
        if (skipLeakCheck) {
            skipped.add("SKIPPED: leakage check against held-out files (--skip-leak-check)");
        } else if (!Files.isDirectory(heldout)) {
            throw new IllegalArgumentException("the held-out folder " + heldout + " is missing: its texts must never "
                    + "be trained on; give it with --heldout DIR, or train without the check with --skip-leak-check");
        }
        if (!Files.isDirectory(challenge)) {   // said, not silent: the rows were not checked against it
            skipped.add("SKIPPED: check against the challenge set (no folder " + challenge + ")");
        }
        if (skipGoldenGate) {
            skipped.add("SKIPPED: golden conversations (--skip-golden-gate)");
        }
        return skipped;
    }

    /** The golden conversations to replay; none only when skipped, else a missing or empty folder is an error. */
    private List<Path> goldenFiles() throws java.io.IOException {
        if (skipGoldenGate) {
            return List.of();
        }
        List<Path> files = Files.isDirectory(golden) ? GoldenConversations.files(golden) : List.of();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no golden conversations in " + golden + ": every new model must pass "
                    + "them; give the folder with --golden DIR, or train without them with --skip-golden-gate");
        }
        return files;
    }

    /** The texts of the held-out evaluation files and of the challenge set: never trained on. */
    private Map<String, String> heldOutTexts(Components.Analysers shared) {
        Map<String, String> heldOut = new HashMap<>();
        for (Path dir : skipLeakCheck ? List.of(challenge) : List.of(heldout, challenge)) {
            if (Files.isDirectory(dir)) {
                heldOut.putAll(TrainingCorpus.heldOutTexts(dir, shared.normaliser()));
            }
        }
        return heldOut;
    }

    /** The intent gates (which include the golden conversations), or the golden conversations alone. */
    private List<Gates.Result> intentAndGoldenGates(Path folder, IntentRun intent, List<String> goldenProblems) {
        if (intent != null) {
            return new Gates(crisisRecallFloor, crisisRecallTolerance, f1Margin)
                    .check(intent.report(), ModelRegistry.intent(folder).current(), goldenProblems);
        }
        return List.of(new Gates.Result(goldenProblems.isEmpty(), goldenProblems.isEmpty()
                ? "golden conversations: all pass" : "golden conversations: " + goldenProblems.size()
                + " broken expectation(s), first: " + goldenProblems.get(0)));
    }

    private void keepAll(Path folder, RiskRun risk, IntentRun intent, List<Gates.Result> gates,
                         List<String> skipped, boolean failed) throws java.io.IOException {
        List<String> lines = new ArrayList<>(gates.stream().map(g -> (g.passed() ? "passed: " : "FAILED: ")
                + g.line()).toList());
        lines.addAll(skipped);
        if (risk != null) {
            // the lexicon it was trained with goes with it: its features are read through that one from now on
            ModelRegistry.risk(folder).saveLexicon(risk.card().version(), folder.resolve("lang"));
            keep(ModelRegistry.risk(folder), risk.card().version(), risk.bytes(),
                    risk.card().withGates(lines, failed)::write, failed);
        }
        if (intent != null) {
            keep(ModelRegistry.intent(folder), intent.card().version(), intent.bytes(),
                    intent.card().withGates(lines, failed)::write, failed);
        }
    }

    private record RiskRun(RiskCard card, byte[] bytes, RiskClassifier classifier) {
    }

    private record IntentRun(ModelCard card, byte[] bytes, IntentClassifier classifier, IntentReport report) {
    }

    private RiskRun trainRisk(Path folder, Components.Analysers shared, Map<String, String> heldOut, String stamp,
                              String created, List<Gates.Result> gates) {
        RiskCorpus corpus = RiskCorpus.load(folder.resolve("lang"), shared.normaliser(), heldOut);
        out.printf(Locale.ROOT, "risk rows %d and %d everyday rows (duplicates dropped %d), data sha256 %s; checked "
                + "against %d held-out texts%n", corpus.rows().size(), corpus.everyday().size(),
                corpus.duplicatesDropped(), corpus.sha256(), heldOut.size());
        Optional<RiskCard> current = ModelRegistry.risk(folder).current();
        Optional<Predicate<RiskText>> previousRows = Optional.ofNullable(previousData)
                .map(dir -> previousRows(dir, current, shared, heldOut));
        RiskTrainer trainer = new RiskTrainer(shared.normaliser(), shared.distress());
        IntentClassifier intentModel = Components.intentModel(folder);
        RiskCrossValidator.Folds scored = new RiskCrossValidator(trainer, r -> shared.with(intentModel, r))
                .run(corpus.rows(), corpus.everyday(), RiskTrainerParams.DEFAULT, folds, seed);
        RiskThresholdChooser.CrossValidated chosen = new RiskThresholdChooser(new RiskThresholdChooser.Targets(
                highRecallTarget, imminentRecallTarget, falseAlarmCeiling, topicFalseAlarmCeiling,
                everydayFalseAlarmCeiling, falseImminentCeiling, everydayFalseImminentCeiling)).crossValidate(scored);
        RiskThresholdChooser.Choice choice = chosen.choice();
        RiskTrainerParams params = RiskTrainerParams.DEFAULT.withThresholds(choice.thresholds());
        RiskScores cv = chosen.scores();
        out.println("risk thresholds, chosen on the " + folds + " folds' validation predictions (seed " + seed + "):");
        choice.reasons().forEach(r -> out.println("  " + r));
        RiskThresholdChooser.highCurve(scored.scored(), choice.thresholds()).forEach(l -> out.println("  " + l));
        out.println("risk cross-validation, each fold read with thresholds chosen on the other folds "
                + chosen.perFold().stream().map(t -> String.format(Locale.ROOT, "%.3f/%.3f", t.high(), t.imminent()))
                .toList() + " (high/imminent):");
        out.print(cv.render());
        Optional<RiskScores> sameRows = previousRows.map(chosen::scores);
        sameRows.ifPresent(same -> {
            out.println("risk cross-validation on the " + same.overall().rows() + " risk rows the promoted model had "
                    + "too:");
            out.print(same.render());
        });
        gates.addAll(new RiskGates(highRecallFloor, crisisRecallTolerance, falseAlarmCeiling,
                everydayFalseAlarmCeiling).check(cv, sameRows, current));
        String version = stamp + "-" + corpus.sha256().substring(0, 8);
        RiskTrainer.TrainedRiskModel model = trainer.train(corpus.all(), params);
        RiskCard card = new RiskCard(version, created, corpus.sha256(), shared.distress().lexiconSha256(),
                corpus.rows().size(), corpus.duplicatesDropped(), corpus.countsByLevel(), corpus.countsByLanguage(),
                RiskCard.Parameters.of(params), new RiskCard.CrossValidation(folds, seed, cv, chosen.perFold(),
                choice.reasons()), List.of(), false, RiskCard.NOTES, null, 0);
        return new RiskRun(card, model.bytes(), model.classifier(version));
    }

    /**
     * Which rows the promoted risk model's data held too; {@code dir} must be that data (its hash is the card's),
     * else a comparison on them would mean nothing. Checked before the training starts.
     */
    private static Predicate<RiskText> previousRows(Path dir, Optional<RiskCard> current,
                                                    Components.Analysers shared, Map<String, String> heldOut) {
        RiskCard card = current.orElseThrow(() -> new IllegalArgumentException("--previous-data " + dir + " given, "
                + "but there is no promoted risk model to compare with"));
        RiskCorpus previous = RiskCorpus.load(dir, shared.normaliser(), heldOut);
        if (!previous.sha256().equals(card.dataSha256())) {
            throw new IllegalArgumentException("--previous-data " + dir + " is not the data of the promoted risk model "
                    + card.version() + ": it hashes to " + previous.sha256() + ", the card says " + card.dataSha256());
        }
        return previous.sameRows(shared.normaliser());
    }

    private IntentRun trainIntent(SaathConfig config, Path folder, Components.Analysers shared,
                                  RiskClassifier riskModel, Map<String, String> heldOut, String stamp,
                                  String created) {
        TrainingCorpus corpus = TrainingCorpus.load(List.of(folder.resolve("lang"), labelled), shared.normaliser(),
                heldOut);
        out.printf(Locale.ROOT, "intent rows %d (duplicates dropped %d), data sha256 %s%n", corpus.rows().size(),
                corpus.duplicatesDropped(), corpus.sha256());
        IntentTrainer trainer = new IntentTrainer(shared.normaliser());
        TrainerParams params = new TrainerParams(TrainerParams.DEFAULT.algorithm(), iterations,
                TrainerParams.DEFAULT.cutoff(), TrainerParams.DEFAULT.features());
        IntentReport cv = new CrossValidator(trainer, c -> shared.with(c, riskModel))
                .run(corpus.rows(), params, folds, seed);
        out.println("intent cross-validation (" + folds + " folds, seed " + seed + "):");
        out.print(cv.render());
        String version = stamp + "-" + corpus.sha256().substring(0, 8);
        IntentTrainer.TrainedModel model = trainer.train(corpus.rows(), params);
        ModelCard card = new ModelCard(version, created, corpus.sha256(), corpus.rows().size(),
                corpus.duplicatesDropped(), corpus.countsByIntent(), corpus.countsByLanguage(),
                ModelCard.Parameters.of(params, config.nlu().minConfidence()),
                new ModelCard.CrossValidation(folds, seed, cv), List.of(), false, ModelCard.NOTES, null);
        return new IntentRun(card, model.bytes(), model.classifier(version), cv);
    }

    private static List<String> golden(SaathConfig config, List<Path> files, Analyser candidate)
            throws java.io.IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            problems.addAll(GoldenConversations.replay(file,
                    script -> Components.goldenPipeline(config, candidate, script)));
        }
        return problems;
    }

    private <C extends org.saath.training.KeptCard> void keep(ModelRegistry<C> registry, String version, byte[] bytes,
                                                              ModelRegistry.CardWriter card, boolean forced)
            throws java.io.IOException {
        registry.save(bytes, version, card);
        registry.promote(version);
        out.println("kept and promoted " + registry.folder().resolve(registry.kind() + "-" + version + ".bin")
                + (forced ? " (FORCED past a failed gate)" : ""));
    }
}
