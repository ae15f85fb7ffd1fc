package org.cleanmail.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.learning.BulkLearner;
import org.cleanmail.core.learning.LearnCounts;
import org.cleanmail.core.learning.LearnKind;
import org.cleanmail.core.learning.LearnProgress;
import org.cleanmail.core.pipeline.CleanMailEngine;

/**
 * {@code learn --spam|--ham PATH...}: teaches the fingerprint database and the Bayes filter
 * in {@code $CLEANMAIL_HOME} (the server's, which must be stopped: the databases take a
 * lock) that these messages are spam, or ham (their fingerprints are removed and vetoed,
 * their tokens counted as ham). The
 * same learner as the webadmin task {@code POST /cleanmail/fingerprints/learn}.
 */
final class LearnCommand {
    static final String USAGE = "learn --spam|--ham PATH...";

    private final PrintStream err;

    LearnCommand(PrintStream err) {
        this.err = err;
    }

    int run(List<String> args) throws IOException {
        Arguments arguments = new Arguments(args, Set.of(), Set.of("spam", "ham"));
        if (arguments.flag("spam") == arguments.flag("ham")) {
            throw new UsageException("say --spam or --ham: " + USAGE);
        }
        LearnKind kind = arguments.flag("spam") ? LearnKind.SPAM : LearnKind.HAM;
        List<Path> paths = arguments.paths();
        MessagePaths.files(paths);
        CliEnvironment environment = CliEnvironment.load();
        LearnProgress progress = new LearnProgress();
        try (CleanMailEngine engine = environment.openEngine(environment.stateDirectory(), List.of())) {
            if (engine.fingerprints().isEmpty() && engine.bayes().isEmpty()) {
                throw new UsageException("fingerprints and the Bayes filter are disabled (fingerprints.enabled=false,"
                    + " bayes.enabled=false)");
            }
            BulkLearner.of(engine, environment.configuration().maxMessageSize(), FingerprintSource.ADMIN)
                .learn(paths, kind, progress, () -> false);
        }
        LearnCounts counts = progress.snapshot();
        err.printf("learnt %d messages as %s into %s (%d skipped as too short, %d as already known, %d failed)%n",
            counts.learned(), kind.asText(), environment.stateDirectory(), counts.skippedTooShort(),
            counts.skippedDuplicate(), counts.failed());
        counts.failures().forEach(failure -> err.printf("  failed: %s%n", failure));
        return 0;
    }
}
