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
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
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
import org.saath.nlu.MaxentScorer.Repeats;
import org.saath.training.ModelCard;
import org.saath.training.RiskCard;

/**
 * The scorer reads the committed models exactly as OpenNLP's own categorizer does, bit for bit, on every sentence of
 * both corpora in every language (with each risk row's context, so the context features are read too), also when a
 * message's text features are hashed once for both models ({@link MessageFeatures}).
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
        FeatureSpec intentFeatures = intentFeatures();
        int rows = compareOnEveryRow("risk.bin", "risk.tsv", Repeats.ONCE, row -> {
            Utterance message = utterance(row[1]);
            List<Utterance> context = new ArrayList<>();
            if (row.length > 2 && !row[2].isBlank()) {
                for (String earlier : row[2].split(" \\|\\| ")) {
                    context.add(utterance(earlier));
                }
            }
            // as the analyser reads it: the text features hashed once, for the intent model first
            MessageFeatures shared = new MessageFeatures(message.text());
            shared.hashes(intentFeatures);
            return new Written(features.features(message, context),
                    sink -> features.write(message, context, sink),
                    scorer -> scorer.probabilities(shared.hashes(features.text()),
                            sink -> features.writeBeyondText(message, context, sink), Repeats.ONCE));
        });
        assertThat(rows).isGreaterThan(9_000);
    }

    @Test
    void the_intent_model_gives_the_categorizers_probabilities_on_every_intent_sentence() throws IOException {
        FeatureSpec features = intentFeatures();
        int rows = compareOnEveryRow("intent.bin", "intents.tsv", Repeats.EACH_TIME, row -> {
            NormalisedText text = parts.normaliser().normalise(row[1]);
            return new Written(features.features(text), sink -> features.write(text, sink),
                    scorer -> scorer.probabilities(new MessageFeatures(text).hashes(features), sink -> { },
                            Repeats.EACH_TIME));
        });
        assertThat(rows).isGreaterThan(8_000);
    }

    private static FeatureSpec intentFeatures() {
        return ModelCard.read(MODELS.resolve("intent.card.json")).parameters().featureSpec();
    }

    /**
     * A message's features as the trainer saw them (strings), as the scorer reads them (written in place), and as the
     * analyser has the scorer read them (the text features hashed once for both models, the rest written).
     */
    private record Written(String[] strings, Consumer<FeatureSink> writer,
                           Function<MaxentScorer, double[]> shared) {
    }

    /**
     * Reads every row of the corpus file with the model both ways (the categorizer given the strings, the scorer
     * the writer), asserts the same doubles; returns the rows.
     */
    private static int compareOnEveryRow(String modelFile, String corpusFile, Repeats repeats,
                                         Function<String[], Written> features) throws IOException {
        DoccatModel model = model(modelFile);
        MaxentScorer scorer = MaxentScorer.of(model);
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        List<String[]> rows = rows(corpusFile);
        for (String[] row : rows) {
            Written written = features.apply(row);
            double[] expected = categorizer.categorize(written.strings());
            assertThat(scorer.probabilities(written.writer(), repeats)).as(row[1]).containsExactly(expected);
            assertThat(written.shared().apply(scorer)).as(row[1]).containsExactly(expected);
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
        for (String file : List.of("risk.bin", "intent.bin")) {
            DoccatModel model = model(file);
            double[] probabilities = MaxentScorer.of(model)
                    .probabilities(sink -> sink.feature("zzzqqq-never-seen"), Repeats.EACH_TIME);
            assertThat(probabilities).as(file)
                    .containsExactly(new DocumentCategorizerME(model).categorize(new String[] {"zzzqqq-never-seen"}));
            for (double p : probabilities) {
                assertThat(p).as(file).isCloseTo(1.0 / probabilities.length, within(1e-12));
            }
        }
    }

    @Test
    void a_repeated_feature_counts_each_time_or_once_as_asked() throws IOException {
        DoccatModel model = model("risk.bin");
        MaxentScorer scorer = MaxentScorer.of(model);
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        Consumer<FeatureSink> twice = sink -> {
            sink.feature("die");
            sink.begin().append("di").append('e').end();
        };
        double[] once = scorer.probabilities(twice, Repeats.ONCE);
        double[] each = scorer.probabilities(twice, Repeats.EACH_TIME);
        assertThat(once).containsExactly(categorizer.categorize(new String[] {"die"}));
        assertThat(each).containsExactly(categorizer.categorize(new String[] {"die", "die"}));
        assertThat(each).isNotEqualTo(once);
    }

    @Test
    void many_distinct_features_are_each_counted_once_past_the_first_table_size() throws IOException {
        DoccatModel model = model("risk.bin");
        RiskFeatures features = RiskCard.read(MODELS.resolve("risk.card.json")).parameters().riskFeatures();
        Utterance longPost = utterance(String.join(" ", rows("risk.tsv").stream().limit(60).map(r -> r[1]).toList()));
        String[] strings = features.features(longPost, List.of());
        assertThat(strings.length).isGreaterThan(1_000);
        Consumer<FeatureSink> writtenTwice = sink -> {
            features.write(longPost, List.of(), sink);
            features.write(longPost, List.of(), sink);
        };
        assertThat(MaxentScorer.of(model).probabilities(writtenTwice, Repeats.ONCE))
                .containsExactly(new DocumentCategorizerME(model).categorize(strings));
    }

    @Test
    void a_model_with_other_feature_generators_is_refused() throws IOException {
        DoccatModel ngrams = trainedWith(new NGramFeatureGenerator());
        assertThatThrownBy(() -> MaxentScorer.of(ngrams)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bag-of-words");
    }

    /** The outcomes a feature weighs are kept as one bit each in 32 bits: a 33rd would be read as another's. */
    @Test
    void a_model_with_more_than_thirty_two_outcomes_is_refused_and_thirty_two_are_read() throws IOException {
        DoccatModel wide = trainedOn(33);
        assertThatThrownBy(() -> MaxentScorer.of(wide)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 32 outcomes: 33");
        DoccatModel widest = trainedOn(32);
        String[] words = {"w31", "x"};
        assertThat(MaxentScorer.of(widest).probabilities(sink -> {
            for (String w : words) {
                sink.feature(w);
            }
        }, Repeats.ONCE)).containsExactly(new DocumentCategorizerME(widest).categorize(words));
    }

    /** A model over {@code n} outcomes, each learnt from its own word ({@code w0} … ) and one word they share. */
    private static DoccatModel trainedOn(int n) throws IOException {
        TrainingParameters parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.CUTOFF_PARAM, 0);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, 20);
        List<DocumentSample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add(new DocumentSample("o" + i, new String[] {"w" + i, "x"}));
        }
        return DocumentCategorizerME.train("und", ObjectStreamUtils.createObjectStream(samples), parameters,
                new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()}));
    }

    private static DoccatModel trainedWith(FeatureGenerator generator) throws IOException {
        TrainingParameters parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.CUTOFF_PARAM, 0);
        DocumentSample a = new DocumentSample("a", new String[] {"x", "y"});
        DocumentSample b = new DocumentSample("b", new String[] {"z", "w"});
        return DocumentCategorizerME.train("und", ObjectStreamUtils.createObjectStream(a, b), parameters,
                new DoccatFactory(new FeatureGenerator[] {generator}));
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
