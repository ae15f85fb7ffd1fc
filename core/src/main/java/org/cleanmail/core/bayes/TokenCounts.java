package org.cleanmail.core.bayes;

/** How many spam and ham messages the database holds one token in. */
public final class TokenCounts {
    private final int spam;
    private final int ham;

    TokenCounts(int spam, int ham) {
        this.spam = spam;
        this.ham = ham;
    }

    public int spam() {
        return spam;
    }

    public int ham() {
        return ham;
    }
}
