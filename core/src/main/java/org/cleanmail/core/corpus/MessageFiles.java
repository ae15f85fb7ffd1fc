package org.cleanmail.core.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds messages on disk, for the command line ({@code ./cleanmail scan/learn/eval}) and
 * the bulk learning task: message files, folders (recursively, in name order) and mbox
 * files (a file that holds several messages, each starting with a {@code From } line after
 * a blank line, is split into them).
 */
public final class MessageFiles {
    private static final Pattern MBOX_SEPARATOR = Pattern.compile("(?m)^From [^\\r\\n]*\\r?\\n");
    private static final Pattern NUMBER = Pattern.compile("(\\d+)");

    private MessageFiles() {
    }

    /** The files under the given paths, in order; {@link IllegalArgumentException} when a path does not exist. */
    public static List<Path> files(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    files.addAll(walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IllegalArgumentException("no such file or folder: " + path);
            }
        }
        return files;
    }

    /** Keeps the files whose name's first number passes the test (e.g. even-numbered corpus files). */
    public static List<Path> numbered(List<Path> files, IntPredicate keep) {
        return files.stream()
            .filter(file -> {
                Matcher matcher = NUMBER.matcher(file.getFileName().toString());
                return matcher.find() && keep.test(Integer.parseInt(matcher.group(1).substring(
                    Math.max(0, matcher.group(1).length() - 9))));
            })
            .collect(Collectors.toList());
    }

    /** The messages of one file: one, or several when it is an mbox. */
    public static List<MessageFile> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("From ")) {
            return List.of(new MessageFile(file.toString(), bytes));
        }
        List<Integer> starts = new ArrayList<>();
        Matcher separator = MBOX_SEPARATOR.matcher(text);
        while (separator.find()) {
            int start = separator.start();
            if (start == 0 || text.startsWith("\n\n", start - 2) || text.startsWith("\n\r\n", start - 3)) {
                starts.add(start);
            }
        }
        if (starts.size() <= 1) {
            return List.of(new MessageFile(file.toString(), bytes));
        }
        List<MessageFile> messages = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : bytes.length;
            messages.add(new MessageFile(file + "#" + (i + 1), Arrays.copyOfRange(bytes, starts.get(i), end)));
        }
        return messages;
    }
}
