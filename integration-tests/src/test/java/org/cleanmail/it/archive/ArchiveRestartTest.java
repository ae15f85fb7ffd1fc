package org.cleanmail.it.archive;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.it.CleanMailServers.DOMAIN;
import static org.cleanmail.it.CleanMailServers.PASSWORD;
import static org.cleanmail.it.CleanMailServers.USER;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.james.GuiceJamesServer;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.apache.james.webadmin.WebAdminUtils;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.cleanmail.it.CleanMailServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.RestAssured;

/**
 * The archive is files in the state folder: a restart keeps it searchable, and a key
 * rotation (a new active key in the key file, then a restart) keeps old mail readable.
 */
class ArchiveRestartTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100));
    private static final String NEW_KEY_ID = "rotated-1";

    @TempDir
    Path workingDirectory;

    @Test
    void archiveShouldSurviveARestartAndAKeyRotation() throws Exception {
        String oldId;
        GuiceJamesServer first = start();
        try {
            first.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN).addUser(USER, PASSWORD);
            send(first, "Before restart", "The password of the vault is marmalade.");
            oldId = awaitOne("subject:\"Before restart\"");
        } finally {
            first.stop();
        }
        Path keyFile = workingDirectory.resolve("var/cleanmail/archive.keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        rotate(keyFile);

        GuiceJamesServer second = start();
        try {
            given().queryParam("q", "body:marmalade").get("/cleanmail/archive").then()
                .statusCode(200)
                .body("count", equalTo(1))
                .body("hits[0].archiveId", equalTo(oldId));
            given().get("/cleanmail/archive/" + oldId).then()
                .statusCode(200)
                .body("text", containsString("marmalade"));

            second.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN).addUser(USER, PASSWORD);
            send(second, "After rotation", "Encrypted with the new key.");
            String newId = awaitOne("subject:\"After rotation\"");
            given().get("/cleanmail/archive/" + newId + "/raw").then()
                .statusCode(200)
                .body(containsString("Encrypted with the new key."));
            given().queryParam("q", "keyId:" + NEW_KEY_ID).get("/cleanmail/archive").then()
                .body("count", equalTo(1))
                .body("hits[0].archiveId", equalTo(newId));
        } finally {
            second.stop();
        }
    }

    @Test
    void anUncleanStopShouldBeRepairedAtStart() throws Exception {
        GuiceJamesServer first = start();
        try {
            first.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN).addUser(USER, PASSWORD);
            send(first, "Before the crash", "Kept in the content store.");
            awaitOne("subject:crash");
        } finally {
            first.stop();
        }
        // What a crash leaves: the open marker, and an index that lost its latest entries.
        Path archive = workingDirectory.resolve("var/cleanmail/archive");
        try (Stream<Path> files = Files.walk(archive.resolve("index"))) {
            files.sorted(Comparator.reverseOrder()).forEach(ArchiveRestartTest::delete);
        }
        Files.createFile(archive.resolve("archive.open"));

        GuiceJamesServer second = start();
        try {
            AWAIT.untilAsserted(() -> given().get("/cleanmail/archive/status").then()
                .body("maintenance.action", equalTo("repair"))
                .body("maintenance.state", equalTo("completed"))
                .body("maintenance.indexed", equalTo(1)));
            given().queryParam("q", "subject:crash").get("/cleanmail/archive").then().body("count", equalTo(1));
        } finally {
            second.stop();
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rotate(Path keyFile) throws Exception {
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        String text = Files.readString(keyFile, StandardCharsets.UTF_8)
            .replaceAll("(?m)^active=.*$", "")
            + NEW_KEY_ID + "=" + Base64.getEncoder().encodeToString(material) + "\nactive=" + NEW_KEY_ID + "\n";
        Files.writeString(keyFile, text, StandardCharsets.UTF_8);
    }

    private static String awaitOne(String query) {
        AWAIT.untilAsserted(() -> given().queryParam("q", query).get("/cleanmail/archive").then()
            .statusCode(200).body("count", equalTo(1)));
        return given().queryParam("q", query).get("/cleanmail/archive").then().extract().jsonPath()
            .getString("hits[0].archiveId");
    }

    private static void send(GuiceJamesServer server, String subject, String body) throws Exception {
        try (SMTPMessageSender smtp = new SMTPMessageSender(DOMAIN)) {
            smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
                .sendMessageWithHeaders("sender@example.com", USER, CleanMailServers.message(subject, body));
        }
    }

    private GuiceJamesServer start() throws Exception {
        GuiceJamesServer server = CleanMailServers.createServer(CleanMailServers.configuration(workingDirectory.toFile()));
        server.start();
        RestAssured.requestSpecification = WebAdminUtils
            .buildRequestSpecification(server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort())
            .build();
        return server;
    }
}
