package org.saath.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.saath.Components;
import org.saath.TestComponents;

/**
 * Golden evaluation of the risk model, the counterpart of {@link IntentModelEvalTest}: after checking that
 * models/lang/&lt;code&gt;/risk.tsv (with the everyday intent sentences) is the data the committed risk model was
 * trained on and the lexicon is the one it was trained with (both SHA-256s are in its card), trains with the committed
 * parameters on four fifths of the risk rows (a fixed, seeded split) plus the everyday rows, evaluates the whole
 * analyser, each row read with its context, on the held-back fifth, and compares with the reviewed figures in
 * {@code src/test/resources/golden/risk-eval.txt}. Regenerate with {@code mvn test -Dgolden.update=true} and review
 * the diff before committing it. Never evaluated on ../shared/eval or the challenge set.
 */
class RiskModelEvalTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/risk-eval.txt");
    private static final long SEED = 20261121L;

    @Test
    void the_risk_model_on_a_fixed_split_of_its_data_matches_the_reviewed_figures() throws IOException {
        // as the promoted model was trained: its lexicon (models/risk.lexicon), which may lag the current one
        Components.Analysers shared = Components.analysers(TestComponents.config(Path.of("target"))).asTrained();
        RiskCorpus corpus = RiskCorpus.load(Path.of("models/lang"), shared.normaliser(), Map.of());
        RiskCard card = RiskCard.read(Path.of("models/risk.card.json"));
        assertThat(corpus.sha256())
                .as("models/lang/*/risk.tsv or intents.tsv changed since models/risk.bin was trained: run `saath train`, "
                        + "then `mvn test -Dgolden.update=true`, and review the figures")
                .isEqualTo(card.dataSha256());
        assertThat(shared.distress().lexiconSha256())
                .as("models/risk.lexicon is not the lexicon models/risk.bin was trained with (its card's "
                        + "lexiconSha256): promote the model with its lexicon, or run `saath train`")
                .isEqualTo(card.lexiconSha256());

        List<List<RiskText>> folds = RiskCrossValidator.split(corpus.rows(), 5, SEED);
        List<RiskText> train = new ArrayList<>(corpus.everyday());
        folds.subList(1, folds.size()).forEach(train::addAll);
        RiskTrainerParams params = card.parameters().trainerParams();
        var model = new RiskTrainer(shared.normaliser(), shared.distress()).train(train, params).classifier("golden");
        var analyser = shared.with(Components.intentModel(Path.of("models")), model);
        RiskScores scores = RiskScores.of(RiskCrossValidator.evaluate(folds.get(0), analyser));

        String actual = render(scores);
        GoldenFigures.check(GOLDEN, actual, "risk");
    }

    /** One figure a line, so that a change reads as a small diff. */
    static String render(RiskScores s) {
        Map<String, Double> lines = new LinkedHashMap<>();
        put(lines, "all", s.overall());
        s.perLanguage().forEach((language, f) -> put(lines, language, f));
        StringBuilder out = new StringBuilder("rows " + s.overall().rows() + "\n");
        lines.forEach((k, v) -> out.append(String.format(Locale.ROOT, "%s %.4f%n", k, v)));
        s.confusion().forEach((gold, row) -> out.append("confusion ").append(gold).append(' ').append(row)
                .append('\n'));
        return out.toString();
    }

    private static void put(Map<String, Double> lines, String prefix, RiskScores.Figures f) {
        lines.put(prefix + ".exact", f.exact());
        lines.put(prefix + ".high-recall", f.highRecall());
        lines.put(prefix + ".imminent-recall", f.imminentRecall());
        lines.put(prefix + ".moderate-recall", f.moderateRecall());
        lines.put(prefix + ".false-high-alarms", f.falseAlarmRate());
    }
}
