package org.cleanmail.james.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.apache.james.filesystem.api.FileSystem;
import org.cleanmail.core.policy.DispositionAction;
import org.cleanmail.core.policy.EmbeddedPolicyStore;
import org.cleanmail.core.policy.PolicyScope;
import org.cleanmail.james.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyServicesTest {
    @TempDir
    Path folder;

    private static PolicySettings withDefaults(String location) {
        return new PolicySettings(Optional.of(location), Duration.ZERO, 10);
    }

    @Test
    void aDefaultsFileShouldSeedTheStore() throws Exception {
        Path defaults = Files.writeString(folder.resolve("defaults.json"),
            "{\"global\": {\"spamAction\": \"DELIVER_TAGGED\"}}", StandardCharsets.UTF_8);

        EmbeddedPolicyStore store = PolicyServices.openStore(folder.resolve("state"),
            withDefaults(defaults.toString()), new BaseDirFileSystem(folder));

        assertThat(store.get(PolicyScope.global()).flatMap(policy -> policy.spamAction()))
            .contains(DispositionAction.DELIVER_TAGGED);
        assertThat(folder.resolve("state").resolve(EmbeddedPolicyStore.FILE_NAME)).exists();
    }

    @Test
    void aMissingDefaultsFileShouldNameTheKey() {
        assertThatThrownBy(() -> PolicyServices.openStore(folder.resolve("state"),
            withDefaults(folder.resolve("nosuch.json").toString()), new BaseDirFileSystem(folder)))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageStartingWith("cleanmail.properties: 'policy.defaults-file' names no file (");
    }

    @Test
    void anInvalidDefaultsFileShouldNameTheMemberAndTheKey() throws Exception {
        Path defaults = Files.writeString(folder.resolve("defaults.json"),
            "{\"global\": {\"spamAction\": \"EXPLODE\"}}", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PolicyServices.openStore(folder.resolve("state"), withDefaults(defaults.toString()),
            new BaseDirFileSystem(folder)))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("spamAction")
            .hasMessageContaining("'policy.defaults-file' in cleanmail.properties");
    }

    /** Resolves {@code file://} names under a base folder. */
    private static final class BaseDirFileSystem implements FileSystem {
        private final Path base;

        BaseDirFileSystem(Path base) {
            this.base = base;
        }

        @Override
        public InputStream getResource(String url) {
            throw new UnsupportedOperationException(url);
        }

        @Override
        public File getFile(String url) {
            return base.resolve(url.replaceFirst("^file://", "")).toFile();
        }

        @Override
        public File getBasedir() {
            return base.toFile();
        }
    }
}
