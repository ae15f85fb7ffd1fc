package org.cleanmail.it.sender;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.james.GuiceJamesServer;
import org.cleanmail.it.CleanMailServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong sender setting stops James at start-up with a message naming the file, the key and a valid value. */
class MisconfiguredSenderSettingsTest {
    @TempDir
    Path workingDirectory;

    @Test
    void badSenderValueShouldStopJamesNamingTheKey() throws IOException {
        GuiceJamesServer server = CleanMailServers.createServer(CleanMailServers.configuration(workingDirectory.toFile()));
        Path properties = workingDirectory.resolve("conf/cleanmail.properties");
        Files.writeString(properties, Files.readString(properties, StandardCharsets.UTF_8)
            .replace("sender.max-unknown-recipients=10", "sender.max-unknown-recipients=ten"), StandardCharsets.UTF_8);
        try {
            assertThatThrownBy(server::start)
                .hasStackTraceContaining("cleanmail.properties: 'sender.max-unknown-recipients' must be like "
                    + "sender.max-unknown-recipients=10; got 'ten'");
        } finally {
            server.stop();
        }
    }
}
