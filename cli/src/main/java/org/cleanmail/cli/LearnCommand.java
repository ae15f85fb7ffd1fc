package org.cleanmail.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.pipeline.CleanMailEngine;
import org.cleanmail.core.pipeline.FingerprintHitSource;
import org.cleanmail.core.pipeline.ScanInput;

/**
 * {@code learn --spam|--ham PATH...}: teaches the fingerprint database in
 * {@code $CLEANMAIL_HOME} (the server's, which must be stopped: the database takes a lock)
 * that these messages are spam, or ham (their fingerprints are removed and vetoed).
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
            FingerprintHitSource fingerprints = engine.fingerprints()
                .orElseThrow(() -> new UsageException("fingerprints are disabled (fingerprints.enabled=false)"));
            ParallelScanner reader = new ParallelScanner(engine.scanner(), environment.configuration().maxMessageSize());
            for (Path file : files) {
                for (MessageFile message : MessageFiles.read(file)) {
                    ScanInput input = engine.parse(reader.raw(message.bytes()));
                    if (spam) {
                        fingerprints.learnSpam(input, FingerprintSource.ADMIN);
                    } else {
                        fingerprints.vetoHam(input, FingerprintSource.ADMIN);
                    }
                    learnt++;
                }
            }
        }
        err.printf("learnt %d messages as %s into %s%n", learnt, spam ? "spam" : "ham", environment.stateDirectory());
        return 0;
    }
}
