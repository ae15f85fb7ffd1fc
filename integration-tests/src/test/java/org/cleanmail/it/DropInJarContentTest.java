package org.cleanmail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The drop-in JAR holds Java 11 classes only, no James class, and every third-party class relocated under ours. */
class DropInJarContentTest {
    private static final int JAVA_11_CLASS_VERSION = 55;

    private static List<String> classes;
    private static Map<String, Integer> classVersions;

    @BeforeAll
    static void readJar() throws IOException {
        try (ZipFile jar = new ZipFile(CleanMailServers.dropInJar().toFile())) {
            List<ZipEntry> entries = jar.stream()
                .filter(entry -> entry.getName().endsWith(".class"))
                .collect(Collectors.toList());
            classes = entries.stream().map(ZipEntry::getName).collect(Collectors.toList());
            classVersions = entries.stream().collect(Collectors.toMap(ZipEntry::getName, entry -> majorVersion(jar, entry),
                (a, b) -> a));
        }
    }

    private static int majorVersion(ZipFile jar, ZipEntry entry) {
        try (InputStream in = jar.getInputStream(entry); DataInputStream data = new DataInputStream(in)) {
            int magic = data.readInt();
            assertThat(magic).as("class file magic of %s", entry.getName()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort();
            return data.readUnsignedShort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void jarShouldHoldTheMailetsMatchersAndRoutes() {
        assertThat(classes).contains(
            "org/cleanmail/mailets/ScoreMessage.class",
            "org/cleanmail/mailets/Quarantine.class",
            "org/cleanmail/matchers/ScoreAtLeast.class",
            "org/cleanmail/webadmin/CleanMailRoutes.class",
            "org/cleanmail/smtp/HarvestGuardHook.class",
            "org/cleanmail/core/scoring/LiveRules.class");
    }

    @Test
    void everyClassShouldRunOnJava11() {
        assertThat(classVersions).isNotEmpty();
        assertThat(classVersions.entrySet().stream()
                .filter(entry -> entry.getValue() > JAVA_11_CLASS_VERSION)
                .map(Map.Entry::getKey))
            .isEmpty();
    }

    @Test
    void jarShouldHoldNoJamesClass() {
        assertThat(classes).noneMatch(name -> name.startsWith("org/apache/james/"));
    }

    @Test
    void everyThirdPartyClassShouldBeRelocatedUnderOurPackage() {
        assertThat(classes).allMatch(name -> name.startsWith("org/cleanmail/"), "is under org/cleanmail/");
        assertThat(classes).contains("org/cleanmail/shaded/caffeine/cache/Caffeine.class");
        assertThat(classes.stream().map(name -> name.split("/")[2]).distinct())
            .containsExactlyInAnyOrder("shaded", "core", "james", "mailets", "matchers", "webadmin", "smtp", "archive");
    }
}
