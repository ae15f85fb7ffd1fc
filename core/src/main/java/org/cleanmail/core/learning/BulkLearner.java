package org.cleanmail.core.learning;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.cleanmail.core.bayes.LearnResult;
import org.cleanmail.core.corpus.MessageFile;
import org.cleanmail.core.corpus.MessageFiles;
import org.cleanmail.core.fingerprint.FingerprintKind;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.fingerprint.MessageFingerprints;
import org.cleanmail.core.pipeline.CleanMailEngine;
import org.cleanmail.core.pipeline.FingerprintHitSource;
import org.cleanmail.core.pipeline.ScanInput;
import org.cleanmail.core.scan.RawMessage;

/**
 * Teaches the fingerprint database and the Bayes filter every message under some paths
 * (message files, folders walked recursively in name order, mbox files split into their
 * messages; see {@link MessageFiles}), as spam or as ham:
 * <ul>
 *   <li>spam: the message's fingerprints are learned, unless it has none (too short) or the
 *   database already knows its exact text (a duplicate: learning it again would only
 *   inflate hit counts); the Bayes filter counts its tokens (once per message);</li>
 *   <li>ham: its fingerprints are removed and vetoed (unless it has none); the Bayes filter
 *   counts its tokens as ham.</li>
 * </ul>
 * A message counts as learned when either database learnt it, as a duplicate when both
 * knew it already, as too short when neither could take it.
 * A file that cannot be read or a message that cannot be parsed is counted as failed with
 * its reason, and the run goes on. Cancellation is checked before every message. Messages
 * longer than the scan cap are learned from their head, as the scanner sees them.
 */
public final class BulkLearner {
    private final Function<RawMessage, ScanInput> parser;
    private final Optional<FingerprintHitSource> fingerprints;
    private final BayesTeacher bayes;
    private final int maxMessageBytes;
    private final FingerprintSource source;

    /** Teaches the Bayes filter one message; empty when there is no filter. */
    @FunctionalInterface
    public interface BayesTeacher {
        Optional<LearnResult> learn(ScanInput input, boolean spam);
    }

    /** A learner of fingerprints only. */
    public BulkLearner(Function<RawMessage, ScanInput> parser, FingerprintHitSource fingerprints, int maxMessageBytes,
                       FingerprintSource source) {
        this(parser, Optional.of(fingerprints), (input, spam) -> Optional.empty(), maxMessageBytes, source);
    }

    public BulkLearner(Function<RawMessage, ScanInput> parser, Optional<FingerprintHitSource> fingerprints,
                       BayesTeacher bayes, int maxMessageBytes, FingerprintSource source) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.fingerprints = Objects.requireNonNull(fingerprints, "fingerprints");
        this.bayes = Objects.requireNonNull(bayes, "bayes");
        this.maxMessageBytes = maxMessageBytes;
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * A learner on the engine's parser, fingerprint database and Bayes filter;
     * {@link IllegalStateException} when both are disabled.
     */
    public static BulkLearner of(CleanMailEngine engine, int maxMessageBytes, FingerprintSource source) {
        if (engine.fingerprints().isEmpty() && engine.bayes().isEmpty()) {
            throw new IllegalStateException("fingerprints and the Bayes filter are disabled (fingerprints.enabled=false,"
                + " bayes.enabled=false)");
        }
        return new BulkLearner(engine::parse, engine.fingerprints(), engine::learnBayes, maxMessageBytes, source);
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
            Optional<LearnResult> bayesResult = bayes.learn(input, kind == LearnKind.SPAM);
            boolean bayesLearnt = bayesResult.map(result -> result == LearnResult.LEARNED
                || result == LearnResult.RELEARNED).orElse(false);
            boolean bayesKnew = bayesResult.map(result -> result == LearnResult.ALREADY_LEARNED).orElse(false);
            Outcome fingerprintOutcome = fingerprints.map(hits -> learnFingerprints(hits, input, kind))
                .orElse(Outcome.NOTHING);
            if (fingerprintOutcome == Outcome.LEARNED || bayesLearnt) {
                progress.learned();
            } else if (fingerprintOutcome == Outcome.DUPLICATE || bayesKnew) {
                progress.duplicate();
            } else {
                progress.tooShort();
            }
        } catch (RuntimeException e) {
            progress.failed(message.label(), String.valueOf(e.getMessage()));
        }
    }

    /** Computes the message's fingerprints once, for the too-short check, the duplicate lookup and the learning. */
    private Outcome learnFingerprints(FingerprintHitSource hits, ScanInput input, LearnKind kind) {
        MessageFingerprints fingerprints = hits.fingerprints(input);
        if (fingerprints.all().isEmpty()) {
            return Outcome.NOTHING;
        }
        if (kind == LearnKind.HAM) {
            hits.vetoHam(fingerprints, source);
            return Outcome.LEARNED;
        }
        if (hits.matches(fingerprints).stream().anyMatch(match -> match.kind() == FingerprintKind.TEXT_EXACT)) {
            return Outcome.DUPLICATE;
        }
        hits.learnSpam(fingerprints, source);
        return Outcome.LEARNED;
    }

    /** What the fingerprint database did with one message. */
    private enum Outcome {
        LEARNED, DUPLICATE, NOTHING
    }

    private RawMessage raw(byte[] bytes) {
        return bytes.length <= maxMessageBytes ? RawMessage.of(bytes) : RawMessage.truncated(Arrays.copyOf(bytes, maxMessageBytes));
    }
}
