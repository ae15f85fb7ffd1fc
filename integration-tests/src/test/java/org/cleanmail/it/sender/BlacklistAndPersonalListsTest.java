package org.cleanmail.it.sender;

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
import io.restassured.http.ContentType;

/**
 * The blacklist and personal lists, managed over webadmin, applied by a real James server
 * with the shipped configuration from the next connection on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BlacklistAndPersonalListsTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100));
    private static final String OTHER_USER = "other@" + DOMAIN;
    private static final String LISTED_CLIENT = "127.0.6.2";
    private static final String OUTSIDE = "127.0.7.2";

    @RegisterExtension
    static JamesServerExtension james = CleanMailServers.extension();

    @RegisterExtension
    TestIMAPClient imap = new TestIMAPClient();

    private static int smtpPort;

    @BeforeAll
    static void createUsers(GuiceJamesServer server) throws Exception {
        server.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN).addUser(USER, PASSWORD)
            .addUser(OTHER_USER, PASSWORD);
        smtpPort = server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
    }

    @BeforeEach
    void setUp(GuiceJamesServer server) {
        RestAssured.requestSpecification = WebAdminUtils
            .buildRequestSpecification(server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort())
            .build();
    }

    @Test
    @Order(1)
    void blacklistedIpShouldBeRefusedAtConnectFromTheNextConnection() throws Exception {
        try (OutsideClient before = OutsideClient.connect(LISTED_CLIENT, smtpPort)) {
            assertThat(before.greeting()).startsWith("220");
        }

        given().body("{\"reason\": \"dictionary attack\", \"addedBy\": \"alice\"}")
            .put("/cleanmail/blacklist/ip/" + LISTED_CLIENT).then().statusCode(204);

        try (OutsideClient after = OutsideClient.connect(LISTED_CLIENT, smtpPort)) {
            assertThat(after.greeting()).isEqualTo("554 5.7.1 Connection refused [CM-BL-IP]");
        }
        given().get("/cleanmail/blacklist/ip/" + LISTED_CLIENT)
            .then().statusCode(200)
            .body("kind", equalTo("ip"))
            .body("value", equalTo(LISTED_CLIENT))
            .body("reason", equalTo("dictionary attack"))
            .body("addedBy", equalTo("alice"))
            .body("code", equalTo("CM-BL-IP"))
            .body("active", equalTo(true));
    }

    @Test
    @Order(2)
    void removedIpShouldBeServedAgain() throws Exception {
        given().delete("/cleanmail/blacklist/ip/" + LISTED_CLIENT).then().statusCode(204);

        try (OutsideClient after = OutsideClient.connect(LISTED_CLIENT, smtpPort)) {
            assertThat(after.greeting()).startsWith("220");
        }
        given().delete("/cleanmail/blacklist/ip/" + LISTED_CLIENT).then().statusCode(404)
            .body("message", equalTo("no ip entry for " + LISTED_CLIENT + " in the blacklist"));
    }

    @Test
    @Order(3)
    void blacklistedNetworkDomainAddressAndHeloShouldBeRefusedWithTheirCodes() throws Exception {
        given().contentType(ContentType.TEXT).body(String.join("\n",
                "# imported",
                "cidr 127.0.8.0/24 reason=\"snowshoe\"",
                "domain spam.example subdomains",
                "address pest@bulk.example code=CM-BL-PEST",
                "helo evil.example",
                "ip not-an-address"))
            .post("/cleanmail/blacklist/import")
            .then().statusCode(200)
            .body("imported", equalTo(4))
            .body("problems", hasSize(1))
            .body("problems[0].line", equalTo(6));

        try (OutsideClient network = OutsideClient.connect("127.0.8.9", smtpPort)) {
            assertThat(network.greeting()).isEqualTo("554 5.7.1 Connection refused [CM-BL-NET]");
        }
        try (OutsideClient client = OutsideClient.connect(OUTSIDE, smtpPort)) {
            assertThat(client.helo("evil.example")).isEqualTo("550 5.7.1 HELO name refused [CM-BL-HELO]");
            assertThat(client.command("EHLO Evil.Example")).isEqualTo("550 5.7.1 HELO name refused [CM-BL-HELO]");
            assertThat(client.helo("fine.example")).startsWith("250");
            assertThat(client.mailFrom("anyone@news.spam.example")).isEqualTo("550 5.7.1 Sender refused [CM-BL-DOMAIN]");
            assertThat(client.mailFrom("pest@bulk.example")).isEqualTo("550 5.7.1 Sender refused [CM-BL-PEST]");
            assertThat(client.mailFrom("friend@bulk.example")).startsWith("250");
        }
        String exported = given().get("/cleanmail/blacklist/export").then().statusCode(200).extract().asString();
        assertThat(exported)
            .contains("cidr 127.0.8.0/24 code=CM-BL-NET")
            .contains("domain spam.example subdomains code=CM-BL-DOMAIN")
            .contains("address pest@bulk.example code=CM-BL-PEST")
            .contains("helo evil.example code=CM-BL-HELO");
        given().get("/cleanmail/blacklist/cidr/127.0.8.0/24").then().statusCode(200)
            .body("reason", equalTo("snowshoe"));
        given().get("/cleanmail/blacklist?kind=cidr").then().statusCode(200)
            .body("value", equalTo(List.of("127.0.8.0/24")));
        given().delete("/cleanmail/blacklist/cidr/127.0.8.0/24").then().statusCode(204);
        try (OutsideClient network = OutsideClient.connect("127.0.8.9", smtpPort)) {
            assertThat(network.greeting()).startsWith("220");
        }
    }

    @Test
    @Order(4)
    void badInputShouldGetPrecise400s() {
        given().put("/cleanmail/blacklist/colour/red").then().statusCode(400)
            .body("statusCode", equalTo(400))
            .body("type", equalTo("InvalidArgument"))
            .body("message", equalTo("Invalid arguments supplied in the user request"))
            .body("details", equalTo("unknown kind 'colour'; expected ip, cidr, domain, address or helo"));
        given().body("{\"expires\": \"tomorrow\"}").put("/cleanmail/blacklist/ip/203.0.113.7").then().statusCode(400)
            .body("details", equalTo("'expires' must be an ISO-8601 UTC instant, e.g. 2026-12-31T00:00:00Z; got 'tomorrow'"));
        given().get("/cleanmail/sender/clients/not-an-ip").then().statusCode(400)
            .body("details", equalTo("'not-an-ip' is not an IP address, e.g. 203.0.113.7 or 2001:db8::1"));
        given().put("/cleanmail/personal-lists/" + USER + "/grey/friend@x.example").then().statusCode(400)
            .body("details", equalTo("unknown list 'grey'; expected white or black"));
    }

    @Test
    @Order(5)
    void personalListsShouldDeliverWhitelistedSpamAndQuarantineBlacklistedHamPerRecipient() throws Exception {
        given().put("/cleanmail/personal-lists/" + USER + "/white/friend@trusted.example").then().statusCode(204);
        given().put("/cleanmail/personal-lists/" + USER + "/black/annoy.example").then().statusCode(204);
        given().get("/cleanmail/personal-lists/" + USER).then().statusCode(200)
            .body("white", equalTo(List.of("friend@trusted.example")))
            .body("black", equalTo(List.of("annoy.example")));

        try (OutsideClient client = OutsideClient.connect(OUTSIDE, smtpPort)) {
            assertThat(client.send("trusted.example", "friend@trusted.example", USER,
                message("whitelisted gtube", "A joke between friends\r\n" + GTUBE))).startsWith("250");
        }
        try (OutsideClient client = OutsideClient.connect(OUTSIDE, smtpPort)) {
            assertThat(client.helo("annoy.example")).startsWith("250");
            assertThat(client.mailFrom("news@annoy.example")).startsWith("250");
            assertThat(client.rcptTo(USER)).startsWith("250");
            assertThat(client.rcptTo(OTHER_USER)).startsWith("250");
            assertThat(client.data(message("newsletter", "Buy our things"))).startsWith("250");
        }

        AWAIT.untilAsserted(() -> given().urlEncodingEnabled(false)
            .get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails")
            .then().statusCode(200).body("", hasSize(1)));
        String key = given().urlEncodingEnabled(false).get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails")
            .then().extract().jsonPath().getString("[0]");
        given().urlEncodingEnabled(false).get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails/" + key)
            .then().statusCode(200)
            .body("sender", equalTo("news@annoy.example"))
            .body("recipients", equalTo(List.of(USER)));

        imap.connect("127.0.0.1", imapPort())
            .login(USER, PASSWORD)
            .select(TestIMAPClient.INBOX)
            .awaitMessageCount(AWAIT, 1);
        assertThat(imap.readFirstMessage()).contains("Subject: whitelisted gtube");
        imap.connect("127.0.0.1", imapPort())
            .login(OTHER_USER, PASSWORD)
            .select(TestIMAPClient.INBOX)
            .awaitMessageCount(AWAIT, 1);
        assertThat(imap.readFirstMessage()).contains("Subject: newsletter");
    }

    @Test
    @Order(6)
    void removingFromAPersonalListShouldAnswer204ThenNotFound() {
        given().delete("/cleanmail/personal-lists/" + USER + "/black/annoy.example").then().statusCode(204);
        given().delete("/cleanmail/personal-lists/" + USER + "/black/annoy.example").then().statusCode(404)
            .body("message", equalTo("annoy.example is not on the black list of " + USER));
        given().get("/cleanmail/personal-lists").then().statusCode(200).body("", equalTo(List.of(USER)));
    }

    private static int imapPort() {
        return james.getGuiceJamesServer().getProbe(ImapGuiceProbe.class).getImapPort();
    }
}
