package org.saath.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.saath.Components;
import org.saath.nlu.Analyser;
import org.saath.nlu.Analysis;
import org.saath.nlu.Intent;
import org.saath.nlu.RiskLevel;
import org.saath.training.CorpusException;
import org.saath.config.SaathConfig;
import org.saath.training.Evaluator;
import org.saath.training.IntentReport;
import org.saath.training.ModelCard;
import org.saath.training.RiskCard;
import org.saath.training.RiskReport;
import org.saath.training.RiskScores;
import org.saath.training.RiskSources;
import org.saath.training.RiskText;
import org.saath.training.LabelledText;
import org.saath.training.TsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code saath evaluate}: scores the committed models and lexicon on a labelled TSV file. Intent labels give
 * per-intent and per-language figures, crisis recall and false crisis alarms; risk labels
 * ({@code none|low|moderate|high|imminent}) give ordinal agreement and urgent recall. A file with {@code risk},
 * {@code intent}, {@code language}, {@code category} and {@code context} columns (the challenge set) gives both,
 * each row read with its context: per-language {@code high}+ and {@code imminent} recall, topic false alarms,
 * intent figures and confusion counts. Only aggregate figures are printed, never a message.
 */
@Command(name = "evaluate", description = "Evaluate on a TSV file with a header holding 'label' and 'text'.")
public final class EvaluateCommand implements Callable<Integer> {

    private static final List<String> RISK_LABELS_IN_ORDER = List.of("none", "low", "moderate", "high", "imminent");
    private static final Set<String> RISK_LABELS = Set.copyOf(RISK_LABELS_IN_ORDER);
    /** A challenge file's columns; {@code intent} may be left out (a probe of risk alone: no intent figures). */
    private static final List<String> CHALLENGE_COLUMNS = List.of("language", "risk", "category", "text", "context");

    @Mixin
    ConfigOptions options;

    @Option(names = "--data", paramLabel = "FILE", required = true, description = "labelled TSV file")
    Path data;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(names = "--record", description = "also record the headline figures in the model cards "
            + "(intent.card.json; risk.card.json for risk-labelled files)")
    boolean record;

    @Override
    public Integer call() throws Exception {
        TsvTable table = TsvTable.read(data);
        if (CHALLENGE_COLUMNS.stream().allMatch(table::hasColumn)) {
            return challenge(table);
        }
        int label = table.column("label");
        int text = table.column("text");
        checkRows(table, label, text);
        SaathConfig config = options.load();
        Analyser analyser = Components.analyser(config);
        boolean riskMode = table.rows().stream().allMatch(r -> r.length <= label
                || RISK_LABELS.contains(r[label].trim()) || r[label].isBlank());
        RiskSources sources = new RiskSources();
        Object report = riskMode ? riskReport(table, label, text, analyser, sources)
                : intentReport(table, label, text, analyser, sources);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (record) {
            Path models = Path.of(config.modelsDir());
            if (riskMode) {
                Path cardFile = models.resolve("risk.card.json");
                RiskCard.read(cardFile).withHeldOut(data.getFileName().toString(), summary(report), false)
                        .write(cardFile);
            } else {
                Path cardFile = models.resolve("intent.card.json");
                ModelCard.read(cardFile).withHeldOut(data.getFileName().toString(), summary(report)).write(cardFile);
            }
        }
        if (json) {
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("file", data.toString());
            wrapped.put("mode", riskMode ? "risk" : "intent");
            wrapped.put("model", analyser.modelVersion());
            wrapped.put("report", report);
            wrapped.put("sources", sources);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(wrapped));
        } else {
            out.println("file " + data + "  model " + analyser.modelVersion());
            out.print(report instanceof RiskReport r ? r.render() : ((IntentReport) report).render());
            out.print(sources.render());
        }
        return 0;
    }

    /**
     * The challenge set: risk and intent read with each row's context; aggregate figures only. With
     * {@code --record} the risk card keeps them and counts the look.
     */
    private int challenge(TsvTable table) throws java.io.IOException {
        SaathConfig config = options.load();
        Analyser analyser = Components.analyser(config);
        List<RiskScores.Outcome> risks = new ArrayList<>();
        List<Evaluator.Outcome> intents = new ArrayList<>();
        RiskSources sources = new RiskSources();
        readChallenge(table, analyser, risks, intents, sources);
        RiskScores riskScores = RiskScores.of(risks);
        IntentReport intentReport = intents.isEmpty() ? null : Evaluator.intentReport(intents);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (record) {
            Path cardFile = Path.of(config.modelsDir()).resolve("risk.card.json");
            RiskCard.read(cardFile).withHeldOut(data.getFileName().toString(), challengeSummary(riskScores,
                    intentReport), true).write(cardFile);
        }
        if (json) {
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("file", data.toString());
            wrapped.put("mode", "challenge");
            wrapped.put("model", analyser.modelVersion());
            wrapped.put("risk", riskScores);
            if (intentReport != null) {
                wrapped.put("intent", intentReport);
            }
            wrapped.put("sources", sources);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(wrapped));
        } else {
            out.println("file " + data + "  models " + analyser.modelVersion() + "  (aggregate figures only)");
            out.print(riskScores.render());
            out.println();
            if (intentReport != null) {
                out.print(intentReport.render());
                out.println();
            }
            out.print(sources.render());
        }
        return 0;
    }

    /**
     * Each row read with its context; only the gold labels and what the analyser said are kept. A file without an
     * {@code intent} column gives no intent outcomes.
     */
    private static void readChallenge(TsvTable table, Analyser analyser, List<RiskScores.Outcome> risks,
                                      List<Evaluator.Outcome> intents, RiskSources sources) {
        int language = table.column("language");
        int risk = table.column("risk");
        int intent = table.hasColumn("intent") ? table.column("intent") : -1;
        int category = table.column("category");
        int text = table.column("text");
        int context = table.column("context");
        for (int i = 0; i < table.rows().size(); i++) {
            if (table.field(i, text).isBlank()) {
                continue;
            }
            int row = i;
            Analysis a = analyser.analyse(table.field(i, text), RiskText.context(table, i, context));
            String lang = table.field(i, language).trim();
            RiskLevel goldRisk = RiskLevel.fromCode(table.field(i, risk));
            risks.add(new RiskScores.Outcome(goldRisk, a.risk(), lang, table.field(i, category).trim()));
            sources.add(goldRisk, a);
            if (intent < 0) {
                continue;
            }
            Intent gold = Intent.fromLabel(table.field(i, intent).trim()).orElseThrow(() -> new CorpusException(
                    table.origin(row) + ": unknown intent label"));
            intents.add(new Evaluator.Outcome(gold, a.intent(), a.risk(), lang, a.language().code()));
        }
    }

    /**
     * Per language: high+ recall, imminent recall, topic false alarms; and intent macro-F1 where intents are labelled.
     */
    static Map<String, Object> challengeSummary(RiskScores risk, IntentReport intent) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rows", risk.overall().rows());
        risk.perLanguage().forEach((language, f) -> {
            s.put("highRecall." + language, round(f.highRecall()));
            s.put("imminentRecall." + language, round(f.imminentRecall()));
            s.put("topicFalseAlarms." + language, round(f.topicFalseAlarmRate()));
        });
        s.put("highRecall", round(risk.overall().highRecall()));
        s.put("imminentRecall", round(risk.overall().imminentRecall()));
        s.put("topicFalseAlarms", round(risk.overall().topicFalseAlarmRate()));
        s.put("falseHighAlarms", round(risk.overall().falseAlarmRate()));
        if (intent != null) {
            s.put("intentMacroF1", round(intent.macroF1()));
        }
        return s;
    }

    /** The headline figures kept in the model card, rounded to four places. */
    static Map<String, Object> summary(Object report) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (report instanceof RiskReport r) {
            s.put("rows", r.rows());
            s.put("exactAgreement", round(r.exactAgreement()));
            s.put("withinOneAgreement", round(r.withinOneAgreement()));
            s.put("urgentRecall", round(r.urgentRecall()));
            s.put("urgentPrecision", round(r.urgentPrecision()));
        } else if (report instanceof IntentReport r) {
            s.put("rows", r.rows());
            s.put("accuracy", round(r.accuracy()));
            s.put("macroF1", round(r.macroF1()));
            if (r.crisisRows() > 0) {
                s.put("crisisRecallModerate", round(r.crisisRecallModerate()));
                s.put("crisisRecallHigh", round(r.crisisRecallHigh()));
            }
            s.put("falseCrisisAlarmRate", round(r.falseCrisisAlarmRate()));
        }
        return s;
    }

    private static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 10_000) / 10_000.0;
    }

    /**
     * A labelled row must have its text (one without was read as an empty message), and a file must have a labelled
     * row (a header alone was reported as figures of nothing); an unlabelled row is skipped.
     */
    private static void checkRows(TsvTable table, int label, int text) {
        boolean any = false;
        for (int i = 0; i < table.rows().size(); i++) {
            if (table.field(i, label).isBlank()) {
                continue;
            }
            if (table.field(i, text).isBlank()) {
                throw new CorpusException(table.origin(i) + ": a labelled row without its text");
            }
            any = true;
        }
        if (!any) {
            throw new CorpusException(table.file() + ": no labelled row to evaluate");
        }
    }

    private static Object intentReport(TsvTable table, int label, int text, Analyser analyser,
                                       RiskSources sources) {
        List<LabelledText> rows = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            String value = table.field(i, label).trim();
            if (value.isEmpty()) {
                continue;
            }
            int row = i;
            Intent intent = Intent.fromLabel(value).orElseThrow(() -> new CorpusException(
                    table.origin(row) + ": unknown label '" + value + "' (every label an intent, or every label a "
                            + "risk level: " + String.join(", ", RISK_LABELS_IN_ORDER) + ")"));
            rows.add(new LabelledText(intent, table.field(i, text), "mixed", table.origin(i)));
        }
        List<Analysis> read = new ArrayList<>(rows.size());
        List<Evaluator.Outcome> outcomes = Evaluator.run(rows, raw -> {
            Analysis a = analyser.analyse(raw);
            read.add(a);
            return a;
        });
        for (int i = 0; i < rows.size(); i++) {
            sources.addIntentRow(rows.get(i).intent() == Intent.CRISIS, read.get(i));
        }
        return Evaluator.intentReport(outcomes);
    }

    private static Object riskReport(TsvTable table, int label, int text, Analyser analyser,
                                     RiskSources sources) {
        List<RiskLevel> gold = new ArrayList<>();
        List<RiskLevel> predicted = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            String value = table.field(i, label).trim();
            if (!value.isEmpty()) {
                Analysis a = analyser.analyse(table.field(i, text));  // one post per row: no context
                RiskLevel level = RiskLevel.fromCode(value);
                gold.add(level);
                predicted.add(a.risk());
                sources.add(level, a);
            }
        }
        return Evaluator.riskReport(gold, predicted);
    }
}
