package org.cleanmail.it.sender;

import org.apache.james.JamesServerExtension;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/** See {@link SmtpThroughputBenchmark}: the shipped smtpserver.xml, CleanMail's hooks included. */
@EnabledIfSystemProperty(named = "cleanmail.benchmark", matches = "true")
class SmtpThroughputWithHooksBenchmarkTest extends SmtpThroughputBenchmark {
    @RegisterExtension
    static JamesServerExtension james = server(true);

    @Override
    String label() {
        return "with CleanMail SMTP hooks";
    }
}
