package org.cleanmail.it.archive;

import org.apache.james.JamesServerExtension;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/** See {@link ArchiveSmtpThroughputBenchmark}: the shipped configuration, every message archived. */
@EnabledIfSystemProperty(named = "cleanmail.benchmark", matches = "true")
class ArchiveSmtpThroughputOnBenchmarkTest extends ArchiveSmtpThroughputBenchmark {
    @RegisterExtension
    static JamesServerExtension james = server(true);

    @Override
    String label() {
        return "Archive mailet archiving every message";
    }

    @Override
    boolean archives() {
        return true;
    }
}
