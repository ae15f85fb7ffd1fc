package org.cleanmail.core.scoring.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.rules.HeaderSpec;
import org.cleanmail.core.rules.RuleDefinition;
import org.cleanmail.core.rules.RuleType;
import org.cleanmail.core.scoring.EvalFunction;
import org.cleanmail.core.scoring.EvalFunctions;

/**
 * Counts on how many corpus messages each rule fires, split into ham and spam and into
 * even-numbered (tuning) and odd-numbered (checking) files. A plain evaluator for the rule
 * types CleanMail's own rules use, since the matching engine is written elsewhere: regex
 * rules per body paragraph, rawbody line, URI, header value or full text; eval rules
 * through the functions; metas over the rules evaluated before them.
 */
final class CorpusRates {
    /** Counts for one rule: ham even, ham odd, spam even, spam odd. */
    static final class Counts {
        final int[] hits = new int[4];
    }

    private final Path corpus;
    private final EvalFunctions functions;
    private final Map<String, Counts> counts = new LinkedHashMap<>();
    private final int[] messages = new int[4];
    private final List<Long> evalNanos = new ArrayList<>();
    private final Map<String, Long> nanosByFunction = new HashMap<>();
    private String slowestMessage = "";
    private long slowestNanos;

    CorpusRates(Path corpus, EvalFunctions functions) {
        this.corpus = corpus;
        this.functions = functions;
    }

    static Optional<Path> corpusFolder() {
        String property = System.getProperty("cleanmail.corpus");
        Path folder = Path.of(property == null ? "../../shared/corpus" : property).resolve("spamassassin-public");
        return Files.isDirectory(folder.resolve("ham")) ? Optional.of(folder) : Optional.empty();
    }

    /** Runs the rules, non-metas first then metas, over every message of the corpus. */
    CorpusRates run(Collection<RuleDefinition> rules) {
        List<RuleDefinition> ordered = rules.stream().filter(rule -> rule.type() != RuleType.META)
            .collect(Collectors.toCollection(ArrayList::new));
        ordered.addAll(rules.stream().filter(rule -> rule.type() == RuleType.META).collect(Collectors.toList()));
        ordered.forEach(rule -> counts.put(rule.name(), new Counts()));
        for (String label : List.of("ham", "spam")) {
            for (Path file : files(corpus.resolve(label))) {
                int bucket = (label.equals("spam") ? 2 : 0) + (number(file) % 2 == 0 ? 0 : 1);
                messages[bucket]++;
                MessageFeatures features = MessageParser.defaultParser().parse(read(file));
                Map<String, Boolean> hits = new HashMap<>();
                long evalTime = 0;
                for (RuleDefinition rule : ordered) {
                    long start = System.nanoTime();
                    boolean hit = fires(rule, features, hits);
                    if (rule.eval().isPresent()) {
                        long spent = System.nanoTime() - start;
                        evalTime += spent;
                        nanosByFunction.merge(rule.eval().get().function(), spent, Long::sum);
                    }
                    hits.put(rule.name(), hit);
                    if (hit) {
                        counts.get(rule.name()).hits[bucket]++;
                    }
                }
                evalNanos.add(evalTime);
                if (evalTime > slowestNanos) {
                    slowestNanos = evalTime;
                    slowestMessage = label + "/" + file.getFileName();
                }
            }
        }
        return this;
    }

    Map<String, Counts> counts() {
        return counts;
    }

    /** Fraction of ham (spam == false) or spam messages in the bucket (even, odd or both) the rule fired on. */
    double rate(String rule, boolean spam, Boolean even) {
        int base = spam ? 2 : 0;
        int[] hits = counts.get(rule).hits;
        if (even == null) {
            return (double) (hits[base] + hits[base + 1]) / (messages[base] + messages[base + 1]);
        }
        int index = base + (even ? 0 : 1);
        return (double) hits[index] / messages[index];
    }

    /** Time spent in eval rules per message (first call per message computes the shared facts). */
    String evalTimes() {
        List<Long> sorted = new ArrayList<>(evalNanos);
        sorted.sort(null);
        if (sorted.isEmpty()) {
            return "no messages";
        }
        double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0);
        String slowest = nanosByFunction.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
            .map(entry -> String.format("%s %.3f", entry.getKey(), entry.getValue() / 1e6 / sorted.size()))
            .collect(Collectors.joining(", "));
        return String.format("eval rules per message: median %.3f ms, p99 %.3f ms, mean %.3f ms, max %.1f ms (%s);"
            + " mean ms per message by function: %s", sorted.get(sorted.size() / 2) / 1e6,
            sorted.get(sorted.size() * 99 / 100) / 1e6, mean / 1e6, sorted.get(sorted.size() - 1) / 1e6,
            slowestMessage, slowest);
    }

    String table() {
        StringBuilder table = new StringBuilder(String.format("%-32s %8s %8s %8s %8s%n",
            "rule", "ham even", "ham odd", "spam evn", "spam odd"));
        table.append(String.format("%-32s %8d %8d %8d %8d%n", "(messages)", messages[0], messages[1], messages[2],
            messages[3]));
        counts.forEach((name, count) -> table.append(String.format("%-32s %7.2f%% %7.2f%% %7.2f%% %7.2f%%%n", name,
            percent(count.hits[0], messages[0]), percent(count.hits[1], messages[1]),
            percent(count.hits[2], messages[2]), percent(count.hits[3], messages[3]))));
        return table.toString();
    }

    private static double percent(int hits, int total) {
        return total == 0 ? 0 : 100.0 * hits / total;
    }

    private boolean fires(RuleDefinition rule, MessageFeatures features, Map<String, Boolean> hits) {
        if (rule.eval().isPresent()) {
            Optional<EvalFunction> function = functions.get(rule.eval().get().function());
            return function.isPresent() && function.get().test(features, rule.eval().get().arguments());
        }
        if (rule.type() == RuleType.META) {
            return rule.meta().map(meta -> meta.matches(name -> hits.getOrDefault(name, false) ? 1 : 0))
                .orElse(false);
        }
        if (rule.pattern().isEmpty()) {
            return false;
        }
        Pattern pattern = rule.pattern().get().pattern();
        switch (rule.type()) {
            case BODY:
                return features.body().chunks().stream().anyMatch(chunk -> pattern.matcher(chunk).find());
            case RAWBODY:
                return features.rawBody().chunks().stream().anyMatch(chunk -> pattern.matcher(chunk).find());
            case URI:
                return features.uris().uris().stream().anyMatch(uri -> pattern.matcher(uri).find());
            case FULL:
                return pattern.matcher(features.full()).find();
            case HEADER:
                return header(rule.header().orElseThrow(), pattern, features);
            default:
                return false;
        }
    }

    private static boolean header(HeaderSpec spec, Pattern pattern, MessageFeatures features) {
        String selector = spec.header() + spec.modifiers().stream().map(m -> ":" + m).collect(Collectors.joining());
        boolean found = pattern.matcher(features.headers().select(selector)).find();
        return spec.negated() != found;
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".eml")).sorted()
                .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int number(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(0, name.indexOf('.')));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
