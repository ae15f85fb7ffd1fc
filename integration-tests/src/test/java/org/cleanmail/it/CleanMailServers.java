package org.cleanmail.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerBuilder;
import org.apache.james.JamesServerExtension;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.data.UsersRepositoryModuleChooser;
import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.dnsservice.api.InMemoryDNSService;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.core.ConditionFactory;

import com.google.inject.Module;

import io.restassured.RestAssured;

/**
 * Boots real James memory servers with the configuration we ship in {@code james-conf/},
 * copied into the server's working folder with only the listening ports changed to
 * random ones and SpamAssassin's stock rules left out (CleanMail's own rules stay). What
 * is tested is what is shipped.
 *
 * <p>Uses James classes only, never CleanMail's: the drop-in JAR tests run with none of
 * CleanMail's classes on the class path.
 */
public final class CleanMailServers {
    public static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    public static final String QUARANTINE = "file://var/mail/quarantine/";
    public static final String ERROR = "file://var/mail/error/";
    public static final String DOMAIN = "cleanmail.local";
    public static final String USER = "user@" + DOMAIN;
    public static final String PASSWORD = "secret";

    private CleanMailServers() {
    }

    public static Path shippedConfiguration() {
        return Path.of(System.getProperty("cleanmail.james-conf", "../james-conf"));
    }

    public static Path dropInJar() {
        return Path.of(System.getProperty("cleanmail.dropin-jar"));
    }

    /** A server per test class, CleanMail's classes from the test class path. */
    public static JamesServerExtension extension(Module... overrides) {
        return new JamesServerBuilder<MemoryJamesConfiguration>(CleanMailServers::configuration)
            .server(configuration -> createServer(configuration).overrideWith(overrides))
            .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
            .build();
    }

    /** A server per test class whose CleanMail classes come from the drop-in JAR in extensions-jars/. */
    public static JamesServerExtension extensionWithDropInJar() {
        return new JamesServerBuilder<MemoryJamesConfiguration>(workingDirectory -> {
            installDropInJar(workingDirectory);
            return configuration(workingDirectory);
        })
            .server(CleanMailServers::createServer)
            .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
            .build();
    }

    /** The configuration of a server whose working folder is {@code workingDirectory}, with the shipped conf installed. */
    public static MemoryJamesConfiguration configuration(File workingDirectory) {
        installConfiguration(workingDirectory.toPath());
        return MemoryJamesConfiguration.builder()
            .workingDirectory(workingDirectory)
            .usersRepository(UsersRepositoryModuleChooser.Implementation.DEFAULT)
            .build();
    }

    public static GuiceJamesServer createServer(MemoryJamesConfiguration configuration) {
        return MemoryJamesServerMain.createServer(configuration)
            .overrideWith(binder -> binder.bind(DNSService.class).toInstance(new InMemoryDNSService()));
    }

    /** Copies james-conf/ into {@code workingDirectory/conf}, listening on random ports. */
    public static void installConfiguration(Path workingDirectory) {
        Path conf = workingDirectory.resolve("conf");
        try (Stream<Path> files = Files.list(shippedConfiguration())) {
            Files.createDirectories(conf);
            for (Path file : files.collect(Collectors.toList())) {
                String text = Files.readString(file, StandardCharsets.UTF_8)
                    .replace("127.0.0.1:2525", "127.0.0.1:0")
                    .replace("127.0.0.1:1143", "127.0.0.1:0")
                    .replace("port=8000", "port=0")
                    // CleanMail's own rules only: the tests' verdicts must not depend on which
                    // SpamAssassin rules a machine has (the scan and agreement tests use them).
                    .replace("rules.spamassassin-folder=/usr/share/spamassassin", "rules.spamassassin-folder=");
                Files.writeString(conf.resolve(file.getFileName()), text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void installDropInJar(File workingDirectory) {
        Path jar = dropInJar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The drop-in JAR " + jar + " is missing: build it with mvn package first");
        }
        try {
            Path extensions = workingDirectory.toPath().resolve("extensions-jars");
            Files.createDirectories(extensions);
            Files.copy(jar, extensions.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's path as webadmin's /mailRepositories routes take it: {@code var%2Fmail%2Fquarantine%2F}. */
    public static String encodedRepository(String url) {
        String path = url.substring(url.indexOf("://") + "://".length());
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    /** The keys of the mails in the quarantine repository, through webadmin (RestAssured's current specification). */
    public static List<String> quarantineKeys() {
        return RestAssured.given().urlEncodingEnabled(false)
            .get("/mailRepositories/" + encodedRepository(QUARANTINE) + "/mails")
            .then().statusCode(200).extract().jsonPath().getList("", String.class);
    }

    /** {@code user}'s INBOX over IMAP, once it holds {@code count} messages; the caller closes the client. */
    public static TestIMAPClient inbox(GuiceJamesServer server, String user, ConditionFactory await, int count)
        throws IOException {
        TestIMAPClient imap = new TestIMAPClient();
        imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
            .login(user, PASSWORD)
            .select(TestIMAPClient.INBOX)
            .awaitMessageCount(await, count);
        return imap;
    }

    public static String message(String subject, String body) {
        return String.join("\r\n", List.of(
            "From: sender@example.com",
            "To: " + USER,
            "Subject: " + subject,
            "Message-ID: <" + subject.replace(' ', '-') + "@example.com>",
            "",
            body,
            ""));
    }
}
