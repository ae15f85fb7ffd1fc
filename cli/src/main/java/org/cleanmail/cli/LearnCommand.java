package org.cleanmail.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.pipeline.CleanMailEngine;
import org.cleanmail.core.pipeline.ScanInput;

/**
 * {@code learn --spam|--ham PATH...}: teaches the fingerprint database and the Bayes filter
 * in {@code $CLEANMAIL_HOME} (the server's, which must be stopped: the databases take a
 * lock) that these messages are spam, or ham (their fingerprints are removed and vetoed,
 * their tokens counted as ham).
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
        boolean spam = arguments.flag("spam");
        List<Path> files = MessageFiles.files(arguments.paths());
        CliEnvironment environment = CliEnvironment.load();
        int learnt = 0;
        try (CleanMailEngine engine = environment.openEngine(environment.stateDirectory(), List.of())) {
            if (engine.fingerprints().isEmpty() && engine.bayes().isEmpty()) {
                throw new UsageException("fingerprints and the Bayes filter are disabled (fingerprints.enabled=false,"
                    + " bayes.enabled=false)");
            }
            ParallelScanner reader = new ParallelScanner(engine.scanner(), environment.configuration().maxMessageSize());
            for (Path file : files) {
                for (MessageFile message : MessageFiles.read(file)) {
                    ScanInput input = engine.parse(reader.raw(message.bytes()));
                    if (spam) {
                        engine.learnSpam(input, FingerprintSource.ADMIN);
                    } else {
                        engine.learnHam(input, FingerprintSource.ADMIN);
                    }
                    learnt++;
                }
            }
        }
        err.printf("learnt %d messages as %s into %s%n", learnt, spam ? "spam" : "ham", environment.stateDirectory());
        return 0;
    }
}
