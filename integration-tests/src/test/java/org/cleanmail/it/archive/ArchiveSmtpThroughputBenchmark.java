package org.cleanmail.it.archive;

import static io.restassured.RestAssured.given;
import static org.cleanmail.it.CleanMailServers.DOMAIN;
import static org.cleanmail.it.CleanMailServers.PASSWORD;
import static org.cleanmail.it.CleanMailServers.USER;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Logger;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerBuilder;
import org.apache.james.JamesServerExtension;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.apache.james.webadmin.WebAdminUtils;
import org.awaitility.Awaitility;
import org.cleanmail.it.CleanMailServers;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

/**
 * The archive's cost on the SMTP path: SMTP messages per second that one client gets
 * through a real James server with the shipped configuration, the {@code Archive} mailet
 * archiving every message ({@code archive.enabled=true}) or archiving nothing
 * ({@code archive.enabled=false}, subclasses); and, with the archive on, how long after
 * the last SMTP reply every message is archived (durable and searchable). Loopback, a
 * bounded count after a warm-up. Off by default; run with {@code mvn -B -q -pl
 * integration-tests -am test -Dtest='ArchiveSmtpThroughput*' -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcleanmail.benchmark=true}. No timing is asserted.
 */
abstract class ArchiveSmtpThroughputBenchmark {
    private static final Logger LOGGER = Logger.getLogger(ArchiveSmtpThroughputBenchmark.class.getName());
    /** Together below sender.max-messages-per-window (1000 per hour per client). */
    private static final int WARM_UP = 300;
    private static final int MESSAGES = 600;
    private static final String BODY = "Benchmark message with a few words to index: invoice, quarterly, lighthouse. ";

    /** A server whose cleanmail.properties has the archive on or off. */
    static JamesServerExtension server(boolean archive) {
        return new JamesServerBuilder<MemoryJamesConfiguration>((File workingDirectory) -> {
            MemoryJamesConfiguration configuration = CleanMailServers.configuration(workingDirectory);
            if (!archive) {
                disableArchive(workingDirectory.toPath().resolve("conf/cleanmail.properties"));
            }
            return configuration;
        })
            .server(CleanMailServers::createServer)
            .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
            .build();
    }

    private static void disableArchive(Path properties) {
        try {
            String text = Files.readString(properties, StandardCharsets.UTF_8)
                .replaceAll("(?m)^archive\\.enabled=true$", "archive.enabled=false");
            Files.writeString(properties, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    abstract String label();

    abstract boolean archives();

    @Test
    void messagesPerSecond(GuiceJamesServer server) throws Exception {
        server.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN).addUser(USER, PASSWORD);
        RestAssured.requestSpecification = WebAdminUtils
            .buildRequestSpecification(server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort())
            .build();
        int port = server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
        try (SMTPMessageSender smtp = new SMTPMessageSender(DOMAIN)) {
            smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort());
            send(smtp, 0, WARM_UP);
            awaitArchived(WARM_UP);
            long start = System.nanoTime();
            send(smtp, WARM_UP, MESSAGES);
            double seconds = (System.nanoTime() - start) / 1e9;
            awaitArchived(WARM_UP + MESSAGES);
            double drained = (System.nanoTime() - start) / 1e9;
            LOGGER.info(String.format("%s: %d messages over SMTP (port %d) in %.2f s, %.0f messages/s, %.2f ms per"
                    + " transaction%s", label(), MESSAGES, port, seconds, MESSAGES / seconds, seconds * 1000 / MESSAGES,
                archives() ? String.format("; all archived %.2f s after the first, %.0f messages/s end to end",
                    drained, MESSAGES / drained) : ""));
        }
    }

    private void awaitArchived(int count) {
        if (!archives()) {
            return;
        }
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() ->
            given().get("/cleanmail/archive/status").then().extract().jsonPath().getInt("archived") >= count);
    }

    private static void send(SMTPMessageSender smtp, int from, int count) throws IOException {
        for (int i = from; i < from + count; i++) {
            smtp.sendMessageWithHeaders("bench@bench.example", USER,
                CleanMailServers.message("bench " + i, BODY.repeat(20) + i));
        }
    }
}
