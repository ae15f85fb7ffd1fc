package org.cleanmail.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cleanmail.core.corpus.MessageFile;
import org.cleanmail.core.corpus.MessageFiles;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.pipeline.CleanMailEngine;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;

/**
 * {@code eval --train DIR --test DIR [--train-files even|odd|all] [--test-files even|odd|all] [--threshold N]}:
 * measures accuracy. Each DIR holds {@code ham/} and {@code spam/}. The training messages
 * teach a fresh fingerprint database and Bayes filter (spam learnt; ham learnt by the
 * Bayes filter and vetoed in the fingerprints; {@code $CLEANMAIL_HOME} is not touched);
 * the test messages are then scanned and the command prints ham, false positives (by
 * name), spam, caught, recall, false-positive rate, and which component caught what
 * (rules, fingerprints, Bayes).
 */
final class EvalCommand {
    static final String USAGE = "eval --train DIR --test DIR [--train-files even|odd|all] [--test-files even|odd|all] [--threshold N]";
    private static final String FINGERPRINT_PREFIX = "FINGERPRINT_";
    private static final String BAYES_PREFIX = "BAYES_";

    private final PrintStream out;
    private final PrintStream err;

    EvalCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws IOException {
        Arguments arguments = new Arguments(args, Set.of("train", "test", "train-files", "test-files", "threshold", "rules"), Set.of());
        Path train = Path.of(arguments.value("train").orElseThrow(() -> new UsageException("--train is missing: " + USAGE)));
        Path test = Path.of(arguments.value("test").orElseThrow(() -> new UsageException("--test is missing: " + USAGE)));
        IntPredicate trainFiles = selection(arguments.value("train-files").orElse("all"));
        IntPredicate testFiles = selection(arguments.value("test-files").orElse("all"));
        CliEnvironment environment = CliEnvironment.load();
        double threshold = arguments.number("threshold").orElse(environment.configuration().threshold());

        Path state = Files.createTempDirectory("cleanmail-eval-");
        try (CleanMailEngine engine = environment.openEngine(state, arguments.values("rules").stream().map(Path::of).collect(Collectors.toList()))) {
            ParallelScanner scanner = new ParallelScanner(engine.scanner(), environment.configuration().maxMessageSize());
            long started = System.nanoTime();
            int learnt = train(engine, scanner, train, trainFiles);
            List<Scanned> ham = new ArrayList<>();
            List<Scanned> spam = new ArrayList<>();
            scanner.scan(MessageFiles.numbered(MessagePaths.files(List.of(test.resolve("ham"))), testFiles), ham::add);
            scanner.scan(MessageFiles.numbered(MessagePaths.files(List.of(test.resolve("spam"))), testFiles), spam::add);
            report(learnt, ham, spam, threshold);
            err.printf(Locale.ROOT, "evaluated in %.1f s%n", (System.nanoTime() - started) / 1e9);
        } finally {
            deleteRecursively(state);
        }
        return 0;
    }

    static IntPredicate selection(String name) {
        switch (name) {
            case "even":
                return n -> n % 2 == 0;
            case "odd":
                return n -> n % 2 == 1;
            case "all":
                return n -> true;
            default:
                throw new UsageException("file selection must be even, odd or all; got '" + name + "'");
        }
    }

    private int train(CleanMailEngine engine, ParallelScanner reader, Path train, IntPredicate files) {
        if (engine.fingerprints().isEmpty() && engine.bayes().isEmpty()) {
            return 0;
        }
        int learnt = 0;
        for (Path file : MessageFiles.numbered(MessagePaths.files(List.of(train.resolve("spam"))), files)) {
            for (MessageFile message : MessageFiles.read(file)) {
                engine.learnSpam(engine.parse(reader.raw(message.bytes())), FingerprintSource.ADMIN);
                learnt++;
            }
        }
        for (Path file : MessageFiles.numbered(MessagePaths.files(List.of(train.resolve("ham"))), files)) {
            for (MessageFile message : MessageFiles.read(file)) {
                engine.learnHam(engine.parse(reader.raw(message.bytes())), FingerprintSource.ADMIN);
                learnt++;
            }
        }
        return learnt;
    }

    private void report(int learnt, List<Scanned> ham, List<Scanned> spam, double threshold) {
        List<Scanned> falsePositives = new ArrayList<>();
        long fingerprintHitsOnHam = 0;
        for (Scanned scanned : ham) {
            if (scanned.result().reaches(threshold)) {
                falsePositives.add(scanned);
            }
            if (score(scanned.result(), FINGERPRINT_PREFIX) != 0) {
                fingerprintHitsOnHam++;
            }
        }
        long caught = 0;
        long byRules = 0;
        long byFingerprints = 0;
        long byBayes = 0;
        long together = 0;
        for (Scanned scanned : spam) {
            ScanResult result = scanned.result();
            if (!result.reaches(threshold)) {
                continue;
            }
            caught++;
            double fingerprints = score(result, FINGERPRINT_PREFIX);
            double bayes = score(result, BAYES_PREFIX);
            double rules = result.score() - fingerprints - bayes;
            if (rules >= threshold) {
                byRules++;
            } else if (fingerprints >= threshold) {
                byFingerprints++;
            } else if (bayes >= threshold) {
                byBayes++;
            } else {
                together++;
            }
        }
        out.printf(Locale.ROOT, "trained on      %d messages%n", learnt);
        out.printf(Locale.ROOT, "threshold       %.1f%n", threshold);
        out.printf(Locale.ROOT, "ham             %d%n", ham.size());
        out.printf(Locale.ROOT, "false positives %d (%.2f%%)%n", falsePositives.size(), percent(falsePositives.size(), ham.size()));
        out.printf(Locale.ROOT, "spam            %d%n", spam.size());
        out.printf(Locale.ROOT, "caught          %d (recall %.2f%%)%n", caught, percent(caught, spam.size()));
        out.printf(Locale.ROOT, "caught by rules alone %d, by fingerprints alone %d, by Bayes alone %d,"
            + " only by their points together %d%n", byRules, byFingerprints, byBayes, together);
        out.printf(Locale.ROOT, "ham with a fingerprint hit %d%n", fingerprintHitsOnHam);
        falsePositives.stream()
            .sorted(Comparator.comparing(Scanned::label))
            .forEach(scanned -> out.println("false positive: " + ScanCommand.tsv(scanned, threshold)));
    }

    private static double score(ScanResult result, String prefix) {
        return result.hits().stream()
            .filter(hit -> hit.name().startsWith(prefix))
            .mapToDouble(RuleHit::score)
            .sum();
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
