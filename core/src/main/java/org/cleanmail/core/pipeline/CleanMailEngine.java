package org.cleanmail.core.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.cleanmail.core.fingerprint.FingerprintCalculator;
import org.cleanmail.core.fingerprint.FingerprintMatcher;
import org.cleanmail.core.fingerprint.FingerprintSettings;
import org.cleanmail.core.fingerprint.store.FingerprintStore;
import org.cleanmail.core.fingerprint.store.embedded.EmbeddedFingerprintStore;
import org.cleanmail.core.fingerprint.store.embedded.EmbeddedStoreSettings;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.scan.MessageScanner;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scoring.LiveRules;
import org.cleanmail.core.scoring.RuleSources;
import org.cleanmail.core.scoring.eval.StandardEvalFunctions;

/**
 * CleanMail's scanning as one object, the same in the James server and on the command
 * line: the parser, the SpamAssassin-compatible rules (CleanMail's shipped rules plus the
 * configured folders, edits kept in the writable folder, reloaded on change), the
 * fingerprint database kept in {@code <state directory>/fingerprints}. Closing it stops
 * the rule watcher and closes the database.
 */
public final class CleanMailEngine implements Closeable {
    public static final String FINGERPRINTS_FOLDER = "fingerprints";
    public static final String RULES_FOLDER = "rules";
    /**
     * SpamAssassin's plugins as Debian's package loads them, so that rule files read as they
     * do there; rules whose eval functions CleanMail lacks are skipped and reported.
     */
    public static final Set<String> SPAMASSASSIN_PLUGINS = Set.of("URIDNSBL", "SPF", "Rule2XSBody", "Pyzor", "Razor2",
        "SpamCop", "AutoLearnThreshold", "WelcomeListSubject", "MIMEHeader", "ReplaceTags", "DKIM", "Check",
        "HTTPSMismatch", "URIDetail", "Bayes", "BodyEval", "DNSEval", "HTMLEval", "HeaderEval", "MIMEEval",
        "RelayEval", "URIEval", "WLBLEval", "VBounce", "ImageInfo", "FreeMail", "AskDNS", "HashBL", "DMARC");
    private static final RuleLoadOptions RULE_LOAD_OPTIONS = RuleLoadOptions.builder()
        .plugins(SPAMASSASSIN_PLUGINS)
        .implementedEvals(StandardEvalFunctions.names())
        .build();

    private final MessageParser parser;
    private final LiveRules rules;
    private final PipelineScanner scanner;
    private final Optional<FingerprintStore> fingerprintStore;
    private final Optional<FingerprintHitSource> fingerprints;
    private final FingerprintOptions fingerprintOptions;

    private CleanMailEngine(MessageParser parser, LiveRules rules, PipelineScanner scanner,
                            Optional<FingerprintStore> fingerprintStore, Optional<FingerprintHitSource> fingerprints,
                            FingerprintOptions fingerprintOptions) {
        this.parser = parser;
        this.rules = rules;
        this.scanner = scanner;
        this.fingerprintStore = fingerprintStore;
        this.fingerprints = fingerprints;
        this.fingerprintOptions = fingerprintOptions;
    }

    /** Opens the engine whose stores live in {@code stateDirectory}. */
    public static CleanMailEngine open(Path stateDirectory, RulesOptions rulesOptions, FingerprintOptions fingerprintOptions,
                                       Clock clock) throws IOException {
        MessageParser parser = MessageParser.defaultParser();
        LiveRules rules = new LiveRules(RuleSources.of(rulesOptions.readOnlyFolders(), rulesOptions.writableFolder()),
            StandardEvalFunctions::forRules, rulesOptions.scoring(), RULE_LOAD_OPTIONS, parser, clock);
        if (!rulesOptions.reloadInterval().isZero()) {
            rules.start(rulesOptions.reloadInterval());
        }
        List<HitSource> sources = new ArrayList<>();
        sources.add(new RuleEngineHitSource(rules));
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
        return new CleanMailEngine(parser, rules, new PipelineScanner(parser, sources), store, fingerprints,
            fingerprintOptions);
    }

    /** The live rules: listing, editing, reloading, hit counters, unused rules. */
    public LiveRules rules() {
        return rules;
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
        rules.close();
        if (fingerprintStore.isPresent()) {
            fingerprintStore.get().close();
        }
    }
}
