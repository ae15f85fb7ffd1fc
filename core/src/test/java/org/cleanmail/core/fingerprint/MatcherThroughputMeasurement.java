package org.cleanmail.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.cleanmail.core.fingerprint.CorpusMessages.Sample;
import org.cleanmail.core.fingerprint.store.SettableClock;
import org.cleanmail.core.fingerprint.store.embedded.EmbeddedFingerprintStore;
import org.cleanmail.core.fingerprint.store.embedded.EmbeddedStoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How many decoded messages per second the matcher fingerprints and looks up, on one
 * thread, with the corpus spam learnt. On demand:
 * {@code mvn -B -q -pl core verify -Dcleanmail.measure=true -Dtest=MatcherThroughputMeasurement}.
 * Figures go to {@code target/measurements/matcher-throughput.txt}.
 */
@EnabledIfSystemProperty(named = "cleanmail.measure", matches = "true")
class MatcherThroughputMeasurement {
    private static final int PASSES = 5;

    private final MeasurementLog log = new MeasurementLog("matcher-throughput");

    @Test
    void measureMatchThroughput() throws IOException {
        List<Sample> spam = CorpusMessages.load("spam");
        List<Sample> messages = new ArrayList<>(spam);
        messages.addAll(CorpusMessages.load("ham"));
        long chars = messages.stream().mapToLong(sample -> sample.content().bodyText().length()).sum();
        try (EmbeddedFingerprintStore store = EmbeddedFingerprintStore.open(EmbeddedStoreSettings.inMemory().build(),
            new SettableClock(Instant.parse("2026-11-25T10:00:00Z")))) {
            FingerprintMatcher matcher = new FingerprintMatcher(new FingerprintCalculator(FingerprintSettings.defaults()), store);
            spam.forEach(sample -> matcher.learn(sample.content(), FingerprintSource.RULES, 1.0));
            int matched = 0;
            for (int pass = 0; pass < PASSES; pass++) {
                long start = System.nanoTime();
                matched = 0;
                for (Sample sample : messages) {
                    matched += matcher.match(sample.content()).isEmpty() ? 0 : 1;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                log.line("pass %d: %,d messages (%.1f MB of decoded text) fingerprinted and looked up in %.2f s ="
                    + " %,.0f messages/s on one thread", pass + 1, messages.size(), chars / 1e6, seconds,
                    messages.size() / seconds);
            }
            assertThat(matched).isGreaterThanOrEqualTo(spam.size() * 9 / 10);
        }
    }
}
