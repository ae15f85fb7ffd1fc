package org.cleanmail.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.it.CleanMailServers.DOMAIN;
import static org.cleanmail.it.CleanMailServers.PASSWORD;
import static org.cleanmail.it.CleanMailServers.QUARANTINE;
import static org.cleanmail.it.CleanMailServers.USER;
import static org.cleanmail.it.CleanMailServers.encodedRepository;
import static org.cleanmail.it.CleanMailServers.message;
import static org.cleanmail.it.CleanMailServers.quarantineKeys;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.james.GuiceJamesServer;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.apache.james.webadmin.WebAdminUtils;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.RestAssured;

/**
 * The Bayes filter in the real server: reports over webadmin and clean mail over SMTP
 * teach it; once it has learnt enough it answers, the rules switch to score set 2 and a
 * message like the reported spam scores BAYES_99.
 */
class BayesLearningTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100));

    @TempDir
    Path workingDirectory;

    @RegisterExtension
    SMTPMessageSender smtp = new SMTPMessageSender(DOMAIN);

    @RegisterExtension
    TestIMAPClient imap = new TestIMAPClient();

    private GuiceJamesServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private void start() throws Exception {
        server = CleanMailServers.createServer(CleanMailServers.configuration(workingDirectory.toFile()));
        Path properties = workingDirectory.resolve("conf/cleanmail.properties");
        Files.writeString(properties, Files.readString(properties, StandardCharsets.UTF_8)
            .replace("bayes.min-spam=200", "bayes.min-spam=3")
            .replace("bayes.min-ham=200", "bayes.min-ham=3"), StandardCharsets.UTF_8);
        server.start();
        RestAssured.requestSpecification = WebAdminUtils
            .buildRequestSpecification(server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort())
            .build();
        server.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN).addUser(USER, PASSWORD);
    }

    private static String spam(int n) {
        return message("Cheap pills " + (100 + n), "Buy cheap viagra and cialis pills online now, discount pharmacy, "
            + "no prescription needed, order number " + (100 + n));
    }

    private static String ham(int n) {
        return message("Minutes " + (100 + n), "Attached are the minutes of the project meeting; agenda item "
            + (100 + n) + " covered the release schedule and the budget review");
    }

    private void report(String message, String as) {
        given().body(message).post("/cleanmail/bayes/reports?as=" + as).then().statusCode(200)
            .body("reported", equalTo(as));
    }

    private void send(String message) throws Exception {
        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("sender@example.com", USER, message);
    }

    @Test
    void reportsAndCleanMailShouldTeachTheFilterUntilItAnswers() throws Exception {
        start();
        for (int i = 0; i < 3; i++) {
            report(spam(i), "spam");
        }
        report(ham(0), "ham");
        report(ham(1), "ham");
        given().get("/cleanmail/bayes").then().statusCode(200)
            .body("spamLearnt", equalTo(3))
            .body("hamLearnt", equalTo(2))
            .body("answers", equalTo(false))
            .body("scoreSet", equalTo(0));
        given().body(spam(7)).post("/cleanmail/bayes/probability").then().statusCode(200)
            .body("probability", nullValue());

        send(ham(2));

        AWAIT.untilAsserted(() -> given().get("/cleanmail/bayes").then().statusCode(200)
            .body("hamLearnt", equalTo(3))
            .body("answers", equalTo(true))
            .body("scoreSet", equalTo(2)));
        float probability = given().body(spam(8)).post("/cleanmail/bayes/probability").then().statusCode(200)
            .extract().path("probability");
        assertThat(probability).isGreaterThan(0.99f);

        send(spam(9));

        // The reports taught the fingerprints too: the near copy is certain spam, quarantined.
        AWAIT.untilAsserted(() -> assertThat(quarantineKeys()).hasSize(1));
        String raw = given().urlEncodingEnabled(false).accept("message/rfc822")
            .get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails/" + quarantineKeys().get(0)).asString();
        assertThat(raw).containsPattern("X-CleanMail-Status: Yes, [^\\r\\n]*tests=[A-Z0-9_,]*BAYES_99,BAYES_999");
        // Scored above fingerprints.learn.threshold: LearnFingerprints taught the Bayes filter too.
        AWAIT.untilAsserted(() -> given().get("/cleanmail/bayes").then().statusCode(200)
            .body("spamLearnt", equalTo(4)));
        imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
            .login(USER, PASSWORD)
            .select(TestIMAPClient.INBOX)
            .awaitMessageCount(AWAIT, 1);
        assertThat(imap.readFirstMessage()).contains("Subject: Minutes 102").contains("tests=none");
    }

    @Test
    void reportsShouldRejectAnUnknownVerdict() throws Exception {
        start();
        given().body(ham(0)).post("/cleanmail/bayes/reports?as=maybe").then()
            .statusCode(400)
            .body("details", equalTo("'as' must be spam or ham, e.g. POST /cleanmail/bayes/reports?as=spam"));
    }
}
