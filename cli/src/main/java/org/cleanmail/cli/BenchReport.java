package org.cleanmail.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The side-by-side table of {@code ./cleanmail bench}, in Markdown: engine, rules loaded,
 * messages, median and p99 per message, messages per second, and the ratio of each
 * engine's throughput to SpamAssassin's (the first row marked as the baseline).
 */
final class BenchReport {
    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    /**
     * Of the rows of one engine measured in several rounds, the round of median throughput
     * (the lower of the two middle ones for an even count): each engine's figure comes from
     * one whole measurement, and neither its fastest nor its slowest round decides.
     */
    static Row medianRound(List<Row> rounds) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("no rounds");
        }
        List<Row> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(Row::perSecond));
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** Throughput of a row divided by the baseline's, if there is a baseline. */
    Optional<Double> ratio(Row row) {
        return rows.stream().filter(Row::baseline).findFirst()
            .filter(base -> base.perSecond() > 0)
            .map(base -> row.perSecond() / base.perSecond());
    }

    void print(PrintStream out) {
        out.println("| engine | rules loaded | messages | median ms | p99 ms | messages/s | ratio to SpamAssassin |");
        out.println("|---|---|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            out.printf(Locale.ROOT, "| %s | %s | %,d | %s | %s | %,.1f | %s |%n", row.engine(), row.rules(), row.messages(),
                millis(row.timings().medianMillis()), millis(row.timings().p99Millis()), row.perSecond(),
                ratio(row).map(r -> String.format(Locale.ROOT, "%.1fx", r)).orElse("-"));
        }
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.0f", value);
    }

    /** One engine measured one way. */
    static final class Row {
        private final String engine;
        private final String rules;
        private final int messages;
        private final Timings timings;
        private final double perSecond;
        private final boolean baseline;

        Row(String engine, String rules, int messages, Timings timings, double perSecond, boolean baseline) {
            this.engine = engine;
            this.rules = rules;
            this.messages = messages;
            this.timings = timings;
            this.perSecond = perSecond;
            this.baseline = baseline;
        }

        String engine() {
            return engine;
        }

        String rules() {
            return rules;
        }

        int messages() {
            return messages;
        }

        Timings timings() {
            return timings;
        }

        double perSecond() {
            return perSecond;
        }

        boolean baseline() {
            return baseline;
        }
    }
}
