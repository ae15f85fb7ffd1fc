package org.cleanmail.it.archive;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.it.CleanMailServers.DOMAIN;
import static org.cleanmail.it.CleanMailServers.PASSWORD;
import static org.cleanmail.it.CleanMailServers.USER;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerBuilder;
import org.apache.james.JamesServerExtension;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.mboxiterator.CharBufferWrapper;
import org.apache.james.mime4j.mboxiterator.MboxIterator;
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

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Mail sent over SMTP to the real server is archived by the shipped pipeline and found
 * through webadmin: admin search, personal search, fetch, raw, tampering, status.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArchiveSearchTest {
    static final String OTHER_USER = "other@" + DOMAIN;
    static final String INVOICE_TOKEN = "zorblaxquintet";
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100));
    private static Path workingDirectory;

    @RegisterExtension
    static JamesServerExtension james = new JamesServerBuilder<MemoryJamesConfiguration>(folder -> {
        workingDirectory = folder.toPath();
        return CleanMailServers.configuration(folder);
    })
        .server(CleanMailServers::createServer)
        .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
        .build();

    @BeforeAll
    static void sendMail(GuiceJamesServer server) throws Exception {
        server.getProbe(DataProbeImpl.class).fluent().addDomain(DOMAIN).addUser(USER, PASSWORD)
            .addUser(OTHER_USER, PASSWORD);
        RestAssured.requestSpecification = WebAdminUtils
            .buildRequestSpecification(server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort())
            .build();
        try (SMTPMessageSender smtp = new SMTPMessageSender(DOMAIN)) {
            smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort());
            smtp.sendMessageWithHeaders("alice@example.com", USER, message("alice@example.com", USER,
                "Quarterly invoice", "Please find the amounts due. Reference " + INVOICE_TOKEN + "."));
            smtp.sendMessageWithHeaders("bob@example.com", OTHER_USER, message("bob@example.com", OTHER_USER,
                "Holiday plans", "Shall we meet at the old lighthouse on Sunday?"));
            smtp.sendMessageWithHeaders("carol@example.com", USER, message("carol@example.com", USER,
                "Evidence", "This one will be tampered with."));
        }
        AWAIT.untilAsserted(() -> given().get("/cleanmail/archive").then().statusCode(200).body("count", equalTo(3)));
    }

    @BeforeEach
    void webadmin(GuiceJamesServer server) {
        RestAssured.requestSpecification = WebAdminUtils
            .buildRequestSpecification(server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort())
            .build();
    }

    static String message(String from, String to, String subject, String body) {
        return String.join("\r\n", List.of(
            "From: " + from,
            "To: " + to,
            "Subject: " + subject,
            "Message-ID: <" + subject.replace(' ', '-') + "@example.com>",
            "",
            body,
            ""));
    }

    private static RequestSpecification search(String... parameters) {
        RequestSpecification request = given();
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request;
    }

    private static String idOf(String subject) {
        return search("q", "subject:\"" + subject + "\"").get("/cleanmail/archive").then().statusCode(200)
            .body("count", equalTo(1)).extract().jsonPath().getString("hits[0].archiveId");
    }

    @Test
    void shouldFindBySubjectWithAHighlightedSnippet() {
        search("q", "subject:invoice").get("/cleanmail/archive").then()
            .statusCode(200)
            .body("count", equalTo(1))
            .body("hits[0].subject", equalTo("Quarterly invoice"))
            .body("hits[0].from", equalTo("alice@example.com"))
            .body("hits[0].snippets.subject", equalTo("Quarterly <em>invoice</em>"));
    }

    @Test
    void shouldFindBySender() {
        search("from", "bob@example.com").get("/cleanmail/archive").then()
            .statusCode(200)
            .body("count", equalTo(1))
            .body("hits[0].subject", equalTo("Holiday plans"));
        search("q", "from:carol@example.com").get("/cleanmail/archive").then()
            .body("count", equalTo(1))
            .body("hits[0].subject", equalTo("Evidence"));
    }

    @Test
    void shouldFindByBodyPhrase() {
        search("q", "body:\"old lighthouse\"").get("/cleanmail/archive").then()
            .statusCode(200)
            .body("count", equalTo(1))
            .body("hits[0].subject", equalTo("Holiday plans"))
            .body("hits[0].snippets.body", containsString("<em>lighthouse</em>"));
        search("q", "body:\"lighthouse old\"").get("/cleanmail/archive").then()
            .body("count", equalTo(0));
    }

    @Test
    void shouldFindByDateRange() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        search("q", "date:[" + today + " TO " + today + "]").get("/cleanmail/archive").then()
            .body("count", equalTo(3));
        search("after", today.toString(), "before", today.plusDays(1).toString()).get("/cleanmail/archive").then()
            .body("count", equalTo(3));
        search("after", today.plusDays(1).toString()).get("/cleanmail/archive").then()
            .body("count", equalTo(0));
        search("before", today.toString()).get("/cleanmail/archive").then()
            .body("count", equalTo(0));
    }

    @Test
    void shouldPageAndSort() {
        search("limit", "2", "sort", "date").get("/cleanmail/archive").then()
            .body("count", equalTo(3))
            .body("hits.size()", equalTo(2));
        search("limit", "2", "offset", "2", "sort", "relevance").get("/cleanmail/archive").then()
            .body("count", equalTo(3))
            .body("hits.size()", equalTo(1));
    }

    @Test
    void shouldRecordTheVerdict() {
        search("q", "subject:invoice").get("/cleanmail/archive").then()
            .body("hits[0].verdict", equalTo("ham"))
            .body("hits[0].score", equalTo(0.0f));
    }

    @Test
    void anInvalidQueryShouldBeA400WithThePreciseMessage() {
        search("q", "foo:bar").get("/cleanmail/archive").then()
            .statusCode(400)
            .body("statusCode", equalTo(400))
            .body("type", equalTo("InvalidArgument"))
            .body("details", startsWith("Invalid query 'foo:bar': unknown field 'foo'; fields are "));
    }

    @Test
    void badParametersShouldBe400() {
        search("limit", "many").get("/cleanmail/archive").then()
            .statusCode(400)
            .body("details", equalTo("'limit' must be a whole number, e.g. limit=20; got 'many'"));
        search("sort", "size").get("/cleanmail/archive").then()
            .statusCode(400)
            .body("details", equalTo("'sort' is one of date, date-asc, relevance; got 'size'"));
        search("after", "yesterday").get("/cleanmail/archive").then()
            .statusCode(400)
            .body("details", startsWith("'yesterday' is not a date"));
    }

    @Test
    void shouldReturnOnlyTheUsersMail() {
        given().get("/cleanmail/users/" + USER + "/archive").then()
            .statusCode(200)
            .body("count", equalTo(2))
            .body("hits.to", everyItem(equalTo(USER)));
        given().get("/cleanmail/users/" + OTHER_USER + "/archive").then()
            .body("count", equalTo(1))
            .body("hits[0].subject", equalTo("Holiday plans"));
    }

    @Test
    void noQueryShouldWidenIt() {
        search("q", "lighthouse").get("/cleanmail/users/" + USER + "/archive").then()
            .body("count", equalTo(0));
        search("q", "lighthouse OR invoice OR from:bob@example.com").get("/cleanmail/users/" + USER + "/archive").then()
            .statusCode(200)
            .body("count", equalTo(1))
            .body("hits.subject", everyItem(not(equalTo("Holiday plans"))));
        search("to", OTHER_USER).get("/cleanmail/users/" + USER + "/archive").then()
            .body("count", equalTo(0));
    }

    @Test
    void shouldReturnHeadersAndText() {
        given().get("/cleanmail/archive/" + idOf("Quarterly invoice")).then()
            .statusCode(200)
            .body("metadata.envelopeSender", equalTo("alice@example.com"))
            .body("metadata.envelopeRecipients", equalTo(List.of(USER)))
            .body("metadata.verdict", equalTo("ham"))
            .body("headers.name", hasItem("Subject"))
            .body("headers.find { it.name == 'Subject' }.value", equalTo("Quarterly invoice"))
            .body("text", containsString(INVOICE_TOKEN));
    }

    @Test
    void rawShouldBeTheMessage() {
        String raw = given().get("/cleanmail/archive/" + idOf("Quarterly invoice") + "/raw").then()
            .statusCode(200)
            .contentType("message/rfc822")
            .extract().asString();
        assertThat(raw).contains("Subject: Quarterly invoice").contains(INVOICE_TOKEN);
    }

    @Test
    void unknownIdShouldBe404AndABadId400() {
        given().get("/cleanmail/archive/0123456789abcdef0123456789abcdef").then().statusCode(404)
            .body("message", equalTo("No archived message 0123456789abcdef0123456789abcdef"));
        given().get("/cleanmail/archive/..%2F..%2Fconf").then().statusCode(400);
    }

    @Test
    void theContentStoreShouldHoldNoPlaintext() throws IOException {
        List<Path> files = contentFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        for (Path file : files) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                .doesNotContain(INVOICE_TOKEN)
                .doesNotContain("Quarterly invoice")
                .doesNotContain("alice@example.com");
        }
    }

    @Test
    void theIndexShouldHoldNoPlaintextEither() throws IOException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(workingDirectory.resolve("var/cleanmail/archive/index"))) {
            // write.lock is Lucene's empty lock file; a file being created is empty until its first flush.
            files = paths.filter(Files::isRegularFile).filter(path -> path.toFile().length() > 0)
                .collect(Collectors.toList());
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                .as("index file %s", file.getFileName())
                .startsWith("CMIX")
                .doesNotContain(INVOICE_TOKEN)
                .doesNotContain("lighthouse")
                .doesNotContain("alice@example.com");
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aFlippedByteShouldBeReportedAsTampered() throws IOException {
        String id = idOf("Evidence");
        Path file = contentFiles().stream().filter(path -> path.getFileName().toString().equals(id))
            .findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);

        given().get("/cleanmail/archive/" + id).then()
            .statusCode(500)
            .body("type", equalTo("ServerError"))
            .body("message", equalTo("Archived message " + id + " has been tampered with: its stored content"
                + " failed authentication and is not returned"))
            .body(not(containsString("tampered with.")));
        given().get("/cleanmail/archive/" + id + "/raw").then()
            .statusCode(500)
            .body("message", containsString("has been tampered with"));
    }

    @Test
    @Order(1)
    void shouldCountIndexedAndStoredMail() {
        given().get("/cleanmail/archive/status").then()
            .statusCode(200)
            .body("enabled", equalTo(true))
            .body("policy", equalTo("all"))
            .body("indexed", equalTo(3))
            .body("stored", equalTo(3))
            .body("queue", equalTo(0))
            .body("errors", equalTo(0))
            .body("errorRepository", equalTo("file://var/mail/archive-error/"))
            .body("errorRepositorySize", equalTo(0));
    }

    @Test
    void reindexShouldBeATaskWithProgress() {
        String taskId = submitted(given().post("/cleanmail/archive?action=reindex"));

        given().get("/tasks/" + taskId + "/await").then()
            .statusCode(200)
            .body("status", equalTo("completed"))
            .body("type", equalTo("cleanmail-archive-maintenance"))
            .body("additionalInformation.action", equalTo("reindex"))
            .body("additionalInformation.seen", equalTo(3))
            .body("additionalInformation.indexed", equalTo(3))
            .body("additionalInformation.failed", equalTo(0));
        search("q", "subject:invoice").get("/cleanmail/archive").then().body("count", equalTo(1));
        given().get("/cleanmail/archive/status").then().body("maintenance.action", equalTo("reindex"));
    }

    @Test
    void repairShouldBeATaskThatFindsNothingToRepair() {
        String taskId = submitted(given().post("/cleanmail/archive?action=repair"));

        given().get("/tasks/" + taskId + "/await").then()
            .statusCode(200)
            .body("status", equalTo("completed"))
            .body("additionalInformation.action", equalTo("repair"))
            .body("additionalInformation.seen", equalTo(3))
            .body("additionalInformation.indexed", equalTo(0))
            .body("additionalInformation.repaired", equalTo(0));
    }

    @Test
    void purgeShouldBeATaskThatKeepsRecentMail() {
        String taskId = submitted(given().post("/cleanmail/archive?action=purge"));

        given().get("/tasks/" + taskId + "/await").then()
            .statusCode(200)
            .body("status", equalTo("completed"))
            .body("type", equalTo("cleanmail-archive-purge"))
            .body("additionalInformation.purged", equalTo(0))
            .body("additionalInformation.cutoff", startsWith(String.valueOf(LocalDate.now(ZoneOffset.UTC).getYear() - 7)));
        given().get("/cleanmail/archive").then().body("count", equalTo(3));
    }

    @Test
    void anUnknownActionShouldBe400() {
        given().post("/cleanmail/archive?action=optimize").then()
            .statusCode(400)
            .body("details", equalTo("'action' must be reindex, repair or purge, e.g. POST /cleanmail/archive"
                + "?action=reindex; got 'optimize'"));
    }

    @Test
    void anExportShouldHoldExactlyTheMatchingMessagesAsMbox() throws IOException {
        String fileName = exportAndAwait(given().queryParam("to", USER).post("/cleanmail/archive/exports"), 2);

        assertThat(subjectsInMbox(download(fileName))).containsExactlyInAnyOrder("Quarterly invoice", "Evidence");
        given().get("/cleanmail/archive/exports").then()
            .statusCode(200)
            .body("fileName", hasItem(fileName));
        given().delete("/cleanmail/archive/exports/" + fileName).then().statusCode(204);
        given().get("/cleanmail/archive/exports/" + fileName).then().statusCode(404);
        given().get("/cleanmail/archive/exports").then().body("fileName", not(hasItem(fileName)));
    }

    @Test
    void aPersonalExportShouldHoldOnlyTheUsersMail() throws IOException {
        String fileName = exportAndAwait(given().post("/cleanmail/users/" + OTHER_USER + "/archive/exports"), 1);

        assertThat(subjectsInMbox(download(fileName))).containsExactly("Holiday plans");
    }

    @Test
    void anExportOfABadQueryShouldBe400AndUnknownFiles404() {
        search("q", "foo:bar").post("/cleanmail/archive/exports").then()
            .statusCode(400)
            .body("details", containsString("unknown field 'foo'"));
        given().get("/cleanmail/archive/exports/archive-export-20260101-000000-00000000.mbox").then().statusCode(404);
        given().get("/cleanmail/archive/exports/..%2F..%2Farchive.keys").then().statusCode(404);
    }

    private static String submitted(io.restassured.response.Response response) {
        String taskId = response.then()
            .statusCode(201)
            .extract().jsonPath().getString("taskId");
        assertThat(response.header("Location")).isEqualTo("/tasks/" + taskId);
        return taskId;
    }

    private static String exportAndAwait(io.restassured.response.Response response, int expected) {
        String fileName = response.then().statusCode(201).extract().jsonPath().getString("fileName");
        String taskId = submitted(response);
        given().get("/tasks/" + taskId + "/await").then()
            .statusCode(200)
            .body("status", equalTo("completed"))
            .body("type", equalTo("cleanmail-archive-export"))
            .body("additionalInformation.fileName", equalTo(fileName))
            .body("additionalInformation.matched", equalTo(expected))
            .body("additionalInformation.exported", equalTo(expected))
            .body("additionalInformation.failed", equalTo(0));
        return fileName;
    }

    private static Path download(String fileName) throws IOException {
        io.restassured.response.Response response = given().get("/cleanmail/archive/exports/" + fileName);
        response.then().statusCode(200).contentType("application/mbox");
        Path file = Files.createTempFile("export", ".mbox");
        Files.write(file, response.asByteArray());
        return file;
    }

    private static List<String> subjectsInMbox(Path file) throws IOException {
        List<String> subjects = new java.util.ArrayList<>();
        try (MboxIterator mbox = MboxIterator.fromFile(file).charset(StandardCharsets.UTF_8).build()) {
            for (CharBufferWrapper message : mbox) {
                Message parsed = new DefaultMessageBuilder().parseMessage(message.asInputStream(StandardCharsets.UTF_8));
                subjects.add(parsed.getSubject());
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return subjects;
    }

    static List<Path> contentFiles() throws IOException {
        try (Stream<Path> files = Files.walk(workingDirectory.resolve("var/cleanmail/archive/content"))) {
            return files.filter(Files::isRegularFile).collect(Collectors.toList());
        }
    }
}
