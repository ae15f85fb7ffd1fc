package org.cleanmail.core.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.cleanmail.core.bayes.BayesClassifier;
import org.cleanmail.core.bayes.BayesFilter;
import org.cleanmail.core.bayes.BayesTokenizer;
import org.cleanmail.core.bayes.LearnResult;
import org.cleanmail.core.bayes.TokenDatabase;
import org.cleanmail.core.fingerprint.FingerprintCalculator;
import org.cleanmail.core.fingerprint.FingerprintMatcher;
import org.cleanmail.core.fingerprint.FingerprintSettings;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.fingerprint.store.FingerprintStore;
import org.cleanmail.core.fingerprint.store.embedded.EmbeddedFingerprintStore;
import org.cleanmail.core.fingerprint.store.embedded.EmbeddedStoreSettings;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.scan.MessageScanner;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scoring.EvalFunctions;
import org.cleanmail.core.scoring.LiveRules;
import org.cleanmail.core.scoring.RuleSources;
import org.cleanmail.core.scoring.eval.StandardEvalFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    public static final String BAYES_FOLDER = "bayes";
    /**
     * SpamAssassin's plugins as Debian's package loads them, so that rule files read as they
     * do there; rules whose eval functions CleanMail lacks are skipped and reported.
     */
    public static final Set<String> SPAMASSASSIN_PLUGINS = Set.of("URIDNSBL", "SPF", "Rule2XSBody", "Pyzor", "Razor2",
        "SpamCop", "AutoLearnThreshold", "WelcomeListSubject", "MIMEHeader", "ReplaceTags", "DKIM", "Check",
        "HTTPSMismatch", "URIDetail", "Bayes", "BodyEval", "DNSEval", "HTMLEval", "HeaderEval", "MIMEEval",
        "RelayEval", "URIEval", "WLBLEval", "VBounce", "ImageInfo", "FreeMail", "AskDNS", "HashBL", "DMARC");
    private static final Logger LOGGER = LoggerFactory.getLogger(CleanMailEngine.class);

    private final MessageParser parser;
    private final LiveRules rules;
    private final PipelineScanner scanner;
    private final Optional<FingerprintStore> fingerprintStore;
    private final Optional<FingerprintHitSource> fingerprints;
    private final FingerprintOptions fingerprintOptions;
    private final Optional<BayesFilter> bayes;
    private final BayesOptions bayesOptions;

    private CleanMailEngine(MessageParser parser, LiveRules rules, PipelineScanner scanner,
                            Optional<FingerprintStore> fingerprintStore, Optional<FingerprintHitSource> fingerprints,
                            FingerprintOptions fingerprintOptions, Optional<BayesFilter> bayes, BayesOptions bayesOptions) {
        this.parser = parser;
        this.rules = rules;
        this.scanner = scanner;
        this.fingerprintStore = fingerprintStore;
        this.fingerprints = fingerprints;
        this.fingerprintOptions = fingerprintOptions;
        this.bayes = bayes;
        this.bayesOptions = bayesOptions;
    }

    /** Opens the engine whose stores live in {@code stateDirectory}, with the Bayes filter's defaults. */
    public static CleanMailEngine open(Path stateDirectory, RulesOptions rulesOptions, FingerprintOptions fingerprintOptions,
                                       Clock clock) throws IOException {
        return open(stateDirectory, rulesOptions, fingerprintOptions, BayesOptions.defaults(), clock);
    }

    /** Opens the engine whose stores live in {@code stateDirectory}. */
    public static CleanMailEngine open(Path stateDirectory, RulesOptions rulesOptions, FingerprintOptions fingerprintOptions,
                                       BayesOptions bayesOptions, Clock clock) throws IOException {
        MessageParser parser = MessageParser.defaultParser();
        Optional<BayesFilter> bayes = Optional.empty();
        if (bayesOptions.enabled()) {
            bayes = Optional.of(new BayesFilter(new BayesTokenizer(),
                TokenDatabase.open(stateDirectory.resolve(BAYES_FOLDER), bayesOptions.maximumTokens()),
                new BayesClassifier(bayesOptions.minimumSpam(), bayesOptions.minimumHam())));
        }
        Set<String> implementedEvals = new HashSet<>(StandardEvalFunctions.names());
        Function<RuleSet, EvalFunctions> evals = StandardEvalFunctions::forRules;
        if (bayes.isPresent()) {
            BayesFilter filter = bayes.get();
            implementedEvals.add(BayesFilter.CHECK_BAYES);
            evals = ruleSet -> StandardEvalFunctions.forRules(ruleSet).with(filter.evalFunctions());
        }
        RuleLoadOptions loadOptions = RuleLoadOptions.builder()
            .plugins(SPAMASSASSIN_PLUGINS)
            .implementedEvals(implementedEvals)
            .build();
        LiveRules rules = new LiveRules(RuleSources.of(rulesOptions.readOnlyFolders(), rulesOptions.writableFolder()),
            evals, rulesOptions.scoring().withScoreSet(scoreSet(bayes)), loadOptions, parser, clock);
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
            fingerprintOptions, bayes, bayesOptions);
    }

    /**
     * Learns a message as spam: its fingerprints go into the database, its tokens into the
     * Bayes filter's (each where enabled).
     */
    public void learnSpam(ScanInput input, FingerprintSource source) {
        fingerprints.ifPresent(hits -> hits.learnSpam(input, source));
        learnBayes(input, true);
    }

    /**
     * Learns a message as ham: its tokens go into the Bayes filter's database; a report by a
     * user or an administrator also removes and vetoes its fingerprints (automatic learning,
     * {@link FingerprintSource#RULES}, leaves the fingerprint database alone).
     */
    public void learnHam(ScanInput input, FingerprintSource source) {
        if (source != FingerprintSource.RULES) {
            fingerprints.ifPresent(hits -> hits.vetoHam(input, source));
        }
        learnBayes(input, false);
    }

    /** Teaches the Bayes filter alone; empty when it is disabled. */
    public Optional<LearnResult> learnBayes(ScanInput input, boolean spam) {
        if (bayes.isEmpty()) {
            return Optional.empty();
        }
        LearnResult result = spam ? bayes.get().learnSpam(input.features()) : bayes.get().learnHam(input.features());
        followBayesReadiness();
        return Optional.of(result);
    }

    /** Scores with score set 2 once the Bayes filter answers, as SpamAssassin does. */
    private void followBayesReadiness() {
        int wanted = scoreSet(bayes);
        if (rules.scoreSet() != wanted) {
            try {
                rules.useScoreSet(wanted);
                LOGGER.info("The Bayes filter {}; rules now score with SpamAssassin's score set {}",
                    wanted == BayesOptions.SCORE_SET_WITH_BAYES ? "has learnt enough to answer" : "can no longer answer",
                    wanted);
            } catch (RuntimeException e) {
                LOGGER.warn("Could not switch the rules to score set {}; they keep set {}", wanted, rules.scoreSet(), e);
            }
        }
    }

    /** SpamAssassin's score set: 2 (Bayes, no network tests) once the filter answers, 0 before. */
    private static int scoreSet(Optional<BayesFilter> bayes) {
        return bayes.isPresent() && bayes.get().ready()
            ? BayesOptions.SCORE_SET_WITH_BAYES : BayesOptions.SCORE_SET_WITHOUT_BAYES;
    }

    /** The Bayes filter, when enabled. */
    public Optional<BayesFilter> bayes() {
        return bayes;
    }

    public BayesOptions bayesOptions() {
        return bayesOptions;
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
        if (bayes.isPresent()) {
            bayes.get().close();
        }
    }
}
