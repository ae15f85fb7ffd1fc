package org.cleanmail.it;

import static io.restassured.RestAssured.given;
import static org.cleanmail.it.CleanMailServers.DOMAIN;
import static org.cleanmail.it.CleanMailServers.GTUBE;
import static org.cleanmail.it.CleanMailServers.PASSWORD;
import static org.cleanmail.it.CleanMailServers.QUARANTINE;
import static org.cleanmail.it.CleanMailServers.USER;
import static org.cleanmail.it.CleanMailServers.encodedRepository;
import static org.cleanmail.it.CleanMailServers.message;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.james.GuiceJamesServer;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.apache.james.webadmin.WebAdminUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.RestAssured;

/** The quarantine is a file repository in the working folder: stopping and starting James keeps it. */
class QuarantineSurvivesRestartTest {
    @TempDir
    Path workingDirectory;

    @Test
    void quarantineShouldSurviveARestart() throws Exception {
        GuiceJamesServer first = start();
        try (SMTPMessageSender smtp = new SMTPMessageSender(DOMAIN)) {
            first.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN).addUser(USER, PASSWORD);
            smtp.connect("127.0.0.1", first.getProbe(SmtpGuiceProbe.class).getSmtpPort())
                .sendMessageWithHeaders("sender@example.com", USER, message("kept", "Spam test\r\n" + GTUBE));
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/cleanmail/status").then().body("quarantine.size", equalTo(1)));
        } finally {
            first.stop();
        }

        GuiceJamesServer second = start();
        try {
            given().get("/cleanmail/status").then().statusCode(200).body("quarantine.size", equalTo(1));
            given().urlEncodingEnabled(false).get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails")
                .then().statusCode(200).body("", hasSize(1));
        } finally {
            second.stop();
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
