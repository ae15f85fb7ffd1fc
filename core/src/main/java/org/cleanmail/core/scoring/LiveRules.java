package org.cleanmail.core.scoring;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.rules.LoadProblem;
import org.cleanmail.core.rules.RuleDefinition;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.SkipCategory;
import org.cleanmail.core.rules.SkippedRule;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.rules.sa.SpamAssassinRuleLoader;
import org.cleanmail.core.scan.MessageScanner;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scan.ScanResult;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules in use, changed on the fly: loads the rule files of its {@link RuleSources},
 * compiles them into a {@link RuleEngine}, and swaps it in atomically when the files
 * change (polled by a background thread after {@link #start(Duration)}, debounced: a
 * change is loaded once the files stayed unchanged for one interval), on {@link #reload()},
 * or on an edit. A scan uses one engine from start to end, never a mix. A new rule set
 * whose writable files have problems (a line that does not parse, a pattern that does not
 * translate) is refused with the reasons ({@link RuleSetRejectedException}) and the rules
 * in use stay.
 *
 * <p>Edits (for the webadmin routes) are saved in the writable folder: a rule's lines as a
 * block of {@code local.cf}, loaded last so it overrides; a whole file by its name.
 * Deleting a rule defined elsewhere (stock rules) saves {@code score NAME 0}, which
 * disables it as in SpamAssassin. Hit counts per rule survive reloads.
 *
 * <p>Without an index of shipped rules on the class path
 * ({@code org/cleanmail/core/rules/cleanmail/index.txt}), the built-in GTUBE rule is loaded.
 * Thread-safe.
 */
public final class LiveRules implements MessageScanner, Closeable {
    public static final String LOCAL_FILE = "local.cf";
    /** The name under which the built-in GTUBE rule is reported. */
    public static final String BUILT_IN_FILE = "builtin-gtube.cf";
    public static final String BUILT_IN_GTUBE =
        "body GTUBE /XJS\\*C4JDBQADN1\\.NSBN3\\*2IDNEN\\*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL\\*C\\.34X/\n"
        + "score GTUBE 1000\n"
        + "describe GTUBE Generic Test for Unsolicited Bulk Email\n";
    private static final Logger LOGGER = LoggerFactory.getLogger(LiveRules.class);
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,100}\\.cf");
    private static final Pattern RULE_NAME = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]{0,127}");
    private static final Set<SkipCategory> REFUSED = EnumSet.of(SkipCategory.UNTRANSLATABLE_REGEX,
        SkipCategory.INVALID_DEFINITION, SkipCategory.INVALID_META, SkipCategory.META_CYCLE);

    private final RuleSources sources;
    private final Function<RuleSet, EvalFunctions> evals;
    private volatile ScoringOptions options;
    private final SpamAssassinRuleLoader loader;
    private final MessageParser parser;
    private final Clock clock;
    private final RuleHitCounters counters = new RuleHitCounters();
    private final AtomicReference<RuleEngine> current = new AtomicReference<>();
    private final Object lock = new Object();
    private volatile Instant loadedAt;
    /**
     * The count of the rule set a layout thread was last started for ({@link #layOutWhenCounted}):
     * one per rule set (its count, not the rule set, is kept: an old rule set is let go).
     */
    private final AtomicReference<RuleUse> layoutStartedFor = new AtomicReference<>();
    private String loadedFingerprint;
    private String pendingFingerprint;
    private ScheduledExecutorService poller;

    /** Loads the rules at once; fails with the reasons when the writable files have problems. */
    public LiveRules(RuleSources sources, EvalFunctions evals, ScoringOptions options, RuleLoadOptions loadOptions,
                     MessageParser parser, Clock clock) {
        this(sources, ruleSet -> evals, options, loadOptions, parser, clock);
        Objects.requireNonNull(evals, "evals");
    }

    /**
     * Loads the rules at once, with eval functions made for each loaded rule set (they may
     * read its directives, e.g. the free-mail domains); fails with the reasons when the
     * writable files have problems.
     */
    public LiveRules(RuleSources sources, Function<RuleSet, EvalFunctions> evals, ScoringOptions options,
                     RuleLoadOptions loadOptions, MessageParser parser, Clock clock) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.evals = Objects.requireNonNull(evals, "evals");
        this.options = Objects.requireNonNull(options, "options");
        this.loader = new SpamAssassinRuleLoader(Objects.requireNonNull(loadOptions, "load options"));
        this.parser = Objects.requireNonNull(parser, "parser");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            Files.createDirectories(sources.writableFolder());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the writable rules folder " + sources.writableFolder(), e);
        }
        reload();
    }

    /** Polls the folders for changes every {@code interval}, in a background thread, until {@link #close()}. */
    public void start(Duration interval) {
        synchronized (lock) {
            if (poller != null) {
                return;
            }
            poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "cleanmail-rules-watch");
                thread.setDaemon(true);
                return thread;
            });
            long millis = Math.max(100, interval.toMillis());
            poller.scheduleWithFixedDelay(this::pollQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (poller != null) {
                poller.shutdownNow();
                poller = null;
            }
        }
    }

    /** The engine in use; scan with it to be sure that one rule set scores a whole message. */
    public RuleEngine engine() {
        return current.get();
    }

    @Override
    public ScanResult scan(RawMessage message) {
        RuleEngine engine = current.get();
        ScanResult result = engine.scan(message);
        layOutWhenCounted(engine.rules());
        return result;
    }

    public ScanResult scan(MessageFeatures features) {
        RuleEngine engine = current.get();
        ScanResult result = engine.scan(features);
        layOutWhenCounted(engine.rules());
        return result;
    }

    /**
     * Once the rules a scan used have counted their messages ({@link ScoringOptions#layoutMessages}),
     * starts a thread that lays them out ({@link #layOutByUse}): once per rule set, the scans
     * going on meanwhile with the rules in use.
     */
    private void layOutWhenCounted(CompiledRuleSet used) {
        RuleUse use = used.use();
        if (!use.complete()) {
            return;
        }
        RuleUse started = layoutStartedFor.get();
        if (started != use && layoutStartedFor.compareAndSet(started, use)) {
            Thread thread = new Thread(() -> {
                try {
                    layOutByUse();
                } catch (RuntimeException e) {
                    LOGGER.warn("Could not lay the rules out by use: {}", e.toString());
                }
            }, "cleanmail-rules-layout");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public int ruleCount() {
        return current.get().ruleCount();
    }

    /** When the rules in use were loaded. */
    public Instant loadedAt() {
        return loadedAt;
    }

    public RuleHitCounters hitCounters() {
        return counters;
    }

    /** Rules that do not run, with the reasons (see {@link RuleEngine#unusedRules()}). */
    public List<UnusedRule> unusedRules() {
        return current.get().unusedRules();
    }

    /** The score set the rules in use score with. */
    public int scoreSet() {
        return options.scoreSet();
    }

    /**
     * Scores with another SpamAssassin score set from now on (the rules are compiled again
     * and swapped in; a no-op when the set is already in use). SpamAssassin scores with
     * set 2 once its Bayes database can answer, with set 0 before.
     */
    public void useScoreSet(int set) {
        synchronized (lock) {
            if (options.scoreSet() == set) {
                return;
            }
            ScoringOptions previous = options;
            options = options.withScoreSet(set);
            try {
                reload();
            } catch (RuntimeException e) {
                options = previous;
                throw e;
            }
        }
    }

    /** Loads and compiles every file again and swaps the new rules in; refused rule sets leave the old ones. */
    public void reload() {
        synchronized (lock) {
            String fingerprint = fingerprint();
            RuleSet ruleSet = loadAll();
            List<String> reasons = problemsIn(ruleSet, writableFileNames());
            if (!reasons.isEmpty()) {
                loadedFingerprint = fingerprint;
                LOGGER.warn("Rule set refused, the rules in use stay: {}", reasons);
                throw new RuleSetRejectedException(reasons);
            }
            // the layout of the rules in use: by name until they were laid out by use
            RuleEngine inUse = current.get();
            RuleLayout layout = inUse == null ? RuleLayout.byName() : inUse.rules().layout();
            RuleEngine engine = new RuleEngine(CompiledRuleSet.compile(ruleSet, evals.apply(ruleSet), options, layout),
                parser, counters);
            current.set(engine);
            loadedFingerprint = fingerprint;
            loadedAt = clock.instant();
            LOGGER.info("Rules loaded: {} run, {} unused", engine.ruleCount(), engine.unusedRules().size());
        }
    }

    /**
     * Compiles the rules in use again with the rules their first messages ran numbered first
     * ({@link RuleLayout}, {@link CompiledRuleSet#learnedLayout}), and swaps them in: the same
     * rules, the same hits, fewer cache misses per message. Later reloads keep that layout.
     * Returns false, doing nothing, until the rules in use have counted their messages
     * ({@link ScoringOptions#layoutMessages}), and once they are laid out. {@link #scan} starts
     * a thread that calls it once the count is complete; a caller may, to lay out at once.
     */
    public boolean layOutByUse() {
        synchronized (lock) {
            CompiledRuleSet inUse = current.get().rules();
            Optional<RuleLayout> learned = inUse.learnedLayout();
            if (learned.isEmpty()) {
                return false;
            }
            RuleSet ruleSet = inUse.ruleSet();
            CompiledRuleSet laidOut = CompiledRuleSet.compile(ruleSet, evals.apply(ruleSet), inUse.options(), learned.get());
            current.set(new RuleEngine(laidOut, parser, counters));
            LOGGER.info("Rules laid out by use: the {} rules their first {} messages ran numbered first",
                learned.get().first().size(), inUse.options().layoutMessages());
            return true;
        }
    }

    /**
     * One poll of the folders: a change seen twice in a row (the files stopped changing)
     * is loaded. Returns whether the rules were reloaded. The background thread calls it.
     */
    public boolean checkForChanges() {
        synchronized (lock) {
            String fingerprint = fingerprint();
            if (fingerprint.equals(loadedFingerprint)) {
                pendingFingerprint = null;
                return false;
            }
            if (!fingerprint.equals(pendingFingerprint)) {
                pendingFingerprint = fingerprint;
                return false;
            }
            pendingFingerprint = null;
            reload();
            return true;
        }
    }

    private void pollQuietly() {
        try {
            checkForChanges();
        } catch (RuleSetRejectedException e) {
            LOGGER.debug("Changed rules refused", e);
        } catch (RuntimeException e) {
            LOGGER.warn("Could not check the rule folders for changes: {}", e.toString());
        }
    }

    /** Every rule defined, sorted by name. */
    public List<RuleInfo> rules() {
        RuleEngine engine = current.get();
        return engine.rules().ruleSet().rules().values().stream()
            .map(definition -> info(engine, definition))
            .collect(Collectors.toUnmodifiableList());
    }

    public Optional<RuleInfo> rule(String name) {
        RuleEngine engine = current.get();
        return engine.rules().ruleSet().rule(name).map(definition -> info(engine, definition));
    }

    private RuleInfo info(RuleEngine engine, RuleDefinition definition) {
        return new RuleInfo(definition.name(), definition.type().directive(),
            definition.score().inSet(options.scoreSet()), definition.description().orElse(""),
            counters.hits(definition.name()), definition.source().toString(), definition.definition(),
            engine.rules().runs(definition.name()));
    }

    /**
     * Adds or replaces a rule by its {@code .cf} lines (each about that rule:
     * {@code body NAME /re/}, {@code score NAME 2}, {@code describe NAME ...}), saved in
     * {@code local.cf}.
     */
    public void putRule(String name, String cfLines) {
        checkRuleName(name);
        List<String> lines = LocalRulesFile.ruleLines(name, cfLines);
        synchronized (lock) {
            LocalRulesFile local = readLocal();
            String text = local.with(name, lines).render();
            RuleSet alone = loader.loadText(LOCAL_FILE, text);
            List<String> reasons = new ArrayList<>(problemsIn(alone, Set.of(LOCAL_FILE)));
            if (reasons.isEmpty() && alone.rule(name).isEmpty() && alone.skipped(name).isEmpty()
                && current.get().rules().ruleSet().rule(name).isEmpty()) {
                reasons.add("the lines do not define rule " + name + "; give e.g. 'body " + name + " /pattern/'");
            }
            refuseIfAny(reasons);
            writeAndReload(localFile(), text);
        }
    }

    /** Adds or replaces a whole rule file of the writable folder. */
    public void putFile(String fileName, String content) {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("a rule file name is letters, digits, '.', '_' or '-' ending in .cf, "
                + "e.g. 50_local_spam.cf; got '" + fileName + "'");
        }
        synchronized (lock) {
            Path file = sources.writableFolder().resolve(fileName);
            refuseIfAny(problemsIn(loader.loadText(fileName, content), Set.of(fileName)));
            writeAndReload(file, content);
        }
    }

    /** Changes the score of a defined rule (saved in {@code local.cf}). */
    public void setScore(String name, double score) {
        checkRuleName(name);
        if (Double.isNaN(score) || Double.isInfinite(score)) {
            throw new IllegalArgumentException("a score is a finite number, e.g. 2.5; got " + score);
        }
        synchronized (lock) {
            if (current.get().rules().ruleSet().rule(name).isEmpty()) {
                throw new IllegalArgumentException("no rule named " + name);
            }
            String text = readLocal().withScore(name, "score " + name + " " + String.format(Locale.ROOT, "%s", score))
                .render();
            writeAndReload(localFile(), text);
        }
    }

    /**
     * Deletes a rule: removes its {@code local.cf} block and, when another file still
     * defines it, disables it with {@code score NAME 0}. Returns false when no such rule exists.
     */
    public boolean deleteRule(String name) {
        checkRuleName(name);
        synchronized (lock) {
            LocalRulesFile local = readLocal();
            boolean known = current.get().rules().ruleSet().rule(name).isPresent() || local.block(name).isPresent();
            if (!known) {
                return false;
            }
            LocalRulesFile without = local.without(name);
            String text = without.render();
            RuleSet others = loadAll(localFile(), text);
            if (others.rule(name).isPresent()) {
                text = without.with(name, List.of("score " + name + " 0")).render();
            }
            writeAndReload(localFile(), text);
            return true;
        }
    }

    private static void checkRuleName(String name) {
        if (name == null || !RULE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a rule name is letters, digits and '_', not starting with a digit, "
                + "e.g. LOCAL_CHEAP_PILLS; got '" + name + "'");
        }
    }

    private static void refuseIfAny(List<String> reasons) {
        if (!reasons.isEmpty()) {
            throw new RuleSetRejectedException(reasons);
        }
    }

    private Path localFile() {
        return sources.writableFolder().resolve(LOCAL_FILE);
    }

    private LocalRulesFile readLocal() {
        Path file = localFile();
        if (!Files.exists(file)) {
            return LocalRulesFile.parse("");
        }
        try {
            return LocalRulesFile.parse(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void writeAndReload(Path file, String text) {
        try {
            Path temporary = Files.createTempFile(sources.writableFolder(), ".edit-", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.ISO_8859_1);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
        reload();
    }

    private RuleSet loadAll() {
        return loadAll(null, null);
    }

    /** Loads every source; with a replacement, that file's text is taken from memory instead of disk. */
    private RuleSet loadAll(Path replaced, String replacement) {
        List<Path> files = new ArrayList<>();
        Path builtIn = null;
        Path substitute = null;
        try {
            if (sources.shipped()) {
                Optional<List<Path>> shipped = ShippedRules.files(LiveRules.class.getClassLoader());
                if (shipped.isPresent()) {
                    files.addAll(shipped.get());
                } else {
                    builtIn = Files.createTempDirectory("cleanmail-rules-");
                    Path gtube = builtIn.resolve(BUILT_IN_FILE);
                    Files.writeString(gtube, BUILT_IN_GTUBE, StandardCharsets.ISO_8859_1);
                    files.add(gtube);
                }
            }
            for (Path folder : sources.readOnlyFolders()) {
                files.addAll(ruleFiles(folder));
            }
            for (Path file : writableFiles()) {
                if (file.equals(replaced)) {
                    substitute = Files.createTempFile(sources.writableFolder(), ".check-", ".tmp");
                    Files.writeString(substitute, replacement, StandardCharsets.ISO_8859_1);
                    files.add(substitute);
                } else {
                    files.add(file);
                }
            }
            return loader.loadFiles(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the rule files", e);
        } finally {
            if (builtIn != null) {
                deleteQuietly(builtIn.resolve(BUILT_IN_FILE));
                deleteQuietly(builtIn);
            }
            deleteQuietly(substitute);
        }
    }

    /** The writable folder's files, {@code local.cf} last. */
    private List<Path> writableFiles() {
        List<Path> files = new ArrayList<>(ruleFiles(sources.writableFolder()));
        Path local = localFile();
        if (files.remove(local)) {
            files.add(local);
        }
        return files;
    }

    private static List<Path> ruleFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(path -> path.getFileName().toString().endsWith(".cf") && Files.isRegularFile(path))
                .sorted()
                .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOGGER.debug("Could not delete {}", file, e);
        }
    }

    /** Problems, and rules that do not translate, located in the given files: grounds for refusal. */
    private static List<String> problemsIn(RuleSet ruleSet, Set<String> fileNames) {
        List<String> reasons = new ArrayList<>();
        for (LoadProblem problem : ruleSet.problems()) {
            if (fileNames.contains(problem.location().file())) {
                reasons.add(problem.toString());
            }
        }
        for (SkippedRule skipped : ruleSet.skipped()) {
            if (REFUSED.contains(skipped.category()) && fileNames.contains(skipped.location().file())) {
                reasons.add(skipped.toString());
            }
        }
        return reasons;
    }

    /** The names under which the loader reports the writable files. */
    private Set<String> writableFileNames() {
        Set<String> names = new HashSet<>();
        for (Path file : writableFiles()) {
            names.add(file.getFileName().toString());
        }
        return names;
    }

    /** Names, sizes and modification times of the watched files. */
    private String fingerprint() {
        StringBuilder text = new StringBuilder();
        List<Path> folders = new ArrayList<>(sources.readOnlyFolders());
        folders.add(sources.writableFolder());
        for (Path folder : folders) {
            for (Path file : ruleFiles(folder)) {
                try {
                    text.append(file).append(' ').append(Files.size(file)).append(' ')
                        .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
                } catch (IOException e) {
                    text.append(file).append(" unreadable\n");
                }
            }
        }
        return text.toString();
    }
}
