package org.cleanmail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end, with a CLEANMAIL_HOME of their own. */
class MainTest {
    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    private static final String CAMPAIGN = "Dear friend, we are pleased to announce that your mailbox has been selected for"
        + " our exclusive investment opportunity with returns of three hundred percent within ninety days and no risk at"
        + " all, reply today with your bank account number and your telephone number.";

    @TempDir
    Path home;
    @TempDir
    Path mail;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        System.setProperty("cleanmail.home", home.toString());
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("cleanmail.home");
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path message(String name, String subject, String body) throws IOException {
        Files.createDirectories(mail.resolve(name).getParent());
        return Files.writeString(mail.resolve(name), "From: a@example.com\nTo: b@example.com\nSubject: " + subject
            + "\n\n" + body + "\n", StandardCharsets.ISO_8859_1);
    }

    @Test
    void scanShouldPrintOneTsvLinePerMessage() throws IOException {
        Path spam = message("gtube.eml", "test", GTUBE);
        Path ham = message("ham.eml", "lunch", "Shall we meet at noon?");

        int code = run("scan", spam.toString(), ham.toString());

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
            spam + "\t1000.0\tspam\tGTUBE\n" + ham + "\t0.0\tham\t\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("scanned 2 messages");
    }

    @Test
    void scanShouldPrintJsonLines() throws IOException {
        Path spam = message("gtube.eml", "test", GTUBE);

        run("scan", "--format", "json", "--threshold", "2000", spam.toString());

        assertThat(out.toString(StandardCharsets.UTF_8))
            .isEqualTo("{\"path\":\"" + spam + "\",\"score\":1000.0,\"verdict\":\"ham\",\"hits\":[\"GTUBE\"],\"truncated\":false}\n");
    }

    @Test
    void learntSpamShouldBeCaughtWhenANearCopyIsScanned() throws IOException {
        Path original = message("campaign.eml", "offer", CAMPAIGN);
        Path copy = message("copy.eml", "another offer", CAMPAIGN.replace("Dear friend", "Hello Bob"));

        assertThat(run("learn", "--spam", original.toString())).isZero();
        run("scan", copy.toString());

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\tspam\tFINGERPRINT_FUZZY");
        assertThat(home.resolve("var/cleanmail/fingerprints")).isDirectory();
    }

    @Test
    void evalShouldReportRecallAndFalsePositives() throws IOException {
        message("corpus/spam/00002.eml", "offer", CAMPAIGN);
        message("corpus/spam/00003.eml", "offer again", CAMPAIGN.replace("Dear friend", "Hi Ann"));
        message("corpus/ham/00004.eml", "lunch", "Shall we meet at noon tomorrow to talk about the project plan?");
        message("corpus/ham/00005.eml", "minutes", "Here are the minutes of the meeting, with the decisions we took.");

        int code = run("eval", "--train", mail.resolve("corpus").toString(), "--test", mail.resolve("corpus").toString(),
            "--train-files", "even", "--test-files", "odd");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
            .contains("ham             1")
            .contains("false positives 0 (0.00%)")
            .contains("spam            1")
            .contains("caught          1 (recall 100.00%)")
            .contains("caught by rules alone 0, by fingerprints alone 1, by Bayes alone 0, only by their points together 0");
    }

    @Test
    void anUnknownCommandShouldPrintTheUsage() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command frobnicate").contains("usage: ./cleanmail scan");
    }

    @Test
    void learnShouldRequireSpamOrHam() {
        assertThat(run("learn", mail.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("say --spam or --ham");
    }
}
