package org.cleanmail.it.archive;

import org.apache.james.JamesServerExtension;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/** See {@link ArchiveSmtpThroughputBenchmark}: the shipped configuration with {@code archive.enabled=false}. */
@EnabledIfSystemProperty(named = "cleanmail.benchmark", matches = "true")
class ArchiveSmtpThroughputOffBenchmarkTest extends ArchiveSmtpThroughputBenchmark {
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
