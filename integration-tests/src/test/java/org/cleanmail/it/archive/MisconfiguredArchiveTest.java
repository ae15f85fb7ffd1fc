package org.cleanmail.it.archive;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.james.GuiceJamesServer;
import org.cleanmail.it.CleanMailServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong archive setting stops James at start-up with a message naming the file, the key and a valid value. */
class MisconfiguredArchiveTest {
    @TempDir
    Path workingDirectory;

    @Test
    void aBadPolicyShouldStopJamesNamingTheKey() throws IOException {
        GuiceJamesServer server = CleanMailServers.createServer(CleanMailServers.configuration(workingDirectory.toFile()));
        Path properties = workingDirectory.resolve("conf/cleanmail.properties");
        Files.writeString(properties, Files.readString(properties, StandardCharsets.UTF_8)
            .replace("archive.policy=all", "archive.policy=spam"), StandardCharsets.UTF_8);
        try {
            assertThatThrownBy(server::start)
                .hasStackTraceContaining("cleanmail.properties: 'archive.policy' must be all, inbound, legitimate or none,"
                    + " e.g. archive.policy=all; got 'spam'");
        } finally {
            server.stop();
        }
    }
}
