package org.cleanmail.it.dropin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cleanmail.it.CleanMailServers.DOMAIN;
import static org.cleanmail.it.CleanMailServers.GTUBE;
import static org.cleanmail.it.CleanMailServers.PASSWORD;
import static org.cleanmail.it.CleanMailServers.USER;
import static org.cleanmail.it.CleanMailServers.message;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

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
 * James loads CleanMail from the drop-in JAR in extensions-jars/, as on an
 * administrator's server: none of CleanMail's classes is on this test's class path.
 */
class DropInJarTest {
    @RegisterExtension
    static JamesServerExtension james = CleanMailServers.extensionWithDropInJar();

    @RegisterExtension
    SMTPMessageSender smtp = new SMTPMessageSender(DOMAIN);

    @Test
    void cleanMailClassesShouldNotBeOnTheTestClassPath() {
        assertThatThrownBy(() -> Class.forName("org.cleanmail.mailets.ScoreMessage"))
            .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void gtubeShouldBeQuarantinedByTheDropInJar(GuiceJamesServer server) throws Exception {
        server.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN).addUser(USER, PASSWORD);
        RestAssured.requestSpecification = WebAdminUtils
            .buildRequestSpecification(server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort())
            .build();

        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("sender@example.com", USER, message("gtube", "Spam test\r\n" + GTUBE));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().get("/cleanmail/status").then()
                .statusCode(200)
                .body("version", startsWith("0."))
                .body("rules.loaded", greaterThan(1 + 4))
                .body("scanning.spam", equalTo(1))
                .body("quarantine.size", equalTo(1)));
    }
}
