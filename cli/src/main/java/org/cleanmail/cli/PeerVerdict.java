package org.cleanmail.cli;

/** A peer's answer for one message: its score, and whether it would treat the message as spam. */
final class PeerVerdict {
    private final double score;
    private final boolean spam;

    PeerVerdict(double score, boolean spam) {
        this.score = score;
        this.spam = spam;
    }

    double score() {
        return score;
    }

    boolean spam() {
        return spam;
    }
}
