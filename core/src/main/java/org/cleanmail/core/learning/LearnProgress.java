package org.cleanmail.core.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The counters of a bulk learning run, updated by the learner and read at any time by others. Thread-safe. */
public final class LearnProgress {
    /** How many failure reasons are kept; the count goes on. */
    public static final int MAX_FAILURES_KEPT = 20;

    private long filesSeen;
    private long messagesSeen;
    private long learned;
    private long skippedTooShort;
    private long skippedDuplicate;
    private long failed;
    private final List<String> failures = new ArrayList<>();
    private String currentPath;

    synchronized void startFile(String path) {
        filesSeen++;
        currentPath = path;
    }

    synchronized void endOfRun() {
        currentPath = null;
    }

    synchronized void message() {
        messagesSeen++;
    }

    synchronized void learned() {
        learned++;
    }

    synchronized void tooShort() {
        skippedTooShort++;
    }

    synchronized void duplicate() {
        skippedDuplicate++;
    }

    /** Counts a failure, keeping its reason among the first ones. */
    public synchronized void failed(String where, String reason) {
        failed++;
        if (failures.size() < MAX_FAILURES_KEPT) {
            failures.add(where + ": " + reason);
        }
    }

    public synchronized LearnCounts snapshot() {
        return new LearnCounts(filesSeen, messagesSeen, learned, skippedTooShort, skippedDuplicate, failed, failures,
            Optional.ofNullable(currentPath));
    }
}
