package org.saath.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.saath.nlu.RiskEstimate;
import org.saath.nlu.RiskLevel;
import org.saath.nlu.RiskRules;
import org.saath.nlu.RiskThresholds;

class RiskThresholdChooserTest {

    private static final RiskThresholdChooser.Targets TARGETS =
            new RiskThresholdChooser.Targets(0.95, 0.90, 0.15, 0.15, 0.02, 0.02, 0.005);
    private static final RiskRules.SecondOpinion SECONDED = new RiskRules.SecondOpinion(true, 0, false);

    private static RiskCrossValidator.Scored row(RiskLevel gold, double atLeastHigh, String category) {
        return new RiskCrossValidator.Scored(new RiskText(gold, "a message", List.of(), "en", category, "test:1"),
                new RiskEstimate(Math.max(atLeastHigh, 0.5), atLeastHigh, atLeastHigh, 0), RiskLevel.NONE, SECONDED, 0);
    }

    private static List<RiskCrossValidator.Scored> rows(int count, RiskLevel gold, double atLeastHigh) {
        List<RiskCrossValidator.Scored> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(gold, atLeastHigh, ""));
        }
        return rows;
    }

    /**
     * The second-opinion bars are chosen with the thresholds: here only the intent classifier tells the danger rows
     * (crisis 0.12) from the others (0.01), and the model is never sure alone; the strictest bars that still second
     * every danger row are kept.
     */
    @Test
    void the_intent_bar_and_the_sure_alone_bar_are_chosen_with_the_thresholds() {
        List<RiskCrossValidator.Scored> validation = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            validation.add(unseconded(RiskLevel.HIGH, 0.12));
            validation.add(unseconded(RiskLevel.NONE, 0.01));
        }

        RiskThresholds t = new RiskThresholdChooser(TARGETS).choose(validation).thresholds();

        assertThat(t.intentSeconds()).isEqualTo(0.1);
        assertThat(t.sureAlone()).isEqualTo(0.9);
        RiskScores.Figures f = RiskCrossValidator.Folds.scores(validation, t).overall();
        assertThat(f.highRecall()).isEqualTo(1.0);
        assertThat(f.falseAlarmRate()).isZero();
    }

    private static RiskCrossValidator.Scored unseconded(RiskLevel gold, double crisis) {
        return new RiskCrossValidator.Scored(new RiskText(gold, "a message", List.of(), "en", "", "test:1"),
                new RiskEstimate(0.5, 0.45, 0.45, 0), RiskLevel.NONE, new RiskRules.SecondOpinion(false, crisis, false),
                0);
    }

    /** When the targets can be reached, the highest threshold that reaches them: the fewest alarms. */
    @Test
    void the_highest_high_threshold_that_reaches_the_recall_target_is_chosen() {
        List<RiskCrossValidator.Scored> validation = new ArrayList<>(rows(10, RiskLevel.HIGH, 0.6));
        validation.addAll(rows(10, RiskLevel.NONE, 0.2));

        RiskThresholds t = new RiskThresholdChooser(TARGETS).choose(validation).thresholds();

        assertThat(t.high()).isEqualTo(0.6);
        RiskScores.Figures f = RiskCrossValidator.Folds.scores(validation, t).overall();
        assertThat(f.highRecall()).isEqualTo(1.0);
        assertThat(f.falseAlarmRate()).isZero();
    }

    /** Recall is never bought with more false alarms than a ceiling allows: the target is missed and said so. */
    @Test
    void a_false_alarm_ceiling_holds_even_when_the_recall_target_is_missed() {
        List<RiskCrossValidator.Scored> validation = new ArrayList<>(rows(5, RiskLevel.HIGH, 0.6));
        validation.addAll(rows(5, RiskLevel.HIGH, 0.2));      // above the high floor: only the ceiling holds it back
        validation.addAll(rows(10, RiskLevel.NONE, 0.3));

        RiskThresholdChooser.Choice choice = new RiskThresholdChooser(TARGETS).choose(validation);

        RiskScores.Figures f = RiskCrossValidator.Folds.scores(validation, choice.thresholds()).overall();
        assertThat(f.highRecall()).isEqualTo(0.5);
        assertThat(f.falseAlarmRate()).isZero();
        assertThat(choice.reasons().get(0)).contains("high+ recall 0.500 (target 0.950)");
    }

    /**
     * The {@code high} threshold has a floor: even when only a very low threshold reaches every danger row, and
     * raises no alarm on these rows, a message the model holds 90% likely to be below {@code high} is not read as
     * {@code high} (a recovery story was, at 0.1).
     */
    @Test
    void the_high_threshold_is_never_chosen_below_its_floor() {
        List<RiskCrossValidator.Scored> validation = new ArrayList<>(rows(10, RiskLevel.HIGH, 0.05));
        validation.addAll(rows(10, RiskLevel.NONE, 0.0));

        RiskThresholds t = new RiskThresholdChooser(TARGETS).choose(validation).thresholds();

        assertThat(t.high()).isGreaterThanOrEqualTo(RiskThresholdChooser.MIN_HIGH);
        assertThat(RiskCrossValidator.Folds.scores(validation, t).overall().highRecall()).isZero();
    }

    /** Topic rows have their own ceiling: a model that reads every mention of suicide as danger is held back. */
    @Test
    void topic_rows_have_their_own_ceiling() {
        List<RiskCrossValidator.Scored> validation = new ArrayList<>(rows(10, RiskLevel.HIGH, 0.5));
        validation.addAll(rows(40, RiskLevel.NONE, 0.05));   // 5 of 45 safe rows would stay under 0.15
        for (int i = 0; i < 5; i++) {
            validation.add(row(RiskLevel.NONE, 0.4, "topic_mention"));
        }

        RiskThresholds t = new RiskThresholdChooser(TARGETS).choose(validation).thresholds();

        assertThat(t.high()).isGreaterThan(0.4);
        assertThat(RiskCrossValidator.Folds.scores(validation, t).overall().topicFalseAlarmRate()).isZero();
    }

    /** Each fold is measured with thresholds that never saw it; the kept thresholds see every fold. */
    @Test
    void cross_validation_reads_each_fold_with_thresholds_chosen_on_the_others() {
        List<RiskCrossValidator.Scored> scored = new ArrayList<>();
        for (int fold = 0; fold < 3; fold++) {
            for (int i = 0; i < 10; i++) {
                scored.add(new RiskCrossValidator.Scored(row(RiskLevel.HIGH, 0.6, "").row(),
                        new RiskEstimate(0.6, 0.6, 0.6, 0), RiskLevel.NONE, SECONDED, fold));
                scored.add(new RiskCrossValidator.Scored(row(RiskLevel.NONE, 0.2, "").row(),
                        new RiskEstimate(0.5, 0.2, 0.2, 0), RiskLevel.NONE, SECONDED, fold));
            }
        }

        RiskThresholdChooser.CrossValidated cv = new RiskThresholdChooser(TARGETS)
                .crossValidate(new RiskCrossValidator.Folds(scored, 3));

        assertThat(cv.perFold()).hasSize(3).allSatisfy(t -> assertThat(t.high()).isEqualTo(0.6));
        assertThat(cv.scores().overall().rows()).isEqualTo(60);
        assertThat(cv.scores().overall().highRecall()).isEqualTo(1.0);
        assertThat(cv.choice().thresholds().high()).isEqualTo(0.6);
    }

    /**
     * On mixed rows, with every level, topic and everyday rows and both kinds of second opinion, whatever the search
     * chooses keeps every ceiling as {@link RiskScores} counts it, and its reason reports the recall it reaches.
     */
    @Test
    void what_the_search_chooses_keeps_every_ceiling_as_the_scores_count_it() {
        String[] categories = {"", "topic_mention", "recovery", RiskCrossValidator.EVERYDAY};
        int searched = 0;
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            List<RiskCrossValidator.Scored> rows = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String category = categories[random.nextInt(categories.length)];
                RiskLevel gold = category.equals(RiskCrossValidator.EVERYDAY) ? RiskLevel.NONE
                        : RiskLevel.values()[random.nextInt(RiskLevel.values().length)];
                double danger = Math.min(1, gold.ordinal() / 4.0 * 0.7 + random.nextDouble() * 0.4);
                double high = danger * random.nextDouble();
                RiskEstimate estimate = new RiskEstimate(Math.max(danger, high), Math.max(high, danger * 0.8), high,
                        high * random.nextDouble());
                RiskLevel floor = random.nextInt(10) == 0 ? RiskLevel.MODERATE : RiskLevel.NONE;
                rows.add(new RiskCrossValidator.Scored(new RiskText(gold, "row " + i, List.of(), "en", category,
                        "test:" + i), estimate, floor, new RiskRules.SecondOpinion(random.nextInt(4) == 0,
                        random.nextDouble() * danger, false), 0));
            }

            RiskThresholdChooser.Choice choice = new RiskThresholdChooser(TARGETS).choose(rows);

            RiskScores scores = RiskCrossValidator.Folds.scores(rows, choice.thresholds());
            if (choice.reasons().get(0).contains("no thresholds keep")) {
                continue;
            }
            searched++;
            assertThat(scores.overall().falseAlarmRate()).isLessThanOrEqualTo(TARGETS.falseAlarmCeiling());
            assertThat(scores.overall().topicFalseAlarmRate()).isLessThanOrEqualTo(TARGETS.topicFalseAlarmCeiling());
            assertThat(scores.overall().falseImminentRate()).isLessThanOrEqualTo(TARGETS.falseImminentCeiling());
            assertThat(scores.everyday().falseAlarmRate()).isLessThanOrEqualTo(TARGETS.everydayFalseAlarmCeiling());
            assertThat(choice.reasons().get(0)).contains(String.format(java.util.Locale.ROOT, "high+ recall %.3f",
                    scores.overall().highRecall()));
        }
        assertThat(searched).as("seeds where the search found thresholds within the ceilings").isPositive();
    }
}
