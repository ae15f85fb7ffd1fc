package org.cleanmail.james.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cleanmail.archive.MessageArchive;
import org.cleanmail.archive.export.MboxWriter;
import org.cleanmail.archive.model.ArchiveId;
import org.cleanmail.archive.model.ArchivedMessage;
import org.cleanmail.archive.search.ArchiveQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the archived messages a query matches, decrypted, oldest first, to an mbox file
 * in the exports folder ({@code <state.directory>/archive/exports/}). The file is written
 * under a temporary name and renamed when complete, so a listed export is always whole.
 * Messages that cannot be read (tampered, key missing) are counted and left out.
 */
public final class ArchiveExport {
    /** What an export file name looks like; nothing else is served from the folder. */
    public static final Pattern FILE_NAME = Pattern.compile("archive-export-[0-9]{8}-[0-9]{6}-[0-9a-f]{8}\\.mbox");
    private static final Logger LOGGER = LoggerFactory.getLogger(ArchiveExport.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    /** Told as the export goes; called on the exporting thread. */
    public interface Progress {
        void matched(long count);

        void exported(long exported, long failed);

        /** Whether to stop (the task was cancelled): the partial file is deleted. */
        boolean cancelled();
    }

    private final MessageArchive archive;
    private final Path folder;

    public ArchiveExport(MessageArchive archive, Path folder) {
        this.archive = archive;
        this.folder = folder;
    }

    /** A new file name for an export started at that time. */
    public static String newFileName(Instant at, Random random) {
        return String.format(Locale.ROOT, "archive-export-%s-%08x.mbox", STAMP.format(at), random.nextInt());
    }

    /** The file of an export, if the name is one and it exists (complete). */
    public static Optional<Path> file(Path folder, String name) {
        if (name == null || !FILE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The complete export files in the folder, newest first. */
    public static List<File> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<File> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String name = path.getFileName().toString();
                if (FILE_NAME.matcher(name).matches() && Files.isRegularFile(path)) {
                    files.add(new File(name, Files.size(path), Files.getLastModifiedTime(path).toInstant()));
                }
            }
        }
        files.sort(Comparator.comparing(File::created).reversed().thenComparing(File::name));
        return files;
    }

    /** One export file as listed. */
    public static final class File {
        private final String name;
        private final long size;
        private final Instant created;

        File(String name, long size, Instant created) {
            this.name = name;
            this.size = size;
            this.created = created;
        }

        public String name() {
            return name;
        }

        public long size() {
            return size;
        }

        public Instant created() {
            return created;
        }
    }

    /**
     * Writes the export.
     *
     * @return false when cancelled (nothing is left behind)
     */
    public boolean run(ArchiveQuery query, Optional<String> user, String fileName, Progress progress)
        throws IOException {
        List<ArchiveId> ids = archive.matchingIds(query, user);
        progress.matched(ids.size());
        Files.createDirectories(folder);
        Path target = folder.resolve(fileName);
        Path partial = folder.resolve(fileName + ".part");
        long exported = 0;
        long failed = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
            MboxWriter mbox = new MboxWriter(out);
            for (ArchiveId id : ids) {
                if (progress.cancelled() || Thread.currentThread().isInterrupted()) {
                    out.close();
                    Files.deleteIfExists(partial);
                    LOGGER.info("Archive export {} cancelled after {} message(s)", fileName, exported);
                    return false;
                }
                try {
                    Optional<ArchivedMessage> message = archive.fetchArchived(id);
                    if (message.isPresent()) {
                        mbox.write(message.get().metadata().envelopeSender().orElse(""),
                            message.get().metadata().arrival(), message.get().raw());
                        exported++;
                    } else {
                        failed++;
                    }
                } catch (IOException e) {
                    LOGGER.warn("Archive export {}: message {} cannot be read and is left out: {}", fileName, id,
                        e.getMessage());
                    failed++;
                }
                progress.exported(exported, failed);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        LOGGER.info("Archive export {}: {} message(s) written, {} left out", fileName, exported, failed);
        return true;
    }
}
