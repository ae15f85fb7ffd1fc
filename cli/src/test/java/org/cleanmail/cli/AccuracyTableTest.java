package org.cleanmail.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccuracyTableTest {
    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

    @TempDir
    Path corpus;
    @TempDir
    Path home;

    @AfterEach
    void tearDown() {
        System.clearProperty("cleanmail.home");
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    @Test
    void theTableShouldGiveCountsAndRates() {
        AccuracyTable table = new AccuracyTable();
        table.add("SpamAssassin + Bayes", 2183, 3, 949, 800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        table.print(stream(out));

        assertThat(out.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList())).containsExactly(
            "| engine | ham | false positives | spam | caught | recall |",
            "|---|---:|---:|---:|---:|---:|",
            "| SpamAssassin + Bayes | 2,183 | 3 (0.14%) | 949 | 800 | 84.3% |");
    }

    private void message(String label, String name, String body) throws IOException {
        Files.createDirectories(corpus.resolve(label));
        Files.writeString(corpus.resolve(label).resolve(name), "From: a@example.com\nTo: b@example.com\nSubject: hello\n\n"
            + body + "\n");
    }

    @Test
    void evalsOwnReportShouldBeReadBackForCleanMailsRow() throws IOException {
        message("ham", "00001.eml", "Shall we meet at noon?");
        message("ham", "00003.eml", "The minutes of the meeting are attached.");
        message("spam", "00001.eml", GTUBE);
        message("spam", "00003.eml", "Nothing special here, just words.");
        System.setProperty("cleanmail.home", home.toString());
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        new EvalCommand(stream(report), stream(new ByteArrayOutputStream())).run(List.of("--train", corpus.toString(),
            "--test", corpus.toString(), "--train-files", "even", "--test-files", "odd"));
        String text = report.toString(StandardCharsets.UTF_8);

        assertThat(EvalPeersCommand.number(EvalPeersCommand.HAM, text)).isEqualTo(2);
        assertThat(EvalPeersCommand.number(EvalPeersCommand.FALSE_POSITIVES, text)).isZero();
        assertThat(EvalPeersCommand.number(EvalPeersCommand.SPAM, text)).isEqualTo(2);
        assertThat(EvalPeersCommand.number(EvalPeersCommand.CAUGHT, text)).isEqualTo(1);
    }

    @Test
    void aReportWithoutTheLineShouldBeAnError() {
        assertThatThrownBy(() -> EvalPeersCommand.number(Pattern.compile("(?m)^recall (\\d+)"), "ham 3\n"))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("no line matching");
    }
}
