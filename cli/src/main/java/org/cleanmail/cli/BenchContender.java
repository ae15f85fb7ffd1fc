package org.cleanmail.cli;

import java.io.IOException;
import java.util.List;

/**
 * One engine of {@code ./cleanmail bench}, started and warmed up once, then measured once
 * per round, the engines in turn.
 */
interface BenchContender extends AutoCloseable {
    /** One round's measurement: a row per way the engine is measured (CleanMail: one thread, then N). */
    List<BenchReport.Row> measure() throws IOException;

    @Override
    void close();
}
