package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
        RiskFeatures features = RiskCard.read(MODELS.resolve("risk.card.json")).parameters().riskFeatures();
        int rows = compareOnEveryRow("risk.bin", "risk.tsv", row -> {
            List<Utterance> context = new ArrayList<>();
            if (row.length > 2 && !row[2].isBlank()) {
                for (String earlier : row[2].split(" \\|\\| ")) {
                    context.add(utterance(earlier));
                }
            }
            return features.features(utterance(row[1]), context);
        });
        assertThat(rows).isGreaterThan(9_000);
    }

    @Test
    void the_intent_model_gives_the_categorizers_probabilities_on_every_intent_sentence() throws IOException {
        FeatureSpec features = ModelCard.read(MODELS.resolve("intent.card.json")).parameters().featureSpec();
        int rows = compareOnEveryRow("intent.bin", "intents.tsv",
                row -> features.features(parts.normaliser().normalise(row[1])));
        assertThat(rows).isGreaterThan(8_000);
    }

    /** Reads every row of the corpus file with the model both ways, asserts the same doubles; returns the rows. */
    private static int compareOnEveryRow(String modelFile, String corpusFile, Function<String[], String[]> features)
            throws IOException {
        DoccatModel model = model(modelFile);
        MaxentScorer scorer = MaxentScorer.of(model);
        List<String[]> rows = rows(corpusFile);
        for (String[] row : rows) {
            assertSame(model, scorer, features.apply(row), row[1]);
        }
        return rows.size();
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
    void a_message_with_no_known_feature_gets_every_outcome_alike_as_the_categorizer_gives_it() throws IOException {
        String[] unknown = {"zzzqqq-never-seen"};
        for (String file : List.of("risk.bin", "intent.bin")) {
            DoccatModel model = model(file);
            double[] probabilities = MaxentScorer.of(model).probabilities(unknown);
            assertThat(probabilities).as(file).containsExactly(new DocumentCategorizerME(model).categorize(unknown));
            for (double p : probabilities) {
                assertThat(p).as(file).isCloseTo(1.0 / probabilities.length, within(1e-12));
            }
        }
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
        DocumentSample a = new DocumentSample("a", new String[] {"x", "y"});
        DocumentSample b = new DocumentSample("b", new String[] {"z", "w"});
        return DocumentCategorizerME.train("und", ObjectStreamUtils.createObjectStream(a, b), parameters,
                new DoccatFactory(new FeatureGenerator[] {generator}));
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
