package org.cleanmail.it.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.it.CleanMailServers.DOMAIN;
import static org.cleanmail.it.CleanMailServers.PASSWORD;
import static org.cleanmail.it.CleanMailServers.USER;
import static org.cleanmail.it.CleanMailServers.message;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerBuilder;
import org.apache.james.JamesServerExtension;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.cleanmail.it.CleanMailServers;
import org.junit.jupiter.api.Test;

/**
 * SMTP messages per second that one outside client gets through a real James server with
 * the shipped configuration, with or without CleanMail's SMTP hooks (subclasses). Loopback
 * only, a bounded count, one connection after a warm-up from another client; the mail pipeline runs behind as usual. Off by
 * default; run with {@code mvn -B -q -pl integration-tests -am test
 * -Dtest='SmtpThroughput*' -Dsurefire.failIfNoSpecifiedTests=false -Dcleanmail.benchmark=true}.
 */
abstract class SmtpThroughputBenchmark {
    private static final Logger LOGGER = Logger.getLogger(SmtpThroughputBenchmark.class.getName());
    /** Each client stays below sender.max-messages-per-window (1000 per hour). */
    private static final int WARM_UP = 800;
    private static final int MESSAGES = 800;

    /** A server whose smtpserver.xml keeps or drops CleanMail's handlers. */
    static JamesServerExtension server(boolean withHooks) {
        return new JamesServerBuilder<MemoryJamesConfiguration>((File workingDirectory) -> {
            MemoryJamesConfiguration configuration = CleanMailServers.configuration(workingDirectory);
            if (!withHooks) {
                dropCleanMailHandlers(workingDirectory.toPath().resolve("conf/smtpserver.xml"));
            }
            return configuration;
        })
            .server(CleanMailServers::createServer)
            .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
            .build();
    }

    private static void dropCleanMailHandlers(Path smtpServerXml) {
        try {
            String xml = Files.readString(smtpServerXml, StandardCharsets.UTF_8)
                .replaceAll("<handler class=\"org\\.cleanmail\\.smtp\\.[A-Za-z]+\"/>", "");
            Files.writeString(smtpServerXml, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    abstract String label();

    @Test
    void messagesPerSecond(GuiceJamesServer server) throws Exception {
        server.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN).addUser(USER, PASSWORD);
        int port = server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
        try (OutsideClient warmUp = OutsideClient.connect("127.0.0.3", port)) {
            assertThat(warmUp.helo("warm-up.example")).startsWith("250");
            send(warmUp, WARM_UP);
        }
        try (OutsideClient client = OutsideClient.connect("127.0.0.2", port)) {
            assertThat(client.helo("bench.example")).startsWith("250");
            long start = System.nanoTime();
            send(client, MESSAGES);
            double seconds = (System.nanoTime() - start) / 1e9;
            LOGGER.info(String.format("%s: %d messages in %.2f s, %.0f messages/s, %.2f ms per transaction", label(),
                MESSAGES, seconds, MESSAGES / seconds, seconds * 1000 / MESSAGES));
        }
    }

    private static void send(OutsideClient client, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            assertThat(client.mailFrom("bench@bench.example")).startsWith("250");
            assertThat(client.rcptTo(USER)).startsWith("250");
            assertThat(client.data(message("bench " + i, "Benchmark message " + i))).startsWith("250");
        }
    }
}
