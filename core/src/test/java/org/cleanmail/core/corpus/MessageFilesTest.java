package org.cleanmail.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageFilesTest {
    @TempDir
    Path folder;

    @Test
    void readShouldSplitAnMboxIntoItsMessages() throws IOException {
        Path mbox = Files.writeString(folder.resolve("box.mbox"), String.join("\n",
            "From alice@example.com Mon Jan  1 00:00:00 2024",
            "Subject: one",
            "",
            ">From the start, this line is body text (escaped, as mbox writers do).",
            "",
            "From bob@example.com Mon Jan  1 00:00:01 2024",
            "Subject: two",
            "",
            "body two",
            ""), StandardCharsets.ISO_8859_1);

        List<MessageFile> messages = MessageFiles.read(mbox);

        assertThat(messages).extracting(MessageFile::label).containsExactly(mbox + "#1", mbox + "#2");
        assertThat(new String(messages.get(0).bytes(), StandardCharsets.ISO_8859_1))
            .contains("Subject: one").contains(">From the start").doesNotContain("Subject: two");
    }

    @Test
    void readShouldKeepAMessageWithAnEnvelopeLineWhole() throws IOException {
        Path file = Files.writeString(folder.resolve("00001.eml"), "From a@b Mon Jan  1 00:00:00 2024\nSubject: x\n\nbody\n");

        assertThat(MessageFiles.read(file)).hasSize(1);
    }

    @Test
    void filesShouldWalkFoldersInNameOrder() throws IOException {
        Files.createDirectories(folder.resolve("spam"));
        Files.writeString(folder.resolve("spam/00002.eml"), "x");
        Files.writeString(folder.resolve("spam/00001.eml"), "x");

        assertThat(MessageFiles.files(List.of(folder)).stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()))
            .containsExactly("00001.eml", "00002.eml");
    }

    @Test
    void numberedShouldSelectEvenOrOddFiles() {
        List<Path> files = List.of(Path.of("00001.eml"), Path.of("00002.eml"), Path.of("00003.eml"));

        assertThat(MessageFiles.numbered(files, n -> n % 2 == 1)).containsExactly(Path.of("00001.eml"), Path.of("00003.eml"));
    }

    @Test
    void filesShouldRejectAMissingPath() {
        assertThatThrownBy(() -> MessageFiles.files(List.of(folder.resolve("nope"))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("no such file or folder");
    }
}
