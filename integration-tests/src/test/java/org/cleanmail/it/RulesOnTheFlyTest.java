package org.cleanmail.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.it.CleanMailServers.DOMAIN;
import static org.cleanmail.it.CleanMailServers.PASSWORD;
import static org.cleanmail.it.CleanMailServers.QUARANTINE;
import static org.cleanmail.it.CleanMailServers.USER;
import static org.cleanmail.it.CleanMailServers.encodedRepository;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.apache.james.webadmin.WebAdminUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.RestAssured;

/** A rule added over webadmin scores the very next message, without a restart. */
class RulesOnTheFlyTest {
    @RegisterExtension
    static JamesServerExtension james = CleanMailServers.extension();

    @RegisterExtension
    SMTPMessageSender smtp = new SMTPMessageSender(DOMAIN);

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
    void aRuleAddedOverWebadminShouldScoreTheNextMessage(GuiceJamesServer server) throws Exception {
        given().body("body LOCAL_BASE64_WATCHES /cheap\\s+replica\\s+watches/i\n"
                + "describe LOCAL_BASE64_WATCHES Sells replica watches\nscore LOCAL_BASE64_WATCHES 7.5\n")
            .put("/cleanmail/rules/LOCAL_BASE64_WATCHES")
            .then()
            .statusCode(200)
            .body("name", equalTo("LOCAL_BASE64_WATCHES"))
            .body("score", equalTo(7.5f));

        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("sender@example.com", USER, String.join("\r\n",
                "From: sender@example.com", "To: " + USER, "Subject: offer", "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "",
                Base64.getMimeEncoder().encodeToString("Get CHEAP replica   watches today".getBytes()), ""));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
            given().urlEncodingEnabled(false).get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails")
                .then().extract().jsonPath().getList("", String.class)).hasSize(1));
        String key = given().urlEncodingEnabled(false).get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails")
            .then().extract().jsonPath().getString("[0]");
        given().urlEncodingEnabled(false).accept("message/rfc822")
            .get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails/" + key)
            .then().body(containsString("tests=LOCAL_BASE64_WATCHES"));
        given().get("/cleanmail/rules/LOCAL_BASE64_WATCHES").then().body("hits", equalTo(1));
    }

    @Test
    void aRuleThatDoesNotCompileShouldBeRefusedWithItsReason() {
        given().body("body LOCAL_BROKEN /unclosed(group/\nscore LOCAL_BROKEN 1\n")
            .put("/cleanmail/rules/LOCAL_BROKEN")
            .then()
            .statusCode(400)
            .body("details", containsString("LOCAL_BROKEN"));
        given().get("/cleanmail/rules/LOCAL_BROKEN").then().statusCode(404);
    }

    @Test
    void theScoreOfARuleShouldChangeOnTheFly() {
        given().body("3.5").put("/cleanmail/rules/GTUBE/score").then().statusCode(200).body("score", equalTo(3.5f));
        given().get("/cleanmail/rules?q=gtube").then().body("rules.name", equalTo(List.of("GTUBE")));
        given().body("1000").put("/cleanmail/rules/GTUBE/score").then().statusCode(200);
    }
}
