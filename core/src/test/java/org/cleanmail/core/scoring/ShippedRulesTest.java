package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.rules.sa.SpamAssassinRuleLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedRulesTest {
    @TempDir
    Path folder;

    @Test
    void rulesListedInTheIndexShouldLoadFromInsideAJar() throws IOException {
        Path jar = jar(Map.of(
            ShippedRules.INDEX, "# shipped rules\n10_gtube.cf\n20_local.cf\n",
            ShippedRules.FOLDER + "10_gtube.cf", LiveRules.BUILT_IN_GTUBE,
            ShippedRules.FOLDER + "20_local.cf", "body SHIPPED_PILLS /cheap pills/i\nscore SHIPPED_PILLS 2\n"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<Path> files = ShippedRules.files(loader).orElseThrow();

            RuleSet rules = new SpamAssassinRuleLoader(RuleLoadOptions.defaults()).loadFiles(files);

            assertThat(files).extracting(path -> path.getFileName().toString())
                .containsExactly("10_gtube.cf", "20_local.cf");
            assertThat(rules.rules()).containsOnlyKeys("GTUBE", "SHIPPED_PILLS");
        }
    }

    @Test
    void noIndexShouldMeanNoShippedRules() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar(Map.of("other.txt", "x")).toUri().toURL()},
            null)) {
            assertThat(ShippedRules.files(loader)).isEmpty();
        }
    }

    @Test
    void indexNamingAMissingFileShouldSaySo() throws IOException {
        Path jar = jar(Map.of(ShippedRules.INDEX, "missing.cf\n"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> ShippedRules.files(loader))
                .hasMessageContaining("lists missing.cf but org/cleanmail/core/rules/cleanmail/missing.cf");
        }
    }

    private Path jar(Map<String, String> entries) throws IOException {
        Path jar = Files.createTempFile(folder, "rules-", ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entriesOut = new JarOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                entriesOut.putNextEntry(new JarEntry(entry.getKey()));
                entriesOut.write(entry.getValue().getBytes(StandardCharsets.ISO_8859_1));
                entriesOut.closeEntry();
            }
        }
        return jar;
    }
}
