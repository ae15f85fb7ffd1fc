package org.cleanmail.it.fingerprint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.it.CleanMailServers.DOMAIN;
import static org.cleanmail.it.CleanMailServers.PASSWORD;
import static org.cleanmail.it.CleanMailServers.USER;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.SMTPMessageSender;
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
import org.junit.jupiter.api.io.TempDir;

import io.restassured.RestAssured;

/**
 * Bulk learning over webadmin on a real James: a folder of corpus spam is learnt by a task
 * whose progress is read at {@code /tasks/{id}}; a near copy of one of them, sent over
 * SMTP, is then caught by its fingerprint.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulkLearningTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100));
    private static final Path CORPUS_SPAM = Path.of(System.getProperty("cleanmail.corpus"), "spamassassin-public", "spam");
    private static final List<String> LEARNT = List.of("00003.eml", "00005.eml", "00010.eml");

    @TempDir
    static Path folder;

    @RegisterExtension
    static JamesServerExtension james = CleanMailServers.extension();

    @RegisterExtension
    SMTPMessageSender smtp = new SMTPMessageSender(DOMAIN);

    @BeforeAll
    static void setUpServer(GuiceJamesServer server) throws Exception {
        server.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN).addUser(USER, PASSWORD);
        Path spam = Files.createDirectories(folder.resolve("campaigns/nested"));
        for (String name : LEARNT) {
            Files.copy(CORPUS_SPAM.resolve(name), (name.equals("00010.eml") ? spam : spam.getParent()).resolve(name));
        }
    }

    @BeforeEach
    void setUp(GuiceJamesServer server) {
        RestAssured.requestSpecification = WebAdminUtils
            .buildRequestSpecification(server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort())
            .build();
    }

    @Test
    @Order(1)
    void aFolderShouldBeLearntByATaskShowingItsProgress() {
        String source = folder.resolve("campaigns").toString();
        String taskId = given().queryParam("as", "spam").queryParam("source", source)
            .post("/cleanmail/fingerprints/learn").then().statusCode(201)
            .extract().jsonPath().getString("taskId");

        given().get("/tasks/" + taskId + "/await").then().statusCode(200)
            .body("status", equalTo("completed"))
            .body("type", equalTo("cleanmail-fingerprints-learn"))
            .body("additionalInformation.as", equalTo("spam"))
            .body("additionalInformation.sources", equalTo(List.of(source)))
            .body("additionalInformation.filesSeen", equalTo(3))
            .body("additionalInformation.messagesSeen", equalTo(3))
            .body("additionalInformation.learned", equalTo(3))
            .body("additionalInformation.failed", equalTo(0));
        given().get("/cleanmail/fingerprints/stats").then().body("bySource.ADMIN", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    @Order(2)
    void aNearCopySentOverSmtpShouldBeCaughtByItsFingerprint(GuiceJamesServer server) throws Exception {
        String original = Files.readString(CORPUS_SPAM.resolve("00003.eml"), StandardCharsets.ISO_8859_1);
        String body = original.substring(original.indexOf("\n\n") + 2)
            .replace("Have a Wonderful Day", "Have a great weekend")
            .replace("Offer Manager", "Your friends");
        String nearCopy = String.join("\r\n", List.of(
            "From: offers@elsewhere.example",
            "To: " + USER,
            "Subject: five fresh offers for you",
            "Message-ID: <near-copy@elsewhere.example>",
            "",
            body.replace("\r\n", "\n").replace("\n", "\r\n")));

        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("offers@elsewhere.example", USER, nearCopy);

        AWAIT.untilAsserted(() -> given().get("/cleanmail/users/" + USER + "/quarantine").then()
            .body("total", equalTo(1))
            .body("entries[0].subject", equalTo("five fresh offers for you"))
            .body("entries[0].hits", hasItem(startsWith("FINGERPRINT_"))));
    }

    @Test
    @Order(3)
    void invalidRequestsShouldBeRefusedWithThe400Reason() {
        given().queryParam("as", "spam").queryParam("source", "relative/folder")
            .post("/cleanmail/fingerprints/learn").then().statusCode(400)
            .body("details", equalTo("'source' must be an absolute path on the server, e.g. /srv/corpus/spam;"
                + " got 'relative/folder'"));
        given().queryParam("as", "spam").queryParam("source", folder.resolve("missing").toString())
            .post("/cleanmail/fingerprints/learn").then().statusCode(400)
            .body("details", startsWith("'source' must be an existing folder or message/mbox file"));
        given().queryParam("as", "maybe").queryParam("source", folder.toString())
            .post("/cleanmail/fingerprints/learn").then().statusCode(400)
            .body("details", startsWith("'as' must be spam or ham; got 'maybe'"));
        given().queryParam("as", "ham").post("/cleanmail/fingerprints/learn").then().statusCode(400);
        assertThat(folder).isDirectory();
    }
}
