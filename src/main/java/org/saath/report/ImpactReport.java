package org.saath.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.saath.store.ImpactStore;

/**
 * The anonymous impact counts of a period, summed into views (totals; by day; by UTC hour; by channel; by country
 * and language; by topic and risk; the full country × language × topic × risk × hour table; escalations by state
 * and who moved them; time from offer to claim). Every count from 1 to {@code minCount - 1} is shown as
 * {@code "<minCount"}, never as itself, and every larger one rounded to the nearest multiple of {@code minCount};
 * zero is shown as 0. A report covers whole past UTC days only ({@link #lastDays}): asking again a minute later, or
 * comparing two overlapping periods, gives no single message and no exact difference. A report for one partner shows
 * everyone's message counts but only that partner's escalations and waits.
 *
 * <p>Each cell is suppressed and rounded on its own: a reader who subtracts the shown cells of a row from its shown
 * total, or compares overlapping periods, can still bound what the hidden cells add up to, though not exactly.
 * Share these figures with partners, not with the public, unless every view you publish is checked for that.
 */
public record ImpactReport(LocalDate from, LocalDate to, int minCount, Optional<String> partner,
                           Map<String, View> views) {

    /** Every dimension a view may have, in the order CSV columns are written. */
    public static final List<String> DIMENSIONS = List.of("day", "hour", "channel", "country", "language", "topic",
            "risk", "partner", "state", "actor", "bucket");

    private static final Pattern DAYS = Pattern.compile("([1-9]\\d{0,3})d");

    /** One view: its rows, each dimension values then measures (a count, or "&lt;k" when suppressed). */
    public record View(List<String> dimensions, List<String> measures, List<Map<String, Object>> rows) {
    }

    /**
     * How many whole days back a period such as {@code 30d} reaches, before today (UTC): 1 to 9999; empty when the
     * text is not such a number of days. The API's {@code since} and the CLI's {@code --since} both read it so.
     */
    public static OptionalInt days(String since) {
        Matcher days = DAYS.matcher(since);
        return days.matches() ? OptionalInt.of(Integer.parseInt(days.group(1))) : OptionalInt.empty();
    }

    /**
     * The counts of the {@code days} whole UTC days before {@code today} (see {@link #days}). Today is never in a
     * report: its counts grow message by message, and two reports a minute apart would show one message's cells.
     */
    public static ImpactReport lastDays(ImpactStore store, int days, LocalDate today, int minCount,
                                        Optional<String> partner) {
        return build(store, today.minusDays(days), today.minusDays(1), minCount, partner);
    }

    /** Reads the counts from {@code from} to {@code to} (UTC days, inclusive) and builds every view. */
    public static ImpactReport build(ImpactStore store, LocalDate from, LocalDate to, int minCount,
                                     Optional<String> partner) {
        Predicate<String> inPeriod = day -> day.compareTo(to.toString()) <= 0;
        List<ImpactStore.TurnCount> turns = store.turns(from).stream().filter(t -> inPeriod.test(t.cell().day()))
                .toList();
        List<ImpactStore.EscalationCount> escalations = store.escalations(from).stream()
                .filter(e -> inPeriod.test(e.cell().day()))
                .filter(e -> partner.isEmpty() || partner.get().equals(e.cell().partner())).toList();
        List<ImpactStore.WaitCount> waits = store.waits(from).stream().filter(w -> inPeriod.test(w.cell().day()))
                .filter(w -> partner.isEmpty() || partner.get().equals(w.cell().partner())).toList();
        Suppressor k = new Suppressor(minCount);
        Map<String, View> views = new LinkedHashMap<>();
        // escalations: opened (requested) for the deployment, offered to it for a partner
        String opened = partner.isEmpty() ? "requested" : "offered";
        views.put("totals", k.view(List.of(), List.of("turns", "conversations", "escalations", "claims"),
                List.of(List.of(sum(turns, ImpactStore.TurnCount::turns),
                        sum(turns, ImpactStore.TurnCount::conversations),
                        sum(escalations.stream().filter(e -> e.cell().state().equals(opened)).toList(),
                                ImpactStore.EscalationCount::transitions),
                        sum(waits, ImpactStore.WaitCount::claims))), List.of(List.of())));
        views.put("by_day", turnView(k, turns, List.of("day"), t -> List.of(t.day()),
                from.datesUntil(to.plusDays(1)).map(d -> List.<Object>of(d.toString())).toList()));
        views.put("by_hour", turnView(k, turns, List.of("hour"), t -> List.of(t.hour()),
                java.util.stream.IntStream.range(0, 24).mapToObj(h -> List.<Object>of(h)).toList()));
        views.put("by_channel", turnView(k, turns, List.of("channel"), t -> List.of(t.channel()), List.of()));
        views.put("by_country_language", turnView(k, turns, List.of("country", "language"),
                t -> List.of(t.country(), t.language()), List.of()));
        views.put("by_topic_risk", turnView(k, turns, List.of("topic", "risk"), t -> List.of(t.topic(), t.risk()),
                List.of()));
        views.put("cells", turnView(k, turns, List.of("country", "language", "topic", "risk", "hour"),
                t -> List.of(t.country(), t.language(), t.topic(), t.risk(), t.hour()), List.of()));
        List<String> escalationDims = partner.isEmpty() ? List.of("partner", "state", "actor")
                : List.of("state", "actor");
        views.put("escalations", k.grouped(escalations, escalationDims, e -> partner.isEmpty()
                ? List.of(e.cell().partner(), e.cell().state(), e.cell().actor())
                : List.of(e.cell().state(), e.cell().actor()), List.of("transitions"),
                List.of(ImpactStore.EscalationCount::transitions), List.of()));
        views.put("time_to_human", k.grouped(waits, List.of("bucket"), w -> List.of(w.cell().bucket()),
                List.of("claims"), List.of(ImpactStore.WaitCount::claims),
                WaitBucket.codes().stream().map(b -> List.<Object>of(b)).toList()));
        return new ImpactReport(from, to, minCount, partner, views);
    }

    private static View turnView(Suppressor k, List<ImpactStore.TurnCount> turns, List<String> dimensions,
                                 Function<ImpactStore.TurnCell, List<Object>> key, List<List<Object>> always) {
        return k.grouped(turns, dimensions, t -> key.apply(t.cell()), List.of("turns", "conversations"),
                List.of(ImpactStore.TurnCount::turns, ImpactStore.TurnCount::conversations), always);
    }

    private static <T> long sum(List<T> rows, ToLongFunction<T> value) {
        return rows.stream().mapToLong(value).sum();
    }

    /** Sums rows into cells, shows each small count as "&lt;k" and rounds the rest to the nearest multiple of k. */
    private record Suppressor(int minCount) {

        Object shown(long count) {
            if (count == 0) {
                return 0L;
            }
            return count < minCount ? "<" + minCount : (Object) ((count + minCount / 2) / minCount * minCount);
        }

        /**
         * Sums {@code rows} by {@code key}; {@code always} are keys shown even when nothing was counted (every day
         * of the period, every hour), in that order, before any others in key order.
         */
        <T> View grouped(List<T> rows, List<String> dimensions, Function<T, List<Object>> key, List<String> measures,
                         List<ToLongFunction<T>> values, List<List<Object>> always) {
            Map<List<Object>, long[]> sums = new TreeMap<>(KEY_ORDER);
            for (T row : rows) {
                long[] cell = sums.computeIfAbsent(key.apply(row), x -> new long[values.size()]);
                for (int i = 0; i < values.size(); i++) {
                    cell[i] += values.get(i).applyAsLong(row);
                }
            }
            List<List<Object>> keys = new ArrayList<>(always);
            sums.keySet().stream().filter(x -> !always.contains(x)).forEach(keys::add);
            List<List<Long>> counts = keys.stream().map(x -> {
                long[] cell = sums.getOrDefault(x, new long[values.size()]);
                return java.util.Arrays.stream(cell).boxed().toList();
            }).toList();
            return view(dimensions, measures, counts, keys);
        }

        View view(List<String> dimensions, List<String> measures, List<List<Long>> counts, List<List<Object>> keys) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int r = 0; r < keys.size(); r++) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int d = 0; d < dimensions.size(); d++) {
                    row.put(dimensions.get(d), keys.get(r).get(d));
                }
                for (int m = 0; m < measures.size(); m++) {
                    row.put(measures.get(m), shown(counts.get(r).get(m)));
                }
                rows.add(row);
            }
            return new View(dimensions, measures, rows);
        }
    }

    /** Orders keys value by value: numbers as numbers, the rest as text. */
    private static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c = x instanceof Integer xi && y instanceof Integer yi ? Integer.compare(xi, yi)
                    : String.valueOf(x).compareTo(String.valueOf(y));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /** The report as plain values for JSON: period, min_count, partner (or null) and the views' rows by name. */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("time_zone", "UTC");
        out.put("min_count", minCount);
        out.put("partner", partner.orElse(null));
        Map<String, Object> rows = new LinkedHashMap<>();
        views.forEach((name, view) -> rows.put(name, view.rows()));
        out.put("views", rows);
        return out;
    }

    /**
     * The report as CSV, one line per shown figure: {@code view}, every dimension (empty where the view has none),
     * {@code measure}, {@code value}.
     */
    public String csv() {
        StringBuilder out = new StringBuilder("view,").append(String.join(",", DIMENSIONS)).append(",measure,value\n");
        views.forEach((name, view) -> {
            for (Map<String, Object> row : view.rows()) {
                for (String measure : view.measures()) {
                    out.append(name);
                    for (String d : DIMENSIONS) {
                        out.append(',').append(row.containsKey(d) ? csvField(String.valueOf(row.get(d))) : "");
                    }
                    out.append(',').append(measure).append(',').append(row.get(measure)).append('\n');
                }
            }
        });
        return out.toString();
    }

    private static String csvField(String value) {
        return value.matches("[A-Za-z0-9_.:<-]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
