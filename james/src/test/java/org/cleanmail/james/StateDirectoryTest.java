package org.cleanmail.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {
    @TempDir
    Path folder;

    @Test
    void constructorShouldCreateTheFolder() {
        StateDirectory state = new StateDirectory(folder.resolve("var/cleanmail"));

        assertThat(state.path()).isDirectory();
        assertThat(state.resolve("blacklist.txt")).isEqualTo(folder.resolve("var/cleanmail/blacklist.txt"));
    }

    @Test
    void constructorShouldNameTheSettingWhenTheFolderCannotBeCreated() throws IOException {
        Path file = Files.writeString(folder.resolve("a-file"), "x");

        assertThatThrownBy(() -> new StateDirectory(file.resolve("sub")))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageStartingWith("cleanmail.properties: 'state.directory' names a folder that cannot be created");
    }
}
