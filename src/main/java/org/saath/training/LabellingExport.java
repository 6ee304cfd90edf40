package org.saath.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.saath.nlu.TextNormaliser;
import org.saath.store.ExportRow;

/**
 * Chooses stored turns for maintainers to label, most useful first: crisis near-misses (risk {@code moderate}),
 * turns of conversations a counsellor was asked to join, disagreements between the classifier and the lexicon
 * (a crisis intent with no distress phrase, or distress phrases under another intent), and low confidence.
 * Only redacted text leaves the store, never the same text twice, and no user reference at all.
 */
public final class LabellingExport {

    /** The export's header; labelled files add a {@code label} column. */
    public static final String HEADER = "suggested_label\tconfidence\trisk\tlanguage\ttext\tturn_ref";

    private final TextNormaliser normaliser;

    public LabellingExport(TextNormaliser normaliser) {
        this.normaliser = normaliser;
    }

    public List<String> lines(List<ExportRow> turns, int limit) {
        List<ExportRow> sorted = new ArrayList<>(turns);
        sorted.sort(Comparator.comparingDouble(LabellingExport::usefulness).reversed()
                .thenComparing(ExportRow::createdAt));
        Set<String> seen = new HashSet<>();
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (ExportRow row : sorted) {
            String text = row.textRedacted().replaceAll("[\\t\\r\\n]+", " ").trim();
            if (text.isEmpty() || !seen.add(normaliser.normalise(text).text())) {
                continue;
            }
            lines.add(String.join("\t", row.intent(), String.format(Locale.ROOT, "%.3f", row.confidence()),
                    row.risk(), row.language(), text, row.turnId()));
            if (lines.size() > limit) {
                break;
            }
        }
        return lines;
    }

    /** Higher is more worth a maintainer's time. */
    static double usefulness(ExportRow row) {
        boolean lexiconSawDistress = row.signals().matches(".*(^|;)(ideation|passive_ideation|self_harm|plan|goodbye|"
                + "coded|hopelessness|negated:[a-z_]+):.*");
        boolean disagreement = row.intent().equals("crisis") != lexiconSawDistress;
        return (row.risk().equals("moderate") ? 4 : 0)
                + (row.escalated() ? 3 : 0)
                + (disagreement ? 2 : 0)
                + (1 - row.confidence());
    }
}
