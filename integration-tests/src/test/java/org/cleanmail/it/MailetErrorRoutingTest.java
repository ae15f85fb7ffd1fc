package org.cleanmail.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.it.CleanMailServers.DOMAIN;
import static org.cleanmail.it.CleanMailServers.ERROR;
import static org.cleanmail.it.CleanMailServers.GTUBE;
import static org.cleanmail.it.CleanMailServers.PASSWORD;
import static org.cleanmail.it.CleanMailServers.USER;
import static org.cleanmail.it.CleanMailServers.encodedRepository;
import static org.cleanmail.it.CleanMailServers.message;
import static org.hamcrest.Matchers.hasSize;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.GuiceProbe;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.apache.james.webadmin.WebAdminUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.inject.multibindings.Multibinder;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * When one of CleanMail's mailets fails, the mail goes to the error processor with the
 * cause recorded, and is kept: here the quarantine's storage breaks under the server (its
 * folder replaced by a file, as when a disk goes bad), so quarantining GTUBE fails.
 */
class MailetErrorRoutingTest {
    @RegisterExtension
    static JamesServerExtension james = CleanMailServers.extension(binder -> Multibinder.newSetBinder(binder, GuiceProbe.class)
        .addBinding().to(FileSystemProbe.class));

    @RegisterExtension
    SMTPMessageSender smtp = new SMTPMessageSender(DOMAIN);

    @Test
    void mailShouldGoToTheErrorRepositoryWithItsCauseWhenQuarantiningFails(GuiceJamesServer server) throws Exception {
        server.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN).addUser(USER, PASSWORD);
        RestAssured.requestSpecification = WebAdminUtils
            .buildRequestSpecification(server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort())
            .build();
        breakQuarantineStorage(server);

        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("sender@example.com", USER, message("doomed", "Spam test\r\n" + GTUBE));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().urlEncodingEnabled(false).get("/mailRepositories/" + encodedRepository(ERROR) + "/mails")
                .then().statusCode(200).body("", hasSize(1)));
        String key = given().urlEncodingEnabled(false).get("/mailRepositories/" + encodedRepository(ERROR) + "/mails")
            .then().extract().jsonPath().getString("[0]");
        JsonPath details = given().urlEncodingEnabled(false)
            .get("/mailRepositories/" + encodedRepository(ERROR) + "/mails/" + key)
            .then().statusCode(200).extract().jsonPath();
        assertThat(details.getString("sender")).isEqualTo("sender@example.com");
        assertThat(details.getList("recipients")).containsExactly(USER);
        assertThat(details.getString("error")).contains("Quarantine");
    }

    private static void breakQuarantineStorage(GuiceJamesServer server) throws Exception {
        File quarantine = server.getProbe(FileSystemProbe.class).file(CleanMailServers.QUARANTINE);
        try (Stream<Path> files = Files.walk(quarantine.toPath())) {
            for (Path path : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
        Files.writeString(quarantine.toPath(), "not a folder");
        assertThat(quarantine).isFile();
    }

    /** Resolves James file:// URLs in the server's working folder. */
    public static class FileSystemProbe implements GuiceProbe {
        private final FileSystem fileSystem;

        @Inject
        public FileSystemProbe(FileSystem fileSystem) {
            this.fileSystem = fileSystem;
        }

        File file(String url) throws Exception {
            return fileSystem.getFile(url);
        }
    }
}
