package org.saath.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.nlu.RiskLevel;
import org.saath.nlu.TextNormaliser;

class RiskCorpusTest {

    @TempDir
    Path dir;

    /** The writers' section notes single out hard negatives and recovery, so CV can count false alarms on them. */
    @Test
    void rows_take_their_kind_from_the_section_note_above_them() throws IOException {
        Path en = Files.createDirectories(dir.resolve("en"));
        Files.writeString(en.resolve("risk.tsv"), String.join("\n", "risk\ttext\tcontext",
                "# none: hard negatives - idioms, hyperbole, game talk", "none\tthis exam is killing me\t",
                "# none: hard negatives - topic, news, film, school", "none\ta documentary about suicide\t",
                "# low: recovery, past thoughts, now doing better", "low\ti'm in a better place now\t",
                "# high: preparation without the word", "high\ti gave my things away\t", ""));

        RiskCorpus corpus = RiskCorpus.load(dir, new TextNormaliser(), Map.of());

        assertThat(corpus.rows()).extracting(RiskText::category)
                .containsExactly("idiom", "topic_mention", "recovery", "");
        assertThat(corpus.rows()).extracting(RiskText::risk)
                .containsExactly(RiskLevel.NONE, RiskLevel.NONE, RiskLevel.LOW, RiskLevel.HIGH);
    }

    /** A context written with the wrong separator stops the training at its line, before anything is trained. */
    @Test
    void a_context_with_a_wrong_separator_is_refused_naming_its_line() throws IOException {
        Path en = Files.createDirectories(dir.resolve("en"));
        Files.writeString(en.resolve("risk.tsv"), String.join("\n", "risk\ttext\tcontext",
                "low\tso tired\ti worked all night || and the night before",
                "imminent\tdone.\ti have the pills ||| nobody is home", ""));

        assertThatThrownBy(() -> RiskCorpus.load(dir, new TextNormaliser(), Map.of()))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("risk.tsv:3")
                .hasMessageContaining("\"||\"");
    }

    /** The training's recall gate compares with the promoted model on the rows both corpora hold: same words, level. */
    @Test
    void the_same_rows_are_the_same_text_and_context_at_the_same_level() throws IOException {
        Path before = Files.createDirectories(dir.resolve("before/en"));
        Files.writeString(before.resolve("risk.tsv"), String.join("\n", "risk\ttext\tcontext",
                "high\tI gave my things away\t", "moderate\tdon't want to wake up\t",
                "low\tso tired\ti worked all night", ""));
        Path after = Files.createDirectories(dir.resolve("after/en"));
        Files.writeString(after.resolve("risk.tsv"), String.join("\n", "risk\ttext\tcontext",
                "high\ti gave my things  away!\t", "high\tdon't want to wake up\t", "low\tso tired\t",
                "low\tso tired\ti worked all night", "imminent\ta new row\t", ""));
        TextNormaliser normaliser = new TextNormaliser();

        var same = RiskCorpus.load(dir.resolve("before"), normaliser, Map.of()).sameRows(normaliser);
        var rows = RiskCorpus.load(dir.resolve("after"), normaliser, Map.of()).rows();

        assertThat(rows).filteredOn(same).extracting(RiskText::text)
                .containsExactly("i gave my things  away!", "so tired");
        assertThat(rows).filteredOn(same).extracting(RiskText::context)
                .containsExactly(List.of(), List.of("i worked all night"));
    }

    /**
     * The card's data hash covers what the risk model reads: an intent sentence it does not learn from (depression)
     * leaves it as it was, an everyday one (out of scope, read as {@code none}) or a risk row changes it.
     */
    @Test
    void the_data_hash_changes_with_the_rows_the_model_reads_and_only_with_them() throws IOException {
        Path en = Files.createDirectories(dir.resolve("en"));
        Files.writeString(en.resolve("risk.tsv"), "risk\ttext\tcontext\nhigh\ti gave my things away\t\n");
        Path intents = en.resolve("intents.tsv");
        Files.writeString(intents, "label\ttext\ngreeting\thello\ndepression\teverything feels grey\n");
        TextNormaliser normaliser = new TextNormaliser();
        String before = RiskCorpus.load(dir, normaliser, Map.of()).sha256();

        Files.writeString(intents, "depression\tmy nani passed away last night\n", StandardOpenOption.APPEND);
        String unreadAdded = RiskCorpus.load(dir, normaliser, Map.of()).sha256();
        Files.writeString(intents, "out_of_scope\tmy phone died again\n", StandardOpenOption.APPEND);
        String everydayAdded = RiskCorpus.load(dir, normaliser, Map.of()).sha256();
        Files.writeString(en.resolve("risk.tsv"), "none\tthis exam is killing me\t\n", StandardOpenOption.APPEND);
        String riskAdded = RiskCorpus.load(dir, normaliser, Map.of()).sha256();

        assertThat(unreadAdded).isEqualTo(before);
        assertThat(everydayAdded).isNotEqualTo(before);
        assertThat(riskAdded).isNotEqualTo(everydayAdded);
    }
}
