package org.saath.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.saath.nlu.RiskLevel;

/** The recall gate against the promoted model, on every row or on the rows both corpora hold. */
class RiskGatesTest {

    private final RiskCard current = RiskCard.read(Path.of("models/risk.card.json"));
    private final RiskGates gates = new RiskGates(0.0, 0.005, 0.15, 0.02);

    /** {@code found} of {@code rows} high rows read high, the rest read none; ten none rows read none. */
    private static RiskScores scores(int found, int rows) {
        List<RiskScores.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            outcomes.add(new RiskScores.Outcome(RiskLevel.HIGH, i < found ? RiskLevel.HIGH : RiskLevel.NONE, "en", ""));
        }
        for (int i = 0; i < 10; i++) {
            outcomes.add(new RiskScores.Outcome(RiskLevel.NONE, RiskLevel.NONE, "en", ""));
        }
        return RiskScores.of(outcomes);
    }

    private static Optional<Gates.Result> recallAgainstCurrent(List<Gates.Result> results) {
        return results.stream().filter(r -> r.line().startsWith("high+ recall (") && r.line().contains("current model"))
                .findFirst();
    }

    @Test
    void without_the_previous_rows_the_recall_of_every_row_is_compared() {
        double promoted = current.crossValidation().scores().overall().highRecall();
        int rows = 1000;
        int below = (int) Math.floor((promoted - 0.02) * rows);

        Gates.Result result = recallAgainstCurrent(gates.check(scores(below, rows), Optional.empty(),
                Optional.of(current))).orElseThrow();

        assertThat(result.passed()).isFalse();
        assertThat(result.line()).startsWith("high+ recall (all)").contains(current.version());
    }

    @Test
    void with_the_previous_rows_the_recall_on_them_is_compared_and_named() {
        double promoted = current.crossValidation().scores().overall().highRecall();
        int rows = 1000;
        RiskScores all = scores((int) Math.floor((promoted - 0.02) * rows), rows);      // harder rows added: lower
        RiskScores same = scores((int) Math.ceil((promoted + 0.01) * 800), 800);       // on the old rows: higher
        RiskScores worse = scores((int) Math.floor((promoted - 0.02) * 800), 800);

        Gates.Result passed = recallAgainstCurrent(gates.check(all, Optional.of(same), Optional.of(current)))
                .orElseThrow();
        Gates.Result failed = recallAgainstCurrent(gates.check(all, Optional.of(worse), Optional.of(current)))
                .orElseThrow();

        assertThat(passed.passed()).isTrue();
        assertThat(passed.line()).startsWith("high+ recall (on the 810 risk rows the current model had)");
        assertThat(failed.passed()).isFalse();
    }
}
