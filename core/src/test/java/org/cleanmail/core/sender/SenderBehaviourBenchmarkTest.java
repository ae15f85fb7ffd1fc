package org.cleanmail.core.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.google.common.net.InetAddresses;

/**
 * Measures the per-call cost of the analyzer over the in-memory store, 10,000 distinct
 * clients. Off by default; run with
 * {@code mvn -B -q -pl core test -Dtest=SenderBehaviourBenchmarkTest -Dcleanmail.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "cleanmail.benchmark", matches = "true")
class SenderBehaviourBenchmarkTest {
    private static final Logger LOGGER = Logger.getLogger(SenderBehaviourBenchmarkTest.class.getName());
    private static final int CLIENTS = 10_000;
    private static final int CALLS = 1_000_000;

    private final SenderBehaviourAnalyzer analyzer = new SenderBehaviourAnalyzer(SenderBehaviourConfig.builder()
        .maxConnectionsPerWindow(Integer.MAX_VALUE).maxUnknownRecipients(Integer.MAX_VALUE)
        .maxUnknownRecipientsPerNetwork(Integer.MAX_VALUE).harvestWindow(Duration.ofMinutes(10)).build(),
        new InMemorySenderStateStore(Clock.systemUTC()), Clock.systemUTC());
    private final InetAddress[] clients = new InetAddress[CLIENTS];

    @Test
    void perCallOverhead() {
        for (int i = 0; i < CLIENTS; i++) {
            clients[i] = InetAddresses.fromInteger(0x0A000000 + i * 7);
        }
        double connect = 0;
        double knownRcpt = 0;
        double unknownRcpt = 0;
        for (int round = 0; round < 5; round++) {
            connect = nanosPerCall(() -> {
                for (int i = 0; i < CALLS; i++) {
                    InetAddress client = clients[i % CLIENTS];
                    analyzer.onConnect(client);
                    analyzer.onDisconnect(client);
                }
            });
            knownRcpt = nanosPerCall(() -> {
                for (int i = 0; i < CALLS; i++) {
                    analyzer.onRcpt(clients[i % CLIENTS], false, "alice@mydomain.example", true);
                }
            });
            unknownRcpt = nanosPerCall(() -> {
                for (int i = 0; i < CALLS; i++) {
                    analyzer.onRcpt(clients[i % CLIENTS], false, "nobody@mydomain.example", false);
                }
            });
        }

        LOGGER.info(String.format("analyzer over %,d clients, one thread: onConnect+onDisconnect %.0f ns, "
            + "onRcpt(known) %.0f ns, onRcpt(unknown) %.0f ns per call", CLIENTS, connect, knownRcpt, unknownRcpt));
        assertThat(analyzer.flags()).isEmpty();
        assertThat(analyzer.openConnections(clients[0])).isZero();
    }

    private static double nanosPerCall(Runnable loop) {
        long start = System.nanoTime();
        loop.run();
        return (System.nanoTime() - start) / (double) CALLS;
    }
}
