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
import static org.cleanmail.it.CleanMailServers.quarantineKeys;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.RestAssured;

/** Blocked spam teaches the fingerprint database; a near-copy is then caught by its fingerprint alone. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FingerprintLearningTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100));
    private static final String CAMPAIGN = String.join("\r\n",
        "Dear friend, we are pleased to announce that your mailbox has been selected for our exclusive",
        "investment opportunity. Our partners in the offshore banking sector guarantee returns of three",
        "hundred percent within ninety days, with no risk and no paperwork whatsoever. Reply today with",
        "your full name, your bank account number and your telephone number, and our senior advisor",
        "will contact you within the hour to transfer the first payment into your account.");

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

    private void send(GuiceJamesServer server, String subject, String body) throws Exception {
        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("sender@example.com", USER, message(subject, body));
    }

    @Test
    @Order(1)
    void blockedSpamShouldBeLearnt(GuiceJamesServer server) throws Exception {
        send(server, "opportunity", CAMPAIGN + "\r\n" + GTUBE);

        AWAIT.untilAsserted(() -> assertThat(quarantineKeys()).hasSize(1));
        AWAIT.untilAsserted(() -> given().get("/cleanmail/fingerprints/stats").then()
            .statusCode(200)
            .body("byKind.TEXT_FUZZY", equalTo(1))
            .body("bySource.RULES", greaterThanOrEqualTo(2)));
    }

    @Test
    @Order(2)
    void aNearCopyShouldBeQuarantinedByItsFuzzyFingerprint(GuiceJamesServer server) throws Exception {
        send(server, "new chance", CAMPAIGN.replace("Dear friend", "Hello Bob").replace("ninety", "sixty"));

        AWAIT.untilAsserted(() -> assertThat(quarantineKeys()).hasSize(2));
        String raw = quarantineKeys().stream()
            .map(key -> given().urlEncodingEnabled(false).accept("message/rfc822")
                .get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails/" + key).asString())
            .filter(message -> message.contains("Subject: new chance"))
            .findFirst().orElseThrow();
        assertThat(raw).containsPattern("X-CleanMail-Status: Yes, score=6\\.0 required=5\\.0 tests=FINGERPRINT_FUZZY"
            + " details=FINGERPRINT_FUZZY:[0-9a-f]{32}:0\\.\\d\\d");
    }

    @Test
    @Order(3)
    void aHamReportShouldStopFingerprintMatches(GuiceJamesServer server) throws Exception {
        String copy = message("new chance", CAMPAIGN.replace("Dear friend", "Hello Bob").replace("ninety", "sixty"));
        given().body(copy).post("/cleanmail/fingerprints/reports?as=ham").then().statusCode(200)
            .body("reported", equalTo("ham"));

        send(server, "third try", CAMPAIGN.replace("Dear friend", "Hello Ann"));

        imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
            .login(USER, PASSWORD)
            .select(TestIMAPClient.INBOX)
            .awaitMessageCount(AWAIT, 1);
        assertThat(imap.readFirstMessage()).contains("Subject: third try").contains("tests=none");
    }

    @Test
    @Order(4)
    void reportShouldRejectAnUnknownVerdict() {
        given().body(message("x", "y")).post("/cleanmail/fingerprints/reports?as=maybe")
            .then()
            .statusCode(400)
            .body("statusCode", equalTo(400))
            .body("type", equalTo("InvalidArgument"))
            .body("message", equalTo("Invalid arguments supplied in the user request"))
            .body("details", equalTo("'as' must be spam or ham, e.g. POST /cleanmail/fingerprints/reports?as=spam"));
    }

    @Test
    @Order(5)
    void deleteShouldAnswer404ForAnUnknownEntry() {
        given().delete("/cleanmail/fingerprints/TEXT_EXACT/0123456789abcdef0123456789abcdef")
            .then()
            .statusCode(404);
    }
}
