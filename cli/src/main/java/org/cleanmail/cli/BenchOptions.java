package org.cleanmail.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The options of {@code ./cleanmail bench}, checked. */
final class BenchOptions {
    static final String USAGE = "bench [--messages N] [--extra-rules N] [--threads N] [--rounds N] [--seed N] [--no-spamd]"
        + " [--no-rspamd] [--spamd-extra-rules] [--keep-rules FILE] PATH...";
    static final int DEFAULT_EXTRA_RULES = 20_000;
    static final int DEFAULT_THREADS = 2;
    static final int DEFAULT_ROUNDS = 3;

    private final int messages;
    private final int extraRules;
    private final int threads;
    private final int rounds;
    private final long seed;
    private final boolean spamd;
    private final boolean rspamd;
    private final boolean spamdExtraRules;
    private final List<Path> paths;
    private final Optional<Path> keepRules;

    private BenchOptions(Arguments arguments) {
        this.messages = whole(arguments, "messages", Integer.MAX_VALUE, 1);
        this.extraRules = whole(arguments, "extra-rules", DEFAULT_EXTRA_RULES, 0);
        this.threads = whole(arguments, "threads", DEFAULT_THREADS, 1);
        this.rounds = whole(arguments, "rounds", DEFAULT_ROUNDS, 1);
        this.seed = whole(arguments, "seed", 1, 0);
        this.spamd = !arguments.flag("no-spamd");
        this.rspamd = !arguments.flag("no-rspamd");
        this.spamdExtraRules = arguments.flag("spamd-extra-rules");
        this.paths = arguments.paths();
        this.keepRules = arguments.value("keep-rules").map(Path::of);
        if (paths.isEmpty()) {
            throw new UsageException("name at least one message file, folder or mbox: " + USAGE);
        }
        if (spamdExtraRules && (!spamd || extraRules == 0)) {
            throw new UsageException("--spamd-extra-rules needs spamd and extra rules (drop --no-spamd, --extra-rules 0)");
        }
    }

    static BenchOptions parse(List<String> args) {
        return new BenchOptions(new Arguments(args, Set.of("messages", "extra-rules", "threads", "rounds", "seed", "keep-rules"),
            Set.of("no-spamd", "no-rspamd", "spamd-extra-rules")));
    }

    private static int whole(Arguments arguments, String name, int otherwise, int minimum) {
        return arguments.value(name).map(text -> {
            try {
                int value = Integer.parseInt(text.replace("_", "").replace(",", ""));
                if (value < minimum) {
                    throw new UsageException("--" + name + " must be at least " + minimum + "; got " + text);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a whole number, e.g. --" + name + " " + Math.max(minimum, 2)
                    + "; got '" + text + "'");
            }
        }).orElse(otherwise);
    }

    /** How many messages to scan at most (a sample spread evenly over the files). */
    int messages() {
        return messages;
    }

    int extraRules() {
        return extraRules;
    }

    /** Threads for CleanMail's second throughput run, children of spamd, workers of rspamd, requests in flight. */
    int threads() {
        return threads;
    }

    /** How many times each engine is measured, the engines in turn (the machine's speed drifts between minutes). */
    int rounds() {
        return rounds;
    }

    long seed() {
        return seed;
    }

    boolean spamd() {
        return spamd;
    }

    boolean rspamd() {
        return rspamd;
    }

    boolean spamdExtraRules() {
        return spamdExtraRules;
    }

    /** Where to keep a copy of the synthetic rules (to run them elsewhere, or profile them), if anywhere. */
    Optional<Path> keepRules() {
        return keepRules;
    }

    List<Path> paths() {
        return paths;
    }
}
