package org.cleanmail.it.sender;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.it.CleanMailServers.DOMAIN;
import static org.cleanmail.it.CleanMailServers.PASSWORD;
import static org.cleanmail.it.CleanMailServers.USER;
import static org.cleanmail.it.CleanMailServers.message;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
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
 * Harvesters and floods refused at SMTP time by a real James server with the shipped
 * configuration (10 unknown recipients per 10 minutes, 10 connections at once, 60 per
 * minute). Each test plays its clients from its own loopback /24, so that counts per
 * network do not mix.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SenderBehaviourTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50));
    private static final String HARVESTER = "127.0.1.2";
    private static final String NORMAL_SENDER = "127.0.2.3";
    private static final String CONCURRENT_FLOOD = "127.0.3.2";
    private static final String RATE_FLOOD = "127.0.4.2";
    private static final String RELAYER = "127.0.5.2";
    private static final String ABUSER = "127.0.6.2";
    private static final String SPAMMER = "127.0.7.2";
    private static final String LIST_SENDER = "127.0.8.2";
    private static final String HARVEST_REFUSAL = "550 5.7.1 Recipients refused to your address [CM-HARVEST]";

    @RegisterExtension
    static JamesServerExtension james = CleanMailServers.extension();

    private static int smtpPort;

    @BeforeAll
    static void createUser(GuiceJamesServer server) throws Exception {
        server.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN).addUser(USER, PASSWORD);
        server.getProbe(DataProbeImpl.class).addAddressMapping("team", DOMAIN, USER);
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
    void harvesterShouldBeRefusedPastTheThresholdWhileANormalSenderIsServed() throws Exception {
        List<String> replies = new ArrayList<>();
        try (OutsideClient harvester = OutsideClient.connect(HARVESTER, smtpPort);
             OutsideClient normal = OutsideClient.connect(NORMAL_SENDER, smtpPort)) {
            assertThat(harvester.helo("harvester.example")).startsWith("250");
            assertThat(harvester.mailFrom("list@harvester.example")).startsWith("250");
            assertThat(normal.helo("normal.example")).startsWith("250");
            assertThat(normal.mailFrom("friend@normal.example")).startsWith("250");
            for (int i = 1; i <= 50; i++) {
                replies.add(harvester.rcptTo("nobody" + i + "@" + DOMAIN));
            }
            String knownToHarvester = harvester.rcptTo(USER);
            assertThat(normal.rcptTo(USER)).startsWith("250");
            assertThat(normal.data(message("served", "Meanwhile, a normal sender is served."))).startsWith("250");

            assertThat(replies.subList(0, 10)).allSatisfy(reply -> assertThat(reply).startsWith("550 5.1.1"));
            assertThat(replies.subList(10, 50)).allSatisfy(reply -> assertThat(reply).isEqualTo(HARVEST_REFUSAL));
            assertThat(knownToHarvester).isEqualTo(HARVEST_REFUSAL);
        }
        try (OutsideClient again = OutsideClient.connect(HARVESTER, smtpPort)) {
            assertThat(again.greeting()).isEqualTo("554 5.7.1 Service refused to your address [CM-HARVEST]");
        }
    }

    @Test
    @Order(2)
    void routesShouldShowWhatTheHooksCounted() {
        given().get("/cleanmail/sender/flags")
            .then().statusCode(200)
            .body("key", hasItem(HARVESTER))
            .body("find { it.key == '" + HARVESTER + "' }.reasonCode", equalTo("CM-HARVEST"))
            .body("find { it.key == '" + HARVESTER + "' }.scope", equalTo("client"));
        given().get("/cleanmail/sender/clients/" + HARVESTER)
            .then().statusCode(200)
            .body("address", equalTo(HARVESTER))
            .body("network", equalTo("127.0.1.0/24"))
            .body("counters.unknownRecipients", equalTo(11))
            .body("flag.reasonCode", equalTo("CM-HARVEST"));
        given().get("/cleanmail/sender/refusals")
            .then().statusCode(200)
            .body("harvest", equalTo(42));
    }

    @Test
    @Order(3)
    void unblockShouldLetTheClientInAtItsNextConnection() throws Exception {
        given().delete("/cleanmail/sender/flags/" + HARVESTER).then().statusCode(204);

        try (OutsideClient harvester = OutsideClient.connect(HARVESTER, smtpPort)) {
            assertThat(harvester.greeting()).startsWith("220");
            assertThat(harvester.send("harvester.example", "list@harvester.example", USER,
                message("reformed", "Hello again"))).startsWith("250");
        }
        given().get("/cleanmail/sender/clients/" + HARVESTER).then().body("flag", nullValue());
        given().delete("/cleanmail/sender/flags/" + HARVESTER).then().statusCode(404)
            .body("message", equalTo(HARVESTER + " is not blocked"));
    }

    @Test
    @Order(4)
    void tooManyConnectionsAtOnceShouldBeCutAndCountedDownWhenClosed() throws Exception {
        List<OutsideClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                OutsideClient client = OutsideClient.connect(CONCURRENT_FLOOD, smtpPort);
                open.add(client);
                assertThat(client.greeting()).startsWith("220");
            }
            try (OutsideClient eleventh = OutsideClient.connect(CONCURRENT_FLOOD, smtpPort)) {
                assertThat(eleventh.greeting())
                    .isEqualTo("421 4.7.0 Too many connections at once, try again later [CM-CONCURRENCY]");
            }
        } finally {
            for (OutsideClient client : open) {
                client.close();
            }
        }
        AWAIT.untilAsserted(() -> given().get("/cleanmail/sender/clients/" + CONCURRENT_FLOOD)
            .then().body("openConnections", equalTo(0)));
        try (OutsideClient later = OutsideClient.connect(CONCURRENT_FLOOD, smtpPort)) {
            assertThat(later.greeting()).startsWith("220");
        }
    }

    @Test
    @Order(5)
    void connectionsFasterThanTheRateShouldBeCut() throws Exception {
        for (int i = 0; i < 60; i++) {
            try (OutsideClient client = OutsideClient.connect(RATE_FLOOD, smtpPort)) {
                assertThat(client.greeting()).as("connection %d", i + 1).startsWith("220");
            }
            int closed = i + 1;
            AWAIT.untilAsserted(() -> given().get("/cleanmail/sender/clients/" + RATE_FLOOD)
                .then().body("openConnections", equalTo(0)).body("counters.connections", equalTo(closed)));
        }
        try (OutsideClient client = OutsideClient.connect(RATE_FLOOD, smtpPort)) {
            assertThat(client.greeting()).isEqualTo("421 4.7.0 Too many connections, try again later [CM-RATE-CONN]");
        }
    }

    @Test
    @Order(6)
    void outsideClientShouldStillBeRefusedRelaying() throws Exception {
        try (OutsideClient relayer = OutsideClient.connect(RELAYER, smtpPort)) {
            assertThat(relayer.helo("relayer.example")).startsWith("250");
            assertThat(relayer.mailFrom("someone@relayer.example")).startsWith("250");
            assertThat(relayer.rcptTo("victim@remote.example")).startsWith("550 5.7.1").contains("relaying denied");
        }
    }

    @Test
    @Order(7)
    void administratorsBlockShouldRefuseTheNextConnection() throws Exception {
        given().queryParam("duration", "2h").queryParam("reason", "abuse report")
            .put("/cleanmail/sender/flags/" + ABUSER)
            .then().statusCode(200)
            .body("key", equalTo(ABUSER))
            .body("reasonCode", equalTo("CM-BLOCKED"))
            .body("reason", equalTo("abuse report"));

        try (OutsideClient client = OutsideClient.connect(ABUSER, smtpPort)) {
            assertThat(client.greeting()).isEqualTo("554 5.7.1 Service refused to your address [CM-BLOCKED]");
        }
        given().queryParam("duration", "forever").put("/cleanmail/sender/flags/" + ABUSER)
            .then().statusCode(400)
            .body("details", equalTo("'duration' must be like 30m, 1h, 7d or PT1H; got 'forever'"));
    }

    @Test
    @Order(8)
    void spamScoredFromAClientShouldEarnItABadReputation() throws Exception {
        try (OutsideClient spammer = OutsideClient.connect(SPAMMER, smtpPort)) {
            assertThat(spammer.helo("spammer.example")).startsWith("250");
            for (int i = 0; i < 6; i++) {
                assertThat(spammer.mailFrom("offers@spammer.example")).startsWith("250");
                assertThat(spammer.rcptTo(USER)).startsWith("250");
                assertThat(spammer.data(message("offer " + i, CleanMailServers.GTUBE))).startsWith("250");
            }
        }

        AWAIT.untilAsserted(() -> given().get("/cleanmail/sender/clients/" + SPAMMER)
            .then().statusCode(200)
            .body("reputation.spam", equalTo(6.0f))
            .body("reputation.accepted", equalTo(6.0f))
            .body("counters.messages", equalTo(6))
            .body("counters.recipients", equalTo(6))
            .body("reputationHits[0].name", equalTo("SENDER_BAD_REPUTATION")));
    }

    @Test
    @Order(9)
    void recipientsKnownThroughTheRecipientRewriteTableShouldNeverCountAsUnknown() throws Exception {
        try (OutsideClient client = OutsideClient.connect(LIST_SENDER, smtpPort)) {
            assertThat(client.helo("lists.example")).startsWith("250");
            assertThat(client.mailFrom("digest@lists.example")).startsWith("250");
            for (int i = 0; i < 15; i++) {
                assertThat(client.rcptTo("team@" + DOMAIN)).as("RCPT %d", i + 1).startsWith("250");
            }
        }
        given().get("/cleanmail/sender/clients/" + LIST_SENDER).then()
            .body("counters.unknownRecipients", equalTo(0))
            .body("flag", nullValue());
    }
}
