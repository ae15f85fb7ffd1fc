package org.cleanmail.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The accuracy of several filters on the same test messages, as a Markdown table: ham, false positives, spam, caught, recall. */
final class AccuracyTable {
    private final List<Row> rows = new ArrayList<>();

    void add(String engine, int ham, int falsePositives, int spam, int caught) {
        rows.add(new Row(engine, ham, falsePositives, spam, caught));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    void print(PrintStream out) {
        out.println("| engine | ham | false positives | spam | caught | recall |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            out.printf(Locale.ROOT, "| %s | %,d | %,d (%.2f%%) | %,d | %,d | %.1f%% |%n", row.engine, row.ham,
                row.falsePositives, percent(row.falsePositives, row.ham), row.spam, row.caught, percent(row.caught, row.spam));
        }
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    /** One filter's figures. */
    static final class Row {
        final String engine;
        final int ham;
        final int falsePositives;
        final int spam;
        final int caught;

        Row(String engine, int ham, int falsePositives, int spam, int caught) {
            this.engine = engine;
            this.ham = ham;
            this.falsePositives = falsePositives;
            this.spam = spam;
            this.caught = caught;
        }
    }
}
