package org.saath.training;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders a gold → predicted → count matrix as an aligned table. */
final class Confusion {

    private Confusion() {
    }

    static void render(Map<String, Map<String, Integer>> matrix, StringBuilder out) {
        Set<String> columns = new LinkedHashSet<>(matrix.keySet());
        matrix.values().forEach(row -> columns.addAll(row.keySet()));
        out.append(String.format(Locale.ROOT, "%-18s", ""));
        columns.forEach(c -> out.append(String.format(Locale.ROOT, " %6.6s", c)));
        out.append(System.lineSeparator());
        matrix.forEach((gold, row) -> {
            out.append(String.format(Locale.ROOT, "%-18s", gold));
            columns.forEach(c -> out.append(String.format(Locale.ROOT, " %6d", row.getOrDefault(c, 0))));
            out.append(System.lineSeparator());
        });
    }
}
