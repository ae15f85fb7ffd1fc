package org.cleanmail.it.sender;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.it.CleanMailServers.USER;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.james.GuiceJamesServer;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.apache.james.webadmin.WebAdminUtils;
import org.cleanmail.it.CleanMailServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.RestAssured;

/** The blacklist and the personal lists are files in the state folder: a restart keeps them. */
class ListsSurviveRestartTest {
    private static final String LISTED_CLIENT = "127.0.9.2";

    @TempDir
    Path workingDirectory;

    @Test
    void listsShouldSurviveARestart() throws Exception {
        GuiceJamesServer first = start();
        try {
            given().body("{\"reason\": \"kept\"}").put("/cleanmail/blacklist/ip/" + LISTED_CLIENT).then().statusCode(204);
            given().put("/cleanmail/personal-lists/" + USER + "/white/friend@x.example").then().statusCode(204);
        } finally {
            first.stop();
        }
        assertThat(Files.readString(workingDirectory.resolve("var/cleanmail/blacklist.txt"), StandardCharsets.UTF_8))
            .contains("ip " + LISTED_CLIENT + " code=CM-BL-IP added-by=webadmin");

        GuiceJamesServer second = start();
        try {
            try (OutsideClient client = OutsideClient.connect(LISTED_CLIENT,
                second.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue())) {
                assertThat(client.greeting()).isEqualTo("554 5.7.1 Connection refused [CM-BL-IP]");
            }
            given().get("/cleanmail/blacklist/ip/" + LISTED_CLIENT).then().statusCode(200).body("reason", equalTo("kept"));
            given().get("/cleanmail/personal-lists/" + USER).then().statusCode(200)
                .body("white", equalTo(List.of("friend@x.example")));
        } finally {
            second.stop();
        }
    }

    private GuiceJamesServer start() throws Exception {
        GuiceJamesServer server = CleanMailServers.createServer(CleanMailServers.configuration(workingDirectory.toFile()));
        server.start();
        RestAssured.requestSpecification = WebAdminUtils
            .buildRequestSpecification(server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort())
            .build();
        return server;
    }
}
