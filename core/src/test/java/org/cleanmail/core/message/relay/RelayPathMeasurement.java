package org.cleanmail.core.message.relay;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cleanmail.core.fingerprint.MeasurementLog;
import org.cleanmail.core.message.MessageHeaders;
import org.cleanmail.core.message.MessageParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What the relay analysis costs per message (parsing every Received field, splitting at the
 * trust boundary): thread CPU time over the corpus, warm. Asserts nothing. Run with
 * {@code mvn -B -o -q -pl core verify -Dcleanmail.measure=true -Dtest=RelayPathMeasurement};
 * figures in {@code core/target/measurements/relay-path.txt}.
 */
@EnabledIfSystemProperty(named = "cleanmail.measure", matches = "true")
class RelayPathMeasurement {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Test
    void measureRelayAnalysis() throws Exception {
        Path corpus = Path.of(System.getProperty("cleanmail.corpus", "../../shared/corpus"), "spamassassin-public");
        List<MessageHeaders> headers = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (String label : List.of("ham", "spam")) {
            try (Stream<Path> files = Files.list(corpus.resolve(label))) {
                for (Path file : files.sorted().collect(Collectors.toList())) {
                    headers.add(MessageParser.defaultParser().parse(Files.readAllBytes(file)).headers());
                    paths.add(file);
                }
            }
        }
        RelayNetworks networks = RelayNetworks.builder().apply("originating_ip_headers", "X-Originating-IP").build();
        for (MessageHeaders message : headers) {
            RelayPath.analyse(message, networks).untrustedText();
        }
        long[] nanos = new long[headers.size()];
        long slowest = 0;
        Path slowestFile = null;
        int relays = 0;
        for (int i = 0; i < headers.size(); i++) {
            long start = CPU.getCurrentThreadCpuTime();
            RelayPath path = RelayPath.analyse(headers.get(i), networks);
            path.externalText();
            nanos[i] = CPU.getCurrentThreadCpuTime() - start;
            if (nanos[i] > slowest) {
                slowest = nanos[i];
                slowestFile = paths.get(i);
            }
            relays += path.trusted().size() + path.untrusted().size();
        }
        Arrays.sort(nanos);
        MeasurementLog log = new MeasurementLog("relay-path");
        log.line("%d messages, %d relays: relay analysis median %.0f us, p99 %.0f us per message (thread CPU time, warm)",
            headers.size(), relays, nanos[nanos.length / 2] / 1e3, nanos[nanos.length * 99 / 100] / 1e3);
        MessageHeaders slowestHeaders = headers.get(paths.indexOf(slowestFile));
        long[] again = new long[201];
        for (int i = 0; i < again.length; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            RelayPath.analyse(slowestHeaders, networks).externalText();
            again[i] = CPU.getCurrentThreadCpuTime() - start;
        }
        Arrays.sort(again);
        log.line("slowest: %s, %.1f ms; the same message analysed again 201 times: median %.0f us",
            corpus.relativize(slowestFile), slowest / 1e6, again[100] / 1e3);
    }
}
