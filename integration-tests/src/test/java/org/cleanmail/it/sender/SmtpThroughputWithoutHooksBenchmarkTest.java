package org.cleanmail.it.sender;

import org.apache.james.JamesServerExtension;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/** See {@link SmtpThroughputBenchmark}: the shipped smtpserver.xml without CleanMail's hooks. */
@EnabledIfSystemProperty(named = "cleanmail.benchmark", matches = "true")
class SmtpThroughputWithoutHooksBenchmarkTest extends SmtpThroughputBenchmark {
    @RegisterExtension
    static JamesServerExtension james = server(false);

    @Override
    String label() {
        return "without CleanMail SMTP hooks";
    }
}
