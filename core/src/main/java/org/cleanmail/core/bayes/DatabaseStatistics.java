package org.cleanmail.core.bayes;

/** What the token database holds: messages learnt of each class and distinct tokens. */
public final class DatabaseStatistics {
    private final long spamMessages;
    private final long hamMessages;
    private final long tokens;

    public DatabaseStatistics(long spamMessages, long hamMessages, long tokens) {
        this.spamMessages = spamMessages;
        this.hamMessages = hamMessages;
        this.tokens = tokens;
    }

    public long spamMessages() {
        return spamMessages;
    }

    public long hamMessages() {
        return hamMessages;
    }

    public long tokens() {
        return tokens;
    }

    @Override
    public String toString() {
        return "spam " + spamMessages + ", ham " + hamMessages + ", tokens " + tokens;
    }
}
