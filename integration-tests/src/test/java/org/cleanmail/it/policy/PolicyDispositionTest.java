package org.cleanmail.it.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.it.CleanMailServers.DOMAIN;
import static org.cleanmail.it.CleanMailServers.GTUBE;
import static org.cleanmail.it.CleanMailServers.PASSWORD;
import static org.cleanmail.it.CleanMailServers.QUARANTINE;
import static org.cleanmail.it.CleanMailServers.encodedRepository;
import static org.cleanmail.it.CleanMailServers.inbox;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
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
import org.cleanmail.it.CleanMailServers;
import org.cleanmail.james.policy.PolicyClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.RestAssured;

/**
 * Policies and disposition on a real James with the shipped configuration: per-recipient
 * outcomes of one message, release over webadmin, retention purge with a moved clock,
 * policy changes at the next message, per-user views, deletions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyDispositionTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100));
    private static final String TAGGED = "tagged@" + DOMAIN;
    private static final String QUARANTINED = "quarantined@" + DOMAIN;
    private static final String CLEAN = "clean@" + DOMAIN;
    private static final String SHORT = "short@" + DOMAIN;
    private static final String LONG = "long@" + DOMAIN;
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

    @RegisterExtension
    static JamesServerExtension james = CleanMailServers.extension(
        binder -> binder.bind(PolicyClock.class).toInstance(new PolicyClock(CLOCK)));

    @RegisterExtension
    SMTPMessageSender smtp = new SMTPMessageSender(DOMAIN);

    @BeforeAll
    static void createUsers(GuiceJamesServer server) throws Exception {
        DataProbeImpl.FluentDataProbe probe = server.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN);
        for (String user : List.of(TAGGED, QUARANTINED, CLEAN, SHORT, LONG)) {
            probe.addUser(user, PASSWORD);
        }
    }

    @BeforeEach
    void setUp(GuiceJamesServer server) {
        RestAssured.requestSpecification = WebAdminUtils
            .buildRequestSpecification(server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort())
            .build();
    }

    private void sendGtube(GuiceJamesServer server, String subject, List<String> recipients) throws Exception {
        String message = String.join("\r\n", List.of(
            "From: sender@example.com",
            "To: " + String.join(", ", recipients),
            "Subject: " + subject,
            "Message-ID: <" + subject + "@example.com>",
            "",
            "Spam test",
            GTUBE,
            ""));
        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("sender@example.com", recipients, message);
    }

    private static void putPolicy(String path, String json) {
        given().body(json).put("/cleanmail/policies/" + path).then().statusCode(204);
    }

    private static int userEntries(String user) {
        return given().get("/cleanmail/users/" + user + "/quarantine").then().statusCode(200)
            .extract().jsonPath().getInt("total");
    }

    @Test
    @Order(1)
    void recipientsWithThreePoliciesShouldGetThreeOutcomesOfOneMessage(GuiceJamesServer server) throws Exception {
        putPolicy("users/" + TAGGED, "{\"spamAction\": \"DELIVER_TAGGED\", \"certainSpamThreshold\": 5000.0}");
        putPolicy("users/" + CLEAN, "{\"spamThreshold\": 5000.0, \"certainSpamThreshold\": 5000.0}");

        sendGtube(server, "three", List.of(TAGGED, QUARANTINED, CLEAN));

        try (TestIMAPClient tagged = inbox(server, TAGGED, AWAIT, 1)) {
            assertThat(tagged.readFirstMessage())
                .contains("Subject: [SPAM] three")
                .contains("X-CleanMail-Report: SPAM: Yes, score=1000.0 required=5.0 tests=GTUBE");
        }
        try (TestIMAPClient clean = inbox(server, CLEAN, AWAIT, 1)) {
            assertThat(clean.readFirstMessage()).contains("Subject: three").doesNotContain("[SPAM]");
        }
        AWAIT.untilAsserted(() -> assertThat(userEntries(QUARANTINED)).isEqualTo(1));
        given().get("/cleanmail/quarantine").then().statusCode(200)
            .body("total", equalTo(1))
            .body("entries[0].recipient", equalTo(QUARANTINED))
            .body("entries[0].score", equalTo(1000.0f))
            .body("entries[0].hits", equalTo(List.of("GTUBE")))
            .body("entries[0].reason", equalTo("CERTAIN_SPAM"));
        given().get("/cleanmail/status").then().body("quarantine.size", equalTo(1));
        try (TestIMAPClient quarantined = inbox(server, QUARANTINED, AWAIT, 0)) {
            assertThat(quarantined.getMessageCount(TestIMAPClient.INBOX)).isZero();
        }
    }

    @Test
    @Order(2)
    void aUserViewShouldNeverShowAnotherUsersEntries() {
        assertThat(userEntries(TAGGED)).isZero();
        given().get("/cleanmail/users/" + TAGGED + "/quarantine?recipient=" + QUARANTINED).then()
            .statusCode(200).body("total", equalTo(0)).body("entries", hasSize(0));
        given().get("/cleanmail/users/" + QUARANTINED + "/quarantine").then()
            .body("entries.recipient", equalTo(List.of(QUARANTINED)));
    }

    @Test
    @Order(3)
    void anEntryShouldShowItsHeadersAndPreviewAndDownload() {
        String key = given().get("/cleanmail/users/" + QUARANTINED + "/quarantine").then()
            .extract().jsonPath().getString("entries[0].key");

        given().get("/cleanmail/quarantine/" + key + "/" + QUARANTINED).then().statusCode(200)
            .body("subject", equalTo("three"))
            .body("preview", containsString("Spam test"))
            .body("headers.name", org.hamcrest.Matchers.hasItem("X-CleanMail-Status"));
        String raw = given().get("/cleanmail/quarantine/" + key + "/" + QUARANTINED + "/raw").then().statusCode(200)
            .contentType("message/rfc822").extract().asString();
        assertThat(raw).contains("Subject: three");
        given().get("/cleanmail/quarantine/" + key + "/nobody@" + DOMAIN).then().statusCode(404);
    }

    @Test
    @Order(4)
    void releasedMessageShouldBeReadOverImapWithTheReleaseMarkAndNotBeQuarantinedAgain(GuiceJamesServer server)
        throws Exception {
        String key = given().get("/cleanmail/users/" + QUARANTINED + "/quarantine").then()
            .extract().jsonPath().getString("entries[0].key");

        given().post("/cleanmail/quarantine/" + key + "/" + QUARANTINED + "/release?whitelist=true").then().statusCode(204);

        try (TestIMAPClient imap = inbox(server, QUARANTINED, AWAIT, 1)) {
            assertThat(imap.readFirstMessage()).contains("Subject: three").contains("X-CleanMail-Released: yes");
        }
        assertThat(userEntries(QUARANTINED)).isZero();
        given().urlEncodingEnabled(false).get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails")
            .then().body("", hasSize(0));
        given().get("/cleanmail/personal-lists/" + QUARANTINED).then().body("white", equalTo(List.of("sender@example.com")));
        given().post("/cleanmail/quarantine/" + key + "/" + QUARANTINED + "/release").then().statusCode(404);
    }

    @Test
    @Order(5)
    void aPolicyChangeShouldApplyToTheNextMessageAndDeletionsBeCounted(GuiceJamesServer server) throws Exception {
        putPolicy("users/" + CLEAN, "{\"certainSpamAction\": \"DELETE\"}");
        given().get("/cleanmail/policies/users/" + CLEAN + "/effective").then().statusCode(200)
            .body("certainSpamAction.value", equalTo("DELETE"))
            .body("certainSpamAction.sourceName", equalTo(CLEAN))
            .body("spamThreshold.value", equalTo(5.0f));

        sendGtube(server, "deleted", List.of(CLEAN));

        AWAIT.untilAsserted(() -> given().get("/cleanmail/deletions?recipient=" + CLEAN).then()
            .body("", hasSize(1))
            .body("[0].messageId", equalTo("<deleted@example.com>"))
            .body("[0].reason", equalTo("CERTAIN_SPAM")));
        try (TestIMAPClient clean = inbox(server, CLEAN, AWAIT, 1)) {
            assertThat(clean.getMessageCount(TestIMAPClient.INBOX)).isEqualTo(1);
        }
        assertThat(userEntries(CLEAN)).isZero();
    }

    @Test
    @Order(6)
    void retentionPurgeShouldRemoveOnlyExpiredEntries(GuiceJamesServer server) throws Exception {
        putPolicy("users/" + SHORT, "{\"quarantineRetentionDays\": 1}");
        sendGtube(server, "retention", List.of(SHORT, LONG));
        AWAIT.untilAsserted(() -> {
            assertThat(userEntries(SHORT)).isEqualTo(1);
            assertThat(userEntries(LONG)).isEqualTo(1);
        });

        // different retentions are different treatments: one copy each, so the purge deletes SHORT's copy
        CLOCK.advance(Duration.ofDays(2));
        String taskId = given().post("/cleanmail/quarantine?action=purge").then().statusCode(201)
            .extract().jsonPath().getString("taskId");
        given().get("/tasks/" + taskId + "/await").then().statusCode(200)
            .body("status", equalTo("completed"))
            .body("type", equalTo("cleanmail-quarantine-purge"))
            .body("additionalInformation.expiredEntries", equalTo(1))
            .body("additionalInformation.purgedEntries", equalTo(1))
            .body("additionalInformation.deletedMails", equalTo(1));

        assertThat(userEntries(SHORT)).isZero();
        assertThat(userEntries(LONG)).isEqualTo(1);
        given().urlEncodingEnabled(false).get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails")
            .then().body("", hasSize(1));
    }

    @Test
    @Order(7)
    void aUserShouldReleaseTheirOwnMailOnlyWhenTheirPolicyAllowsIt(GuiceJamesServer server) throws Exception {
        String key = given().get("/cleanmail/users/" + LONG + "/quarantine").then()
            .extract().jsonPath().getString("entries[0].key");
        putPolicy("users/" + LONG, "{\"usersMayRelease\": false}");

        given().post("/cleanmail/users/" + LONG + "/quarantine/" + key + "/release").then().statusCode(403);
        given().post("/cleanmail/users/" + TAGGED + "/quarantine/" + key + "/release").then().statusCode(404);

        putPolicy("users/" + LONG, "{\"usersMayRelease\": true}");
        given().post("/cleanmail/users/" + LONG + "/quarantine/" + key + "/release").then().statusCode(204);
        try (TestIMAPClient imap = inbox(server, LONG, AWAIT, 1)) {
            assertThat(imap.readFirstMessage()).contains("Subject: retention").contains("X-CleanMail-Released: yes");
        }
    }

    @Test
    @Order(8)
    void badRequestsShouldGetPrecise400sAndUnknownOnes404s() {
        given().body("{\"spamAction\": \"EXPLODE\"}").put("/cleanmail/policies/users/" + CLEAN).then()
            .statusCode(400).body("details", containsString("spamAction"));
        given().get("/cleanmail/quarantine?minScore=high").then().statusCode(400)
            .body("details", equalTo("'minScore' must be a number, e.g. minScore=5.0; got 'high'"));
        given().get("/cleanmail/quarantine?sort=size").then().statusCode(400)
            .body("details", equalTo("'sort' must be arrival, -arrival, score or -score, e.g. sort=-score; got 'size'"));
        given().post("/cleanmail/quarantine?action=wipe").then().statusCode(400)
            .body("details", equalTo("'action' must be purge, e.g. POST /cleanmail/quarantine?action=purge; got 'wipe'"));
        given().get("/cleanmail/policies/domains/nowhere.example").then().statusCode(404);
    }

    @Test
    @Order(9)
    void scopesShouldBeManagedOverWebadminAndMergedMostSpecificFirst() {
        putPolicy("global", "{\"quarantineRetentionDays\": 20}");
        putPolicy("domains/" + DOMAIN, "{\"subjectPrefix\": \"[JUNK]\"}");
        putPolicy("groups/sales", "{\"spamThreshold\": 7.5}");
        given().put("/cleanmail/policies/groups/sales/members/" + SHORT).then().statusCode(204);

        given().get("/cleanmail/policies/groups/sales").then().statusCode(200)
            .body("members", equalTo(List.of(SHORT)))
            .body("policy.spamThreshold", equalTo(7.5f));
        given().get("/cleanmail/policies/domains").then().statusCode(200)
            .body("'" + DOMAIN + "'.subjectPrefix", equalTo("[JUNK]"));
        given().get("/cleanmail/policies/users/" + SHORT + "/effective").then().statusCode(200)
            .body("quarantineRetentionDays.value", equalTo(1))
            .body("quarantineRetentionDays.source", equalTo("USER"))
            .body("spamThreshold.value", equalTo(7.5f))
            .body("spamThreshold.source", equalTo("GROUP"))
            .body("subjectPrefix.value", equalTo("[JUNK]"))
            .body("subjectPrefix.source", equalTo("DOMAIN"))
            .body("usersMayRelease.source", equalTo("BUILT_IN"));
        given().get("/cleanmail/policies/users/" + LONG + "/effective").then()
            .body("quarantineRetentionDays.value", equalTo(20))
            .body("quarantineRetentionDays.source", equalTo("GLOBAL"));

        given().delete("/cleanmail/policies/groups/sales/members/" + SHORT).then().statusCode(204);
        given().delete("/cleanmail/policies/groups/sales/members/" + SHORT).then().statusCode(404);
        given().put("/cleanmail/policies/groups/nosuch/members/" + SHORT).then().statusCode(404);
        given().delete("/cleanmail/policies/groups/sales").then().statusCode(204);
        given().delete("/cleanmail/policies/global").then().statusCode(204);
        given().get("/cleanmail/policies/global").then().statusCode(404);
        given().delete("/cleanmail/policies/domains/" + DOMAIN).then().statusCode(204);
    }

    @Test
    @Order(10)
    void spamFolderDeliveryShouldFileTheTaggedMailInTheRecipientsSpamFolder(GuiceJamesServer server) throws Exception {
        putPolicy("users/" + SHORT, "{\"spamAction\": \"DELIVER_TO_SPAM_FOLDER\", \"certainSpamThreshold\": 5000.0, "
            + "\"addSpamAssassinHeaders\": true}");

        sendGtube(server, "junk", List.of(SHORT));

        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
                .login(SHORT, PASSWORD);
            AWAIT.untilAsserted(() -> assertThat(imap.getMessageCount("Spam")).isEqualTo(1));
            imap.select("Spam");
            assertThat(imap.readFirstMessage()).contains("Subject: [SPAM] junk").contains("X-Spam-Flag: YES");
            assertThat(imap.getMessageCount(TestIMAPClient.INBOX)).isZero();
        }
    }
}
