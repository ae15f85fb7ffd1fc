package org.cleanmail.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.cleanmail.core.corpus.MessageFile;

/**
 * A peer (spamd, rspamd) as a contender of the bench: warmed up on the first messages before
 * its first round, then each round the messages with N requests in flight, timed on the wall
 * clock. Closing it stops the peer, then whatever it was given to stop after it (rspamd's redis).
 */
final class PeerContender implements BenchContender {
    private static final int WARM_UP = 20;

    private final Peer peer;
    private final String rules;
    private final List<MessageFile> messages;
    private final int threads;
    private final boolean baseline;
    private final PrintStream err;
    private final AutoCloseable after;
    private boolean warm;

    PeerContender(Peer peer, String rules, List<MessageFile> messages, int threads, boolean baseline, PrintStream err,
                  AutoCloseable after) {
        this.peer = peer;
        this.rules = rules;
        this.messages = messages;
        this.threads = threads;
        this.baseline = baseline;
        this.err = err;
        this.after = after;
    }

    @Override
    public List<BenchReport.Row> measure() throws IOException {
        if (!warm) {
            for (int i = 0; i < Math.min(WARM_UP, messages.size()); i++) {
                peer.check(messages.get(i).bytes());
            }
            warm = true;
        }
        ConcurrentRun run = ConcurrentRun.of(messages.size(), threads, i -> peer.check(messages.get(i).bytes()));
        if (run.failures() > 0) {
            err.printf(Locale.ROOT, "[bench] %s: %d of %d messages failed, e.g. %s%n", peer.name(), run.failures(),
                messages.size(), run.firstFailure());
        }
        return List.of(new BenchReport.Row(peer.name(), rules, messages.size(), run.timings(), run.perSecond(), baseline));
    }

    @Override
    public void close() {
        try {
            peer.close();
        } finally {
            if (after != null) {
                try {
                    after.close();
                } catch (Exception e) {
                    err.println("[bench] could not stop " + after + ": " + e);
                }
            }
        }
    }
}
