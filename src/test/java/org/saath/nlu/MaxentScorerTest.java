package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saath.Components;
import org.saath.config.ConfigLoader;
import org.saath.training.ModelCard;
import org.saath.training.RiskCard;

/**
 * The scorer reads the committed models exactly as OpenNLP's own categorizer does, bit for bit, on every sentence of
 * both corpora in every language (with each risk row's context, so the context features are read too).
 */
class MaxentScorerTest {

    private static final Path MODELS = Path.of("models");

    private static Components.Analysers parts;

    @BeforeAll
    static void load() {
        parts = Components.analysers(ConfigLoader.load(Optional.empty()));
    }

    @Test
    void the_risk_model_gives_the_categorizers_probabilities_on_every_risk_row() throws IOException {
        DoccatModel model = model("risk.bin");
        RiskFeatures features = RiskCard.read(MODELS.resolve("risk.card.json")).parameters().riskFeatures();
        MaxentScorer scorer = MaxentScorer.of(model);
        int rows = 0;
        for (String[] row : rows("risk.tsv")) {
            List<Utterance> context = new ArrayList<>();
            if (row.length > 2 && !row[2].isBlank()) {
                for (String earlier : row[2].split(" \\|\\| ")) {
                    context.add(utterance(earlier));
                }
            }
            assertSame(model, scorer, features.features(utterance(row[1]), context), row[1]);
            rows++;
        }
        assertThat(rows).isGreaterThan(9_000);
    }

    @Test
    void the_intent_model_gives_the_categorizers_probabilities_on_every_intent_sentence() throws IOException {
        DoccatModel model = model("intent.bin");
        FeatureSpec features = ModelCard.read(MODELS.resolve("intent.card.json")).parameters().featureSpec();
        MaxentScorer scorer = MaxentScorer.of(model);
        int rows = 0;
        for (String[] row : rows("intents.tsv")) {
            assertSame(model, scorer, features.features(parts.normaliser().normalise(row[1])), row[1]);
            rows++;
        }
        assertThat(rows).isGreaterThan(8_000);
    }

    @Test
    void labels_are_found_by_name_in_the_categorizers_order() throws IOException {
        DoccatModel model = model("risk.bin");
        MaxentScorer scorer = MaxentScorer.of(model);
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        for (RiskLevel level : RiskLevel.values()) {
            assertThat(scorer.index(level.code())).isEqualTo(categorizer.getIndex(level.code())).isNotNegative();
        }
        assertThat(scorer.index("no such level")).isEqualTo(-1);
    }

    @Test
    void a_message_with_no_known_feature_is_read_at_the_models_base_rate() throws IOException {
        DoccatModel model = model("intent.bin");
        String[] unknown = {"zzzqqq-never-seen"};
        assertThat(MaxentScorer.of(model).probabilities(unknown))
                .containsExactly(new DocumentCategorizerME(model).categorize(unknown));
    }

    @Test
    void a_model_with_other_feature_generators_is_refused() throws IOException {
        DoccatModel ngrams = trainedWith(new NGramFeatureGenerator());
        assertThatThrownBy(() -> MaxentScorer.of(ngrams)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bag-of-words");
    }

    private static DoccatModel trainedWith(FeatureGenerator generator) throws IOException {
        TrainingParameters parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.CUTOFF_PARAM, 0);
        return DocumentCategorizerME.train("und", ObjectStreamUtils.createObjectStream(
                        new DocumentSample("a", new String[] {"x", "y"}), new DocumentSample("b", new String[] {"z", "w"})),
                parameters, new DoccatFactory(new FeatureGenerator[] {generator}));
    }

    private static void assertSame(DoccatModel model, MaxentScorer scorer, String[] features, String text) {
        double[] expected = new DocumentCategorizerME(model).categorize(features);
        double[] actual = scorer.probabilities(features);
        assertThat(actual).as(text).containsExactly(expected);
    }

    private static Utterance utterance(String raw) {
        NormalisedText text = parts.normaliser().normalise(raw);
        return new Utterance(text, parts.distress().assess(text));
    }

    private static DoccatModel model(String file) throws IOException {
        try (InputStream in = Files.newInputStream(MODELS.resolve(file))) {
            return new DoccatModel(in);
        }
    }

    /** Every data row (label, text, …) of {@code models/lang/<code>/<file>}, comments and headers skipped. */
    private static List<String[]> rows(String file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (Stream<Path> languages = Files.list(MODELS.resolve("lang"))) {
            for (Path language : languages.sorted().toList()) {
                for (String line : Files.readAllLines(language.resolve(file))) {
                    String[] cells = line.split("\t", -1);
                    if (line.isBlank() || line.startsWith("#") || cells.length < 2 || cells[1].equals("text")) {
                        continue;
                    }
                    rows.add(cells);
                }
            }
        }
        return rows;
    }
}
