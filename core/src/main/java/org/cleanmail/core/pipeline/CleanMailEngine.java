package org.cleanmail.core.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cleanmail.core.fingerprint.FingerprintCalculator;
import org.cleanmail.core.fingerprint.FingerprintMatcher;
import org.cleanmail.core.fingerprint.FingerprintSettings;
import org.cleanmail.core.fingerprint.store.FingerprintStore;
import org.cleanmail.core.fingerprint.store.embedded.EmbeddedFingerprintStore;
import org.cleanmail.core.fingerprint.store.embedded.EmbeddedStoreSettings;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.scan.GtubeRule;
import org.cleanmail.core.scan.MessageScanner;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scan.RuleListScanner;

/**
 * CleanMail's scanning as one object, the same in the James server and on the command
 * line: the parser, the rules, the fingerprint database kept in
 * {@code <state directory>/fingerprints}. Closing it closes the database.
 */
public final class CleanMailEngine implements Closeable {
    public static final String FINGERPRINTS_FOLDER = "fingerprints";

    private final MessageParser parser;
    private final PipelineScanner scanner;
    private final Optional<FingerprintStore> fingerprintStore;
    private final Optional<FingerprintHitSource> fingerprints;
    private final FingerprintOptions fingerprintOptions;

    private CleanMailEngine(MessageParser parser, PipelineScanner scanner, Optional<FingerprintStore> fingerprintStore,
                            Optional<FingerprintHitSource> fingerprints, FingerprintOptions fingerprintOptions) {
        this.parser = parser;
        this.scanner = scanner;
        this.fingerprintStore = fingerprintStore;
        this.fingerprints = fingerprints;
        this.fingerprintOptions = fingerprintOptions;
    }

    /** Opens the engine whose stores live in {@code stateDirectory}. */
    public static CleanMailEngine open(Path stateDirectory, FingerprintOptions fingerprintOptions, Clock clock)
        throws IOException {
        MessageParser parser = MessageParser.defaultParser();
        List<HitSource> sources = new ArrayList<>();
        sources.add(new RawRulesHitSource(new RuleListScanner(List.of(new GtubeRule()))));
        Optional<FingerprintStore> store = Optional.empty();
        Optional<FingerprintHitSource> fingerprints = Optional.empty();
        if (fingerprintOptions.enabled()) {
            EmbeddedFingerprintStore opened = EmbeddedFingerprintStore.open(
                EmbeddedStoreSettings.inFolder(stateDirectory.resolve(FINGERPRINTS_FOLDER)).ttl(fingerprintOptions.ttl()).build(),
                clock);
            store = Optional.of(opened);
            FingerprintHitSource source = new FingerprintHitSource(
                new FingerprintMatcher(new FingerprintCalculator(FingerprintSettings.defaults()), opened),
                fingerprintOptions.scores());
            fingerprints = Optional.of(source);
            sources.add(source);
        }
        return new CleanMailEngine(parser, new PipelineScanner(parser, sources), store, fingerprints, fingerprintOptions);
    }

    public MessageScanner scanner() {
        return scanner;
    }

    /** Parses a message once, for a caller that scans it and then learns from it. */
    public ScanInput parse(RawMessage message) {
        return new ScanInput(message, parser.parse(message));
    }

    public Optional<FingerprintHitSource> fingerprints() {
        return fingerprints;
    }

    public Optional<FingerprintStore> fingerprintStore() {
        return fingerprintStore;
    }

    public FingerprintOptions fingerprintOptions() {
        return fingerprintOptions;
    }

    @Override
    public void close() throws IOException {
        if (fingerprintStore.isPresent()) {
            fingerprintStore.get().close();
        }
    }
}
