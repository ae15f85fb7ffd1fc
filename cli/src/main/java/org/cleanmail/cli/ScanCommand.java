package org.cleanmail.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.cleanmail.core.pipeline.CleanMailEngine;
import org.cleanmail.core.scan.ScanResult;
import org.cleanmail.core.scan.StatusLine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code scan [--rules PATH]... [--threshold N] [--format tsv|json] PATH...}: scores
 * messages with the server's engine (each {@code --rules} adds a folder of rule files) and prints one line each, {@code path<TAB>score<TAB>verdict<TAB>hit,hit}
 * or a JSON object; a summary goes to standard error.
 */
final class ScanCommand {
    static final String USAGE = "scan [--rules PATH]... [--threshold N] [--format tsv|json] PATH...";

    private final PrintStream out;
    private final PrintStream err;

    ScanCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws IOException {
        Arguments arguments = new Arguments(args, Set.of("threshold", "format", "rules"), Set.of());
        String format = arguments.value("format").orElse("tsv");
        if (!format.equals("tsv") && !format.equals("json")) {
            throw new UsageException("--format must be tsv or json; got '" + format + "'");
        }
        List<Path> files = MessagePaths.files(arguments.paths());
        if (files.isEmpty()) {
            throw new UsageException("name at least one message file, folder or mbox: " + USAGE);
        }
        CliEnvironment environment = CliEnvironment.load();
        double threshold = arguments.number("threshold").orElse(environment.configuration().threshold());
        ObjectMapper json = new ObjectMapper();
        AtomicLong messages = new AtomicLong();
        long started = System.nanoTime();
        int rules;
        int skipped;
        try (CleanMailEngine engine = environment.openEngine(environment.stateDirectory(), rules(arguments))) {
            rules = engine.scanner().ruleCount();
            skipped = engine.rules().unusedRules().size();
            new ParallelScanner(engine.scanner(), environment.configuration().maxMessageSize()).scan(files, scanned -> {
                messages.incrementAndGet();
                out.println(format.equals("json") ? json(json, scanned, threshold) : tsv(scanned, threshold));
            });
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf(Locale.ROOT, "scanned %d messages in %.2f s (%.0f messages/s), %d rules loaded, %d skipped%n",
            messages.get(), seconds, messages.get() / Math.max(seconds, 1e-9), rules, skipped);
        return 0;
    }

    private static List<Path> rules(Arguments arguments) {
        List<Path> folders = new ArrayList<>();
        for (String value : arguments.values("rules")) {
            Path folder = Path.of(value);
            if (!Files.isDirectory(folder)) {
                throw new UsageException("--rules names a folder of .cf rule files; " + value + " is not one");
            }
            folders.add(folder);
        }
        return folders;
    }

    static String tsv(Scanned scanned, double threshold) {
        ScanResult result = scanned.result();
        return scanned.label() + "\t" + StatusLine.formatScore(result.score()) + "\t" + verdict(result, threshold) + "\t"
            + String.join(",", result.hitNames());
    }

    private static String json(ObjectMapper json, Scanned scanned, double threshold) {
        ScanResult result = scanned.result();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("path", scanned.label());
        line.put("score", result.score());
        line.put("verdict", verdict(result, threshold));
        line.put("hits", result.hitNames());
        line.put("truncated", result.truncated());
        try {
            return json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String verdict(ScanResult result, double threshold) {
        return result.reaches(threshold) ? "spam" : "ham";
    }
}
