package org.cleanmail.core.scoring;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.cleanmail.core.fingerprint.MeasurementLog;
import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.prefilter.RegexAnchors;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.scan.RawMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The stock rules that cost the most matching time on a corpus sample: where to look when
 * scanning is slow. Run with
 * {@code mvn -B -o -q -pl core verify -Dcleanmail.measure=true -Dtest=RuleProfileMeasurement};
 * figures in {@code core/target/measurements/rule-profile.txt} ({@code -Dcleanmail.profile.per-kind=N}: the N
 * costliest rules of each kind, 3 unless told).
 */
@EnabledIfSystemProperty(named = "cleanmail.measure", matches = "true")
class RuleProfileMeasurement {
    @Test
    void profileStockRules() throws IOException {
        RuleSet ruleSet = StockRules.load(EvalFunctions.none());
        CompiledRuleSet compiled = CompiledRuleSet.compile(ruleSet, EvalFunctions.none(), ScoringOptions.defaults());
        CompiledRuleSet plain = CompiledRuleSet.compile(ruleSet, EvalFunctions.none(),
            ScoringOptions.builder().anchorSearch(false).build());
        RuleHealth health = new RuleHealth(compiled);
        List<Path> files = new ArrayList<>(StockRules.oddSample("ham", 20, 60));
        files.addAll(StockRules.oddSample("spam", 10, 60));
        MessageParser parser = MessageParser.defaultParser();
        List<MessageFeatures> messages = new ArrayList<>();
        for (Path file : files) {
            messages.add(parser.parse(RawMessage.of(Files.readAllBytes(file))));
        }
        MeasurementLog log = new MeasurementLog("rule-profile");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 2; round++) {
            for (CompiledRuleSet rules : List.of(plain, compiled)) {
                boolean fast = rules == compiled;
                RuleHealth roundHealth = new RuleHealth(rules);
                long start = threads.getCurrentThreadCpuTime();
                for (MessageFeatures features : messages) {
                    new MessageEvaluation(rules, roundHealth, features, null, fast).run();
                }
                log.line("round %d, %s: %d ms CPU for %d messages", round,
                    fast ? "anchors and cheap-first metas" : "start characters only (before anchors)",
                    (threads.getCurrentThreadCpuTime() - start) / 1_000_000, messages.size());
            }
        }
        profile(log, compiled, messages);
    }

    /**
     * The same profile with the stock rules plus {@link ScanSpeedMeasurement#SYNTHETIC_RULES} synthetic ones, or
     * plus the rule file {@code -Dcleanmail.profile.rules=FILE} names (e.g. the one {@code ./cleanmail bench
     * --keep-rules FILE} kept).
     */
    @Test
    void profileStockAndSyntheticRules() throws IOException {
        RuleSet ruleSet = stockAndExtraRules();
        CompiledRuleSet compiled = CompiledRuleSet.compile(ruleSet, EvalFunctions.none(), ScoringOptions.defaults());
        List<Path> files = new ArrayList<>(StockRules.oddSample("ham", 20, 60));
        files.addAll(StockRules.oddSample("spam", 10, 60));
        MessageParser parser = MessageParser.defaultParser();
        List<MessageFeatures> messages = new ArrayList<>();
        for (Path file : files) {
            messages.add(parser.parse(RawMessage.of(Files.readAllBytes(file))));
        }
        for (MessageFeatures features : messages) {
            new MessageEvaluation(compiled, new RuleHealth(compiled), features, null, true).run();
        }
        profile(new MeasurementLog("rule-profile-synthetic"), compiled, messages);
    }

    /**
     * Where the time of a typical message goes: the stock rules plus the rule file
     * {@code -Dcleanmail.profile.rules=FILE} names (or the synthetic ones), on 300 messages
     * spread evenly over ham and spam as {@code ./cleanmail bench} picks them, profiled on
     * those whose scan time lies between the 30th and 70th percentile (the median's
     * neighbourhood, which big messages do not weigh down).
     */
    @Test
    void profileTypicalMessages() throws IOException {
        RuleSet ruleSet = stockAndExtraRules();
        CompiledRuleSet compiled = CompiledRuleSet.compile(ruleSet, EvalFunctions.none(), ScoringOptions.defaults());
        List<MessageFeatures> messages = benchMessages();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        RuleHealth health = new RuleHealth(compiled);
        long[] cpu = new long[messages.size()];
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < messages.size(); i++) {
                long start = threads.getCurrentThreadCpuTime();
                new MessageEvaluation(compiled, health, messages.get(i), null, true).run();
                cpu[i] = threads.getCurrentThreadCpuTime() - start;
            }
        }
        long[] sorted = cpu.clone();
        java.util.Arrays.sort(sorted);
        long low = sorted[sorted.length * 3 / 10];
        long high = sorted[sorted.length * 7 / 10];
        List<MessageFeatures> typical = new ArrayList<>();
        long typicalCpu = 0;
        for (int i = 0; i < messages.size(); i++) {
            if (cpu[i] >= low && cpu[i] <= high) {
                typical.add(messages.get(i));
                typicalCpu += cpu[i];
            }
        }
        MeasurementLog log = new MeasurementLog("rule-profile-typical");
        log.line("median %d us CPU per message (rule evaluation only, no parsing); %d typical messages (%d..%d us), %d us on"
            + " average", sorted[sorted.length / 2] / 1000, typical.size(), low / 1000, high / 1000,
            typicalCpu / typical.size() / 1000);
        profile(log, compiled, typical);
    }

    /** 300 messages spread evenly over the odd-numbered ham and spam, parsed, as {@code ./cleanmail bench} picks them. */
    static List<MessageFeatures> benchMessages() throws IOException {
        List<Path> all = new ArrayList<>(StockRules.oddSample("ham", 1, Integer.MAX_VALUE));
        all.addAll(StockRules.oddSample("spam", 1, Integer.MAX_VALUE));
        MessageParser parser = MessageParser.defaultParser();
        List<MessageFeatures> messages = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Path file = all.get((int) ((long) i * all.size() / 300));
            messages.add(parser.parse(RawMessage.of(Files.readAllBytes(file))));
        }
        return messages;
    }

    /** The stock rules plus the file {@code -Dcleanmail.profile.rules=FILE} names, or the synthetic rules. */
    static RuleSet stockAndExtraRules() throws IOException {
        Path synthetic = Path.of("target", "synthetic-rules", "90_synthetic.cf");
        Files.createDirectories(synthetic.getParent());
        String kept = System.getProperty("cleanmail.profile.rules");
        if (kept == null) {
            Files.writeString(synthetic, SyntheticRules.generate(ScanSpeedMeasurement.SYNTHETIC_RULES, 20_000));
        } else {
            Files.copy(Path.of(kept), synthetic, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return StockRules.loadWith(synthetic, EvalFunctions.none());
    }

    private static void profile(MeasurementLog log, CompiledRuleSet compiled, List<MessageFeatures> messages) {
        RuleHealth health = new RuleHealth(compiled);
        long[] nanos = new long[compiled.size()];
        for (MessageFeatures features : messages) {
            new MessageEvaluation(compiled, health, features, nanos, true).run();
        }
        long total = IntStream.range(0, nanos.length).mapToLong(i -> nanos[i]).sum();
        log.line("%d messages, %d ms matching in all (%d us per message)", messages.size(), total / 1_000_000,
            total / 1000 / messages.size());
        Map<String, Long> byKind = new TreeMap<>();
        for (int i = 0; i < nanos.length; i++) {
            if (compiled.rule(i) != null) {
                byKind.merge(kind(compiled.rule(i)), nanos[i], Long::sum);
            }
        }
        byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .forEach(entry -> log.line("%8d us  %s", entry.getValue() / 1000, entry.getKey()));
        IntStream.range(0, nanos.length).boxed()
            .sorted(Comparator.comparingLong((Integer i) -> nanos[i]).reversed())
            .limit(25)
            .forEach(i -> log.line("%8d us  %s %s%n          %s", nanos[i] / 1000, compiled.rule(i),
                compiled.ruleSet().rule(compiled.rule(i).name).orElseThrow().definition(), anchorOf(compiled.rule(i))));
        for (String kind : byKind.keySet()) {
            log.line("costliest of %s:", kind);
            IntStream.range(0, nanos.length).boxed()
                .filter(i -> compiled.rule(i) != null && kind(compiled.rule(i)).equals(kind))
                .sorted(Comparator.comparingLong((Integer i) -> nanos[i]).reversed())
                .limit(Integer.getInteger("cleanmail.profile.per-kind", 3))
                .forEach(i -> log.line("%8d us  %s %s", nanos[i] / 1000, compiled.rule(i).name,
                    compiled.ruleSet().rule(compiled.rule(i).name).orElseThrow().definition()));
        }
        log.line("failures: %s", health.failures());
    }

    /** A rule's type, and for synthetic rules their kind ({@code CMB_BODY}, {@code CMB_HDR}...) or generator. */
    private static String kind(CompiledRule rule) {
        String name = rule.name.replaceFirst("^__", "");
        String kind = name.startsWith("CMB_") ? name.replaceFirst("_\\d+$", "")
            : name.startsWith("SYN_") ? "SYN" : "stock";
        return rule.type.directive() + " " + kind;
    }

    private static String anchorOf(CompiledRule rule) {
        if (rule.pattern == null) {
            return "no pattern";
        }
        return RegexAnchors.of(rule.pattern.pattern(), (rule.pattern.flags() & Pattern.COMMENTS) != 0)
            .map(anchor -> String.format("anchor: %d literals (%s), offsets %d..%d, %.3f tries per character",
                anchor.literals().size(), anchor.literals().stream().sorted().limit(12).collect(Collectors.joining("|")),
                anchor.minOffset(), anchor.maxOffset(), anchor.expectedTries()))
            .orElse("no anchor");
    }
}
