package org.cleanmail.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.it.CleanMailServers.DOMAIN;
import static org.cleanmail.it.CleanMailServers.GTUBE;
import static org.cleanmail.it.CleanMailServers.PASSWORD;
import static org.cleanmail.it.CleanMailServers.QUARANTINE;
import static org.cleanmail.it.CleanMailServers.USER;
import static org.cleanmail.it.CleanMailServers.encodedRepository;
import static org.cleanmail.it.CleanMailServers.message;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.apache.james.webadmin.WebAdminUtils;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.cleanmail.core.CleanMailVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** SMTP in, CleanMail scoring, quarantine or delivery out, on a real James server with the shipped configuration. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CleanMailPipelineTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100));

    @RegisterExtension
    static JamesServerExtension james = CleanMailServers.extension();

    @RegisterExtension
    SMTPMessageSender smtp = new SMTPMessageSender(DOMAIN);

    @RegisterExtension
    TestIMAPClient imap = new TestIMAPClient();

    @BeforeAll
    static void createUser(GuiceJamesServer server) throws Exception {
        server.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN).addUser(USER, PASSWORD);
    }

    @BeforeEach
    void setUp(GuiceJamesServer server) {
        RestAssured.requestSpecification = WebAdminUtils
            .buildRequestSpecification(server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort())
            .build();
    }

    @Test
    @Order(1)
    void gtubeShouldBeQuarantinedAndNotDelivered(GuiceJamesServer server) throws Exception {
        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("sender@example.com", USER, message("gtube", "Spam test\r\n" + GTUBE));

        AWAIT.untilAsserted(() -> given().urlEncodingEnabled(false).get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails")
            .then().statusCode(200).body("", hasSize(1)));
        String key = given().urlEncodingEnabled(false).get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails")
            .then().extract().jsonPath().getString("[0]");
        given().urlEncodingEnabled(false).get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails/" + key)
            .then()
            .statusCode(200)
            .body("sender", equalTo("sender@example.com"))
            .body("recipients", equalTo(List.of(USER)));

        imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
            .login(USER, PASSWORD)
            .select(TestIMAPClient.INBOX);
        assertThat(imap.getMessageCount(TestIMAPClient.INBOX)).isZero();
    }

    @Test
    @Order(2)
    void quarantinedMessageShouldCarryItsScoreHeaders(GuiceJamesServer server) {
        String key = given().urlEncodingEnabled(false).get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails")
            .then().extract().jsonPath().getString("[0]");

        String raw = given().urlEncodingEnabled(false).accept("message/rfc822")
            .get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails/" + key)
            .then().statusCode(200).extract().asString();

        assertThat(raw)
            .contains("X-CleanMail-Score: 1000.0")
            .contains("X-CleanMail-Status: Yes, score=1000.0 required=5.0 tests=GTUBE");
    }

    @Test
    @Order(3)
    void ordinaryMessageShouldBeDeliveredWithScoreHeaders(GuiceJamesServer server) throws Exception {
        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("sender@example.com", USER, message("lunch", "Shall we meet at noon?"));

        imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
            .login(USER, PASSWORD)
            .select(TestIMAPClient.INBOX)
            .awaitMessageCount(AWAIT, 1);
        assertThat(imap.readFirstMessage())
            .contains("Subject: lunch")
            .contains("X-CleanMail-Score: 0.0")
            .contains("X-CleanMail-Status: No, score=0.0 required=5.0 tests=none")
            .contains("Shall we meet at noon?");
    }

    @Test
    @Order(4)
    void statusRouteShouldReportVersionRulesCountersAndQuarantineSize() {
        // The rules that run (BAYES_* wait for the Bayes filter to answer), plus the fingerprint kinds.
        List<Boolean> runs = given().get("/cleanmail/rules").then().statusCode(200).extract().path("rules.runs");
        long rules = runs.stream().filter(Boolean::booleanValue).count();
        given()
            .get("/cleanmail/status")
        .then()
            .statusCode(200)
            .contentType(ContentType.JSON)
            .body("version", equalTo(CleanMailVersion.get()))
            .body("rules.loaded", equalTo((int) rules + 4))
            .body("scanning.threshold", equalTo(5.0f))
            .body("scanning.messages", equalTo(2))
            .body("scanning.spam", equalTo(1))
            .body("scanning.truncated", equalTo(0))
            .body("quarantine.repository", equalTo(QUARANTINE))
            .body("quarantine.size", equalTo(1));
    }

    @Test
    @Order(5)
    void forgedCleanMailHeadersShouldNotSurviveScoring(GuiceJamesServer server) throws Exception {
        String forged = String.join("\r\n",
            "From: sender@example.com",
            "To: " + USER,
            "Subject: forged",
            "X-CleanMail-Status: No, score=-50.0 required=5.0 tests=TRUSTED",
            "X-CleanMail-Score: -50.0",
            "",
            "Hello",
            "");
        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("sender@example.com", USER, forged);

        imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
            .login(USER, PASSWORD)
            .select(TestIMAPClient.INBOX)
            .awaitMessageCount(AWAIT, 2);
        String headers = imap.sendCommand("FETCH 2 (BODY.PEEK[HEADER])");
        assertThat(headers)
            .contains("X-CleanMail-Status: No, score=0.0 required=5.0 tests=none")
            .doesNotContain("TRUSTED")
            .doesNotContain("-50.0");
    }

    @Test
    @Order(6)
    void quarantinedMessageShouldBeDeliveredWhenReleasedThroughJamesRoutes(GuiceJamesServer server) throws Exception {
        String key = given().urlEncodingEnabled(false).get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails")
            .then().extract().jsonPath().getString("[0]");

        given().urlEncodingEnabled(false)
            .patch("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails/" + key + "?action=reprocess&processor=transport")
            .then().statusCode(201);

        imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
            .login(USER, PASSWORD)
            .select(TestIMAPClient.INBOX)
            .awaitMessageCount(AWAIT, 3);
        assertThat(imap.sendCommand("FETCH 3 (BODY.PEEK[HEADER])")).contains("Subject: gtube");
        AWAIT.untilAsserted(() -> given().get("/cleanmail/status").then().body("quarantine.size", equalTo(0)));
    }
}
