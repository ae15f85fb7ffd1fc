package org.cleanmail.it.archive;

import org.apache.james.JamesServerExtension;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/** See {@link SmtpThroughputArchiveBenchmark}: the shipped configuration with {@code archive.enabled=false}. */
@EnabledIfSystemProperty(named = "cleanmail.benchmark", matches = "true")
class SmtpThroughputArchiveOffBenchmarkTest extends SmtpThroughputArchiveBenchmark {
    @RegisterExtension
    static JamesServerExtension james = server(false);

    @Override
    String label() {
        return "archive disabled";
    }

    @Override
    boolean archives() {
        return false;
    }
}
