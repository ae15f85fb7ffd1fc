package org.cleanmail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.cleanmail.core.corpus.MessageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {
    @TempDir
    Path folder;

    private static Timings millis(long... values) {
        long[] nanos = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            nanos[i] = values[i] * 1_000_000;
        }
        return new Timings(nanos);
    }

    @Test
    void ratiosShouldBeToTheSpamAssassinRow() {
        BenchReport report = new BenchReport();
        BenchReport.Row cleanMail = new BenchReport.Row("CleanMail", "22,000", 10, millis(1, 2, 3), 300, false);
        BenchReport.Row spamAssassin = new BenchReport.Row("spamd", "stock", 10, millis(50, 60, 70), 10, true);
        report.add(cleanMail);
        report.add(spamAssassin);

        assertThat(report.ratio(cleanMail)).contains(30.0);
        assertThat(report.ratio(spamAssassin)).contains(1.0);
    }

    @Test
    void anEnginesRowShouldBeItsRoundOfMedianThroughput() {
        BenchReport.Row slow = new BenchReport.Row("CleanMail", "22,000", 10, millis(4), 250, false);
        BenchReport.Row middle = new BenchReport.Row("CleanMail", "22,000", 10, millis(3), 300, false);
        BenchReport.Row fast = new BenchReport.Row("CleanMail", "22,000", 10, millis(2), 450, false);
        BenchReport.Row faster = new BenchReport.Row("CleanMail", "22,000", 10, millis(1), 500, false);

        assertThat(BenchReport.medianRound(List.of(fast, slow, middle))).isSameAs(middle);
        assertThat(BenchReport.medianRound(List.of(faster, fast, slow, middle))).as("the lower middle of four").isSameAs(middle);
        assertThat(BenchReport.medianRound(List.of(fast))).isSameAs(fast);
    }

    @Test
    void withoutSpamAssassinThereShouldBeNoRatio() {
        BenchReport report = new BenchReport();
        BenchReport.Row cleanMail = new BenchReport.Row("CleanMail", "22,000", 10, millis(1), 300, false);
        report.add(cleanMail);

        assertThat(report.ratio(cleanMail)).isEmpty();
    }

    @Test
    void theTableShouldHaveOneMarkdownRowPerMeasurement() {
        BenchReport report = new BenchReport();
        report.add(new BenchReport.Row("CleanMail", "22,332", 1000, millis(1, 2, 3, 4, 100), 250.5, false));
        report.add(new BenchReport.Row("spamd", "stock", 1000, millis(40, 50, 60, 70, 900), 12.5, true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList())).containsExactly(
            "| engine | rules loaded | messages | median ms | p99 ms | messages/s | ratio to SpamAssassin |",
            "|---|---|---:|---:|---:|---:|---:|",
            "| CleanMail | 22,332 | 1,000 | 3.00 | 100 | 250.5 | 20.0x |",
            "| spamd | stock | 1,000 | 60 | 900 | 12.5 | 1.0x |");
    }

    @Test
    void timingsShouldGiveTheMedianAndTheNinetyNinthPercentile() {
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (nanos.length - i) * 1_000_000L;
        }
        Timings timings = new Timings(nanos);

        assertThat(timings.medianMillis()).isEqualTo(100.0);
        assertThat(timings.p99Millis()).isEqualTo(198.0);
        assertThat(new Timings(new long[0]).medianMillis()).isNaN();
    }

    @Test
    void aSampleShouldBeSpreadEvenlyOverTheMessages() throws Exception {
        for (int i = 0; i < 10; i++) {
            Files.writeString(folder.resolve(String.format("%02d.eml", i)), "Subject: " + i + "\n\nbody\n");
        }
        List<Path> files = MessageFiles.files(List.of(folder));

        List<String> sample = BenchCommand.sample(files, 5).stream()
            .map(message -> Path.of(message.label()).getFileName().toString()).collect(Collectors.toList());

        assertThat(sample).containsExactly("00.eml", "02.eml", "04.eml", "06.eml", "08.eml");
        assertThat(BenchCommand.sample(files, 50)).hasSize(10);
    }
}
