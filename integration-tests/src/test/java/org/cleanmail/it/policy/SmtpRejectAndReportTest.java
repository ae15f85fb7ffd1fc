package org.cleanmail.it.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.it.CleanMailServers.DOMAIN;
import static org.cleanmail.it.CleanMailServers.GTUBE;
import static org.cleanmail.it.CleanMailServers.PASSWORD;
import static org.cleanmail.it.CleanMailServers.QUARANTINE;
import static org.cleanmail.it.CleanMailServers.encodedRepository;
import static org.cleanmail.it.CleanMailServers.inbox;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.apache.james.webadmin.WebAdminUtils;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.cleanmail.it.CleanMailServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.RestAssured;

/**
 * Over real SMTP and IMAP with the shipped configuration: spam for recipients whose policies
 * all say REJECT is refused at the end of DATA; a message to a rejecting and a
 * non-rejecting recipient is accepted and split; the tag style attachReport delivers the
 * spam report with the original attached.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmtpRejectAndReportTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100));
    private static final String REJECTER = "rejecter@" + DOMAIN;
    private static final String OTHER_REJECTER = "rejecter2@" + DOMAIN;
    private static final String KEEPER = "keeper@" + DOMAIN;
    private static final String REPORTED = "reported@" + DOMAIN;
    private static final String REJECT_ALL = "{\"spamAction\": \"REJECT\", \"certainSpamAction\": \"REJECT\"}";

    @RegisterExtension
    static JamesServerExtension james = CleanMailServers.extension();

    @RegisterExtension
    SMTPMessageSender smtp = new SMTPMessageSender(DOMAIN);

    @BeforeAll
    static void createUsers(GuiceJamesServer server) throws Exception {
        DataProbeImpl.FluentDataProbe probe = server.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN);
        for (String user : List.of(REJECTER, OTHER_REJECTER, KEEPER, REPORTED)) {
            probe.addUser(user, PASSWORD);
        }
    }

    @BeforeEach
    void setUp(GuiceJamesServer server) {
        RestAssured.requestSpecification = WebAdminUtils
            .buildRequestSpecification(server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort())
            .build();
    }

    private static final List<String> WORDS = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
        "hotel", "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra",
        "tango");

    private static String gtube(String subject, List<String> recipients) {
        return String.join("\r\n", List.of(
            "From: spammer@outside.example",
            "To: " + String.join(", ", recipients),
            "Subject: " + subject,
            "Message-ID: <" + subject + "@outside.example>",
            "",
            // a body of its own per message: the fingerprints learnt from one must not score the next
            "Spam test for " + subject + ": " + WORDS.stream().map(word -> subject + word).collect(Collectors.joining(" ")),
            GTUBE,
            ""));
    }

    private static String sendFromOutside(GuiceJamesServer server, String subject, List<String> recipients)
        throws Exception {
        try (OutsideSender sender = new OutsideSender(server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue())) {
            return sender.send("spammer@outside.example", recipients, gtube(subject, recipients));
        }
    }

    private static void putPolicy(String user, String json) {
        given().body(json).put("/cleanmail/policies/users/" + user).then().statusCode(204);
    }

    private static int quarantined() {
        return given().urlEncodingEnabled(false).get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails")
            .then().statusCode(200).extract().jsonPath().getList("").size();
    }

    @Test
    @Order(1)
    void spamForRecipientsWhoAllRejectShouldGet550AtTheEndOfDataAndNothingBeKept(GuiceJamesServer server)
        throws Exception {
        putPolicy(REJECTER, REJECT_ALL);
        putPolicy(OTHER_REJECTER, REJECT_ALL);

        String reply = sendFromOutside(server, "refused", List.of(REJECTER, OTHER_REJECTER));

        assertThat(reply).isEqualTo("550 5.7.1 Message refused as spam [CM-SPAM-CERTAIN]");
        given().get("/cleanmail/deletions?recipient=" + REJECTER).then().statusCode(200)
            .body("", hasSize(1))
            .body("[0].action", equalTo("REJECT"))
            .body("[0].messageId", equalTo("<refused@outside.example>"))
            .body("[0].recipients", equalTo(List.of(REJECTER, OTHER_REJECTER)))
            .body("[0].reason", equalTo("CERTAIN_SPAM"));
        assertThat(quarantined()).isZero();
        try (TestIMAPClient imap = inbox(server, REJECTER, AWAIT, 0)) {
            assertThat(imap.getMessageCount(TestIMAPClient.INBOX)).isZero();
        }
    }

    @Test
    @Order(2)
    void aMessageToARejectingAndAnAcceptingRecipientShouldBeAcceptedAndSplit(GuiceJamesServer server) throws Exception {
        putPolicy(KEEPER, "{\"spamAction\": \"DELIVER_TAGGED\", \"certainSpamThreshold\": 5000.0}");

        String reply = sendFromOutside(server, "mixed", List.of(REJECTER, KEEPER));

        assertThat(reply).startsWith("250");
        try (TestIMAPClient keeper = inbox(server, KEEPER, AWAIT, 1)) {
            assertThat(keeper.readFirstMessage()).contains("Subject: [SPAM] mixed")
                .contains("X-CleanMail-Status: Yes, score=1000.0 required=5.0 tests=GTUBE");
        }
        AWAIT.untilAsserted(() -> given().get("/cleanmail/users/" + REJECTER + "/quarantine").then()
            .body("total", equalTo(1))
            .body("entries[0].subject", equalTo("mixed"))
            .body("entries[0].reason", equalTo("CERTAIN_SPAM")));
        given().get("/cleanmail/users/" + KEEPER + "/quarantine").then().body("total", equalTo(0));
        given().get("/cleanmail/deletions?recipient=" + KEEPER).then().body("", hasSize(0));
        // one scan per message: ScoreMessage reused the verdict reached at the end of DATA
        given().get("/cleanmail/status").then().body("scanning.messages", equalTo(2));
    }

    @Test
    @Order(3)
    void rejectShouldBeRefusedWhereItCannotApply() {
        given().body("{\"virusAction\": \"REJECT\"}").put("/cleanmail/policies/users/" + KEEPER).then()
            .statusCode(400)
            .body("details", equalTo("'virusAction' must be one of [QUARANTINE, DELETE], e.g. \"virusAction\":"
                + " \"QUARANTINE\"; got REJECT; REJECT needs a verdict before the end of DATA, and only spam scoring"
                + " runs that early"));
    }

    @Test
    @Order(4)
    void attachReportShouldDeliverTheReportWithTheOriginalAttached(GuiceJamesServer server) throws Exception {
        putPolicy(REPORTED, "{\"spamAction\": \"DELIVER_TAGGED\", \"certainSpamThreshold\": 5000.0,"
            + " \"attachReport\": true}");

        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("spammer@outside.example", REPORTED, gtube("reported", List.of(REPORTED)));

        try (TestIMAPClient imap = inbox(server, REPORTED, AWAIT, 1)) {
            String message = imap.readFirstMessage();
            String headers = message.substring(0, message.indexOf("\r\n\r\n"));
            assertThat(headers).contains("Subject: [SPAM] reported")
                .contains("From: spammer@outside.example")
                .contains("Message-ID: <reported@outside.example>")
                .containsPattern("X-CleanMail-Report: SPAM: Yes, score=10\\d\\d\\.\\d required=5\\.0 tests=\\S*GTUBE")
                .containsPattern("Content-Type: multipart/mixed;\\s+boundary=");
            assertThat(message)
                .containsPattern("Score: 10\\d\\d\\.\\d \\(spam from 5\\.0\\)")
                .containsPattern("1000\\.0 GTUBE +\\S")
                .containsPattern("Content-Type: message/rfc822")
                .contains("Content-Disposition: attachment; filename=original-message.eml")
                .contains("\r\nSubject: reported\r\n")
                .contains("Spam test for reported: reportedalpha reportedbravo")
                .contains("reportedtango\r\n" + GTUBE);
        }
    }
}
