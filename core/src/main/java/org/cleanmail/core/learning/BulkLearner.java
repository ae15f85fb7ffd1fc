package org.cleanmail.core.learning;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.cleanmail.core.corpus.MessageFile;
import org.cleanmail.core.corpus.MessageFiles;
import org.cleanmail.core.fingerprint.FingerprintKind;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.pipeline.CleanMailEngine;
import org.cleanmail.core.pipeline.FingerprintHitSource;
import org.cleanmail.core.pipeline.ScanInput;
import org.cleanmail.core.scan.RawMessage;

/**
 * Teaches the fingerprint database every message under some paths (message files,
 * folders walked recursively in name order, mbox files split into their messages; see
 * {@link MessageFiles}), as spam or as ham:
 * <ul>
 *   <li>spam: the message's fingerprints are learned, unless it has none (too short) or the
 *   database already knows its exact text (a duplicate: learning it again would only
 *   inflate hit counts);</li>
 *   <li>ham: its fingerprints are removed and vetoed (unless it has none).</li>
 * </ul>
 * A file that cannot be read or a message that cannot be parsed is counted as failed with
 * its reason, and the run goes on. Cancellation is checked before every message. Messages
 * longer than the scan cap are learned from their head, as the scanner sees them.
 */
public final class BulkLearner {
    private final Function<RawMessage, ScanInput> parser;
    private final FingerprintHitSource fingerprints;
    private final int maxMessageBytes;
    private final FingerprintSource source;

    public BulkLearner(Function<RawMessage, ScanInput> parser, FingerprintHitSource fingerprints, int maxMessageBytes,
                       FingerprintSource source) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.fingerprints = Objects.requireNonNull(fingerprints, "fingerprints");
        this.maxMessageBytes = maxMessageBytes;
        this.source = Objects.requireNonNull(source, "source");
    }

    /** A learner on the engine's parser and fingerprint database; {@link IllegalStateException} when fingerprints are disabled. */
    public static BulkLearner of(CleanMailEngine engine, int maxMessageBytes, FingerprintSource source) {
        FingerprintHitSource fingerprints = engine.fingerprints().orElseThrow(() ->
            new IllegalStateException("fingerprints are disabled (fingerprints.enabled=false)"));
        return new BulkLearner(engine::parse, fingerprints, maxMessageBytes, source);
    }

    /**
     * Learns every message under {@code paths}; {@link IllegalArgumentException} when a path
     * does not exist. Returns whether the run went to its end (false: cancelled).
     */
    public boolean learn(List<Path> paths, LearnKind kind, LearnProgress progress, BooleanSupplier cancelled) {
        List<Path> files = MessageFiles.files(paths);
        try {
            for (Path file : files) {
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                progress.startFile(file.toString());
                List<MessageFile> messages;
                try {
                    messages = MessageFiles.read(file);
                } catch (UncheckedIOException e) {
                    progress.failed(file.toString(), "cannot be read: " + e.getCause().getMessage());
                    continue;
                }
                for (MessageFile message : messages) {
                    if (cancelled.getAsBoolean()) {
                        return false;
                    }
                    learnOne(message, kind, progress);
                }
            }
            return true;
        } finally {
            progress.endOfRun();
        }
    }

    private void learnOne(MessageFile message, LearnKind kind, LearnProgress progress) {
        progress.message();
        try {
            ScanInput input = parser.apply(raw(message.bytes()));
            if (fingerprints.fingerprints(input).all().isEmpty()) {
                progress.tooShort();
            } else if (kind == LearnKind.HAM) {
                fingerprints.vetoHam(input, source);
                progress.learned();
            } else if (fingerprints.matches(input).stream().anyMatch(match -> match.kind() == FingerprintKind.TEXT_EXACT)) {
                progress.duplicate();
            } else {
                fingerprints.learnSpam(input, source);
                progress.learned();
            }
        } catch (RuntimeException e) {
            progress.failed(message.label(), String.valueOf(e.getMessage()));
        }
    }

    private RawMessage raw(byte[] bytes) {
        return bytes.length <= maxMessageBytes ? RawMessage.of(bytes) : RawMessage.truncated(Arrays.copyOf(bytes, maxMessageBytes));
    }
}
