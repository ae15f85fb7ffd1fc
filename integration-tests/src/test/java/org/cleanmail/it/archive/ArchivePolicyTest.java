package org.cleanmail.it.archive;

import static io.restassured.RestAssured.given;
import static org.cleanmail.it.CleanMailServers.DOMAIN;
import static org.cleanmail.it.CleanMailServers.GTUBE;
import static org.cleanmail.it.CleanMailServers.PASSWORD;
import static org.cleanmail.it.CleanMailServers.USER;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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

/** Placed after ScoreMessage, the archive records the verdict; the policy decides what is archived. */
class ArchivePolicyTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100));

    @TempDir
    Path workingDirectory;

    @Test
    void allShouldArchiveSpamWithItsVerdictScoreAndHits() throws Exception {
        GuiceJamesServer server = start("all");
        try {
            send(server, "Spam test", "Buy now\r\n" + GTUBE);
            AWAIT.untilAsserted(() -> given().queryParam("verdict", "spam").get("/cleanmail/archive").then()
                .statusCode(200)
                .body("count", equalTo(1))
                .body("hits[0].subject", equalTo("Spam test"))
                .body("hits[0].score", equalTo(1000.0f))
                .body("hits[0].ruleHits", equalTo(List.of("GTUBE"))));
            given().queryParam("q", "hits:GTUBE score:[500 TO *]").get("/cleanmail/archive").then()
                .body("count", equalTo(1));
        } finally {
            server.stop();
        }
    }

    @Test
    void legitimateShouldNotArchiveSpam() throws Exception {
        GuiceJamesServer server = start("legitimate");
        try {
            send(server, "Spam test", "Buy now\r\n" + GTUBE);
            AWAIT.untilAsserted(() -> given().get("/cleanmail/status").then().body("quarantine.size", equalTo(1)));
            send(server, "Lunch", "Shall we meet at noon?");
            AWAIT.untilAsserted(() -> given().queryParam("q", "subject:lunch").get("/cleanmail/archive").then()
                .body("count", equalTo(1)));

            given().get("/cleanmail/archive").then().body("count", equalTo(1));
            given().queryParam("verdict", "spam").get("/cleanmail/archive").then().body("count", equalTo(0));
            given().get("/cleanmail/archive/status").then().body("policy", equalTo("legitimate"));
        } finally {
            server.stop();
        }
    }

    private GuiceJamesServer start(String policy) throws Exception {
        GuiceJamesServer server = CleanMailServers.createServer(CleanMailServers.configuration(workingDirectory.toFile()));
        Path properties = workingDirectory.resolve("conf/cleanmail.properties");
        Files.writeString(properties, Files.readString(properties, StandardCharsets.UTF_8)
            .replace("archive.policy=all", "archive.policy=" + policy), StandardCharsets.UTF_8);
        server.start();
        RestAssured.requestSpecification = WebAdminUtils
            .buildRequestSpecification(server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort())
            .build();
        server.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN).addUser(USER, PASSWORD);
        return server;
    }

    private static void send(GuiceJamesServer server, String subject, String body) throws Exception {
        try (SMTPMessageSender smtp = new SMTPMessageSender(DOMAIN)) {
            smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
                .sendMessageWithHeaders("sender@example.com", USER, CleanMailServers.message(subject, body));
        }
    }
}
