package org.cleanmail.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.cleanmail.core.fingerprint.FingerprintCalculator;
import org.cleanmail.core.fingerprint.FingerprintMatcher;
import org.cleanmail.core.fingerprint.FingerprintSettings;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.fingerprint.store.embedded.EmbeddedFingerprintStore;
import org.cleanmail.core.fingerprint.store.embedded.EmbeddedStoreSettings;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scan.ScanResult;
import org.cleanmail.core.scoring.EvalFunctions;
import org.cleanmail.core.scoring.LiveRules;
import org.cleanmail.core.scoring.RuleSources;
import org.cleanmail.core.scoring.ScoringOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineScannerTest {
    private static final Path SPAM = Path.of(System.getProperty("cleanmail.corpus", "../../shared/corpus"),
        "spamassassin-public", "spam");

    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    private static final double GTUBE_SCORE = 1000.0;

    @TempDir
    Path rulesFolder;

    private EmbeddedFingerprintStore store;
    private LiveRules rules;
    private FingerprintHitSource fingerprints;
    private PipelineScanner scanner;

    @BeforeEach
    void setUp() throws IOException {
        store = EmbeddedFingerprintStore.open(EmbeddedStoreSettings.inMemory().build(), Clock.systemUTC());
        rules = new LiveRules(RuleSources.of(List.of(), rulesFolder), EvalFunctions.none(), ScoringOptions.defaults(),
            RuleLoadOptions.defaults(), MessageParser.defaultParser(), Clock.systemUTC());
        fingerprints = new FingerprintHitSource(
            new FingerprintMatcher(new FingerprintCalculator(FingerprintSettings.defaults()), store),
            FingerprintScores.defaults());
        scanner = new PipelineScanner(MessageParser.defaultParser(),
            List.of(new RuleEngineHitSource(rules), fingerprints));
    }

    @AfterEach
    void tearDown() throws IOException {
        rules.close();
        store.close();
    }

    private static byte[] corpusSpam(String name) throws IOException {
        return Files.readAllBytes(SPAM.resolve(name));
    }

    private void learn(byte[] message) {
        RawMessage raw = RawMessage.of(message);
        fingerprints.learnSpam(new ScanInput(raw, MessageParser.defaultParser().parse(raw)), FingerprintSource.RULES);
    }

    @Test
    void scanShouldCombineRuleAndFingerprintHitsInOneScore() throws IOException {
        byte[] spam = corpusSpam("00001.eml");
        learn(spam);
        String withGtube = new String(spam, StandardCharsets.ISO_8859_1).replaceFirst("\n\n", "\n\n" + GTUBE + "\n");

        ScanResult result = scanner.scan(RawMessage.of(withGtube.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(result.hitNames()).contains("GTUBE", "FINGERPRINT_FUZZY");
        assertThat(result.score()).isGreaterThanOrEqualTo(GTUBE_SCORE + FingerprintScores.DEFAULT_FUZZY);
        assertThat(result.hitNames()).as("both sources' hits, in name order").isSorted();
    }

    @Test
    void oneSourcesHitsShouldKeepTheirNameOrderAndAddUp() throws IOException {
        String withGtube = new String(corpusSpam("00001.eml"), StandardCharsets.ISO_8859_1)
            .replaceFirst("\n\n", "\n\n" + GTUBE + "\n");

        ScanResult result = scanner.scan(RawMessage.of(withGtube.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(result.hitNames()).contains("GTUBE").noneMatch(name -> name.startsWith("FINGERPRINT")).isSorted();
        assertThat(result.score()).isEqualTo(result.hits().stream().mapToDouble(hit -> hit.score()).sum());
        assertThat(result.hits()).isUnmodifiable();
    }

    @Test
    void aCopyOfLearntSpamShouldHitTheExactAndFuzzyFingerprintsWithTheirIds() throws IOException {
        byte[] spam = corpusSpam("00002.eml");
        learn(spam);
        String copy = new String(spam, StandardCharsets.ISO_8859_1).replace("Subject:", "Subject: Re: hello again,");

        ScanResult result = scanner.scan(RawMessage.of(copy.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(result.hitNames()).contains("FINGERPRINT_EXACT", "FINGERPRINT_FUZZY");
        assertThat(result.hits()).filteredOn(hit -> hit.name().equals("FINGERPRINT_EXACT"))
            .allSatisfy(hit -> assertThat(hit.detail()).hasValueSatisfying(detail -> assertThat(detail).endsWith(":1.00")));
    }

    @Test
    void unrelatedMessagesShouldNotHitFingerprints() throws IOException {
        learn(corpusSpam("00003.eml"));

        ScanResult result = scanner.scan(RawMessage.of(corpusSpam("00004.eml")));

        assertThat(result.hitNames()).noneMatch(name -> name.startsWith("FINGERPRINT_"));
    }

    @Test
    void aHamVetoShouldStopTheFingerprintMatching() throws IOException {
        byte[] spam = corpusSpam("00005.eml");
        learn(spam);
        RawMessage raw = RawMessage.of(spam);
        fingerprints.vetoHam(new ScanInput(raw, MessageParser.defaultParser().parse(raw)), FingerprintSource.USER_REPORT);

        assertThat(scanner.scan(raw).hitNames()).noneMatch(name -> name.startsWith("FINGERPRINT_TEXT"))
            .doesNotContain("FINGERPRINT_EXACT", "FINGERPRINT_FUZZY");
    }

    @Test
    void ruleCountShouldAddTheSourcesUp() {
        assertThat(scanner.ruleCount()).isEqualTo(rules.ruleCount() + 4).isGreaterThan(4);
    }
}
