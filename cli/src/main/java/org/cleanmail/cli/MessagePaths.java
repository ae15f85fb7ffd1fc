package org.cleanmail.cli;

import java.nio.file.Path;
import java.util.List;

import org.cleanmail.core.corpus.MessageFiles;

/** The message files under paths named on the command line; a missing path is a usage error. */
final class MessagePaths {
    private MessagePaths() {
    }

    static List<Path> files(List<Path> paths) {
        try {
            return MessageFiles.files(paths);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
