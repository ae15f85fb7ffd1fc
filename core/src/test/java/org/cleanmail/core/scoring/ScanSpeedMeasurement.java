package org.cleanmail.core.scoring;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cleanmail.core.fingerprint.MeasurementLog;
import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.RuleType;
import org.cleanmail.core.scan.RawMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Scan speed with the stock SpamAssassin rules on every third odd-numbered corpus message, one
 * thread, warm: median and p99 per message (rules only, and parse + rules; wall clock and
 * thread CPU time, the latter steadier on a shared machine), messages per
 * second, and regular expressions run per message against rules loaded. Prints, asserts
 * nothing. Run with
 * {@code mvn -B -o -q -pl core verify -Dcleanmail.measure=true -Dtest=ScanSpeedMeasurement};
 * figures in {@code core/target/measurements/scan-speed.txt}.
 */
@EnabledIfSystemProperty(named = "cleanmail.measure", matches = "true")
class ScanSpeedMeasurement {
    private static final int ROUNDS = 2;
    /** Every third odd-numbered message: about a thousand. */
    private static final int STEP = 3;

    @Test
    void measureScanSpeedWithStockRules() throws IOException {
        MeasurementLog log = new MeasurementLog("scan-speed");
        long loadStart = System.nanoTime();
        RuleSet ruleSet = StockRules.load(EvalFunctions.none());
        long loaded = System.nanoTime();
        CompiledRuleSet compiled = CompiledRuleSet.compile(ruleSet, EvalFunctions.none(), ScoringOptions.defaults());
        long compiledAt = System.nanoTime();
        RuleEngine engine = new RuleEngine(compiled, MessageParser.defaultParser(), new RuleHitCounters());
        log.line("stock rules: loaded in %d ms, compiled in %d ms; %d defined, %d run",
            (loaded - loadStart) / 1_000_000, (compiledAt - loaded) / 1_000_000, ruleSet.rules().size(),
            engine.ruleCount());
        for (RuleType type : List.of(RuleType.HEADER, RuleType.BODY, RuleType.RAWBODY, RuleType.URI, RuleType.FULL)) {
            log.line("  %-8s prefiltered %5d, always run %4d", type.directive(), compiled.prefilteredRules(type),
                compiled.alwaysRunRules(type));
        }

        List<Path> files = new ArrayList<>(StockRules.oddSample("ham", STEP, Integer.MAX_VALUE));
        files.addAll(StockRules.oddSample("spam", STEP, Integer.MAX_VALUE));
        List<RawMessage> raws = new ArrayList<>();
        List<MessageFeatures> parsed = new ArrayList<>();
        MessageParser parser = MessageParser.defaultParser();
        for (Path file : files) {
            RawMessage raw = RawMessage.of(Files.readAllBytes(file));
            raws.add(raw);
            parsed.add(parser.parse(raw));
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] rulesOnly = new long[parsed.size()];
        long[] rulesOnlyCpu = new long[parsed.size()];
        long runsBefore = 0;
        for (int round = 0; round < ROUNDS; round++) {
            runsBefore = engine.regexRuns();
            for (int i = 0; i < parsed.size(); i++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                engine.scan(parsed.get(i));
                rulesOnly[i] = System.nanoTime() - start;
                rulesOnlyCpu[i] = threads.getCurrentThreadCpuTime() - cpu;
            }
        }
        double regexPerMessage = (double) (engine.regexRuns() - runsBefore) / parsed.size();
        long[] withParsing = new long[raws.size()];
        long[] withParsingCpu = new long[raws.size()];
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < raws.size(); i++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                engine.scan(raws.get(i));
                withParsing[i] = System.nanoTime() - start;
                withParsingCpu[i] = threads.getCurrentThreadCpuTime() - cpu;
            }
        }
        log.line("%d messages (every third odd-numbered ham and spam), one thread, warm (round %d of %d):", parsed.size(),
            ROUNDS, ROUNDS);
        report(log, "rules only, wall clock", rulesOnly);
        report(log, "rules only, thread CPU time", rulesOnlyCpu);
        report(log, "parse + rules, wall clock", withParsing);
        report(log, "parse + rules, thread CPU time", withParsingCpu);
        log.line("regular expressions run per message: %.1f of %d rules loaded (%.1f%%)", regexPerMessage,
            engine.ruleCount(), 100.0 * regexPerMessage / engine.ruleCount());
        log.line("load average while measuring: %.1f on %d cores (other work shares the machine)",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        log.line("rules disabled while scanning: %s", engine.unusedRules().stream()
            .filter(rule -> rule.count() > 0).map(Object::toString).reduce((a, b) -> a + "; " + b).orElse("none"));
    }

    private static void report(MeasurementLog log, String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long total = Arrays.stream(sorted).sum();
        log.line("  %-30s median %6d us, p99 %7d us, mean %6d us, %6.0f messages/s", label,
            sorted[sorted.length / 2] / 1000, sorted[(int) (sorted.length * 0.99)] / 1000,
            total / sorted.length / 1000, sorted.length / (total / 1e9));
    }
}
