package org.cleanmail.it.dropin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.it.CleanMailServers.DOMAIN;
import static org.cleanmail.it.CleanMailServers.PASSWORD;
import static org.cleanmail.it.CleanMailServers.USER;
import static org.cleanmail.it.CleanMailServers.message;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.apache.james.webadmin.WebAdminUtils;
import org.awaitility.Awaitility;
import org.cleanmail.it.CleanMailServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.RestAssured;

/**
 * The archive from the drop-in JAR (its Lucene shaded and relocated, the index encrypted
 * through it): mail is found by a body word, a re-indexing task shows its details (the
 * task extension from the JAR), and an export downloads as mbox.
 */
class ArchiveDropInJarTest {
    private static final String TOKEN = "quuxbarnacle";

    @RegisterExtension
    static JamesServerExtension james = CleanMailServers.extensionWithDropInJar();

    @RegisterExtension
    SMTPMessageSender smtp = new SMTPMessageSender(DOMAIN);

    @Test
    void archivedMailShouldBeSearchableReindexedAndExported(GuiceJamesServer server) throws Exception {
        server.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN).addUser(USER, PASSWORD);
        RestAssured.requestSpecification = WebAdminUtils
            .buildRequestSpecification(server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort())
            .build();

        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("sender@example.com", USER, message("Drop-in archive", "The " + TOKEN + " word."));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().queryParam("q", "body:" + TOKEN).get("/cleanmail/archive").then()
                .statusCode(200)
                .body("count", equalTo(1)));

        String reindex = given().post("/cleanmail/archive?action=reindex").then().statusCode(201)
            .extract().jsonPath().getString("taskId");
        given().get("/tasks/" + reindex + "/await").then()
            .body("status", equalTo("completed"))
            .body("additionalInformation.seen", equalTo(1))
            .body("additionalInformation.indexed", equalTo(1));

        io.restassured.path.json.JsonPath export = given().queryParam("q", "body:" + TOKEN)
            .post("/cleanmail/archive/exports").then().statusCode(201).extract().jsonPath();
        given().get("/tasks/" + export.getString("taskId") + "/await").then()
            .body("status", equalTo("completed"))
            .body("additionalInformation.exported", equalTo(1));
        String mbox = new String(given().get("/cleanmail/archive/exports/" + export.getString("fileName")).then()
            .statusCode(200).contentType("application/mbox").extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(mbox).startsWith("From sender@example.com ").contains("Subject: Drop-in archive", TOKEN);
    }
}
