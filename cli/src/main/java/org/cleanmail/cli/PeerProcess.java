package org.cleanmail.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A daemon started for a measurement (spamd, rspamd, redis): its output is drained and the
 * last lines kept for error messages; {@link #close()} stops it and its children and
 * deletes its temporary folder.
 */
final class PeerProcess implements AutoCloseable {
    private static final int KEPT_LINES = 60;

    private final String name;
    private final Process process;
    private final Path folder;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final Thread stopOnExit = new Thread(this::stop, "peer-stop");

    private PeerProcess(String name, Process process, Path folder) {
        this.name = name;
        this.process = process;
        this.folder = folder;
    }

    /** Starts {@code command}; {@code folder} (may be null) is deleted when the process is closed. */
    static PeerProcess start(String name, List<String> command, Path folder) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        PeerProcess peer = new PeerProcess(name, process, folder);
        Runtime.getRuntime().addShutdownHook(peer.stopOnExit);
        Thread reader = new Thread(peer::drain, name + "-log");
        reader.setDaemon(true);
        reader.start();
        return peer;
    }

    /** Waits until {@code ready} holds; fails with the process's last lines when it stops or takes too long. */
    void awaitReady(BooleanSupplier ready, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                close();
                throw new IllegalStateException(name + " stopped before it was ready (exit " + process.exitValue() + "): "
                    + log());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException(name + " was not ready after " + seconds + " s: " + log());
    }

    String log() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    boolean logContains(String text) {
        synchronized (lastLines) {
            return lastLines.stream().anyMatch(line -> line.contains(text));
        }
    }

    private void drain() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (lastLines) {
                    if (lastLines.size() == KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                    lastLines.addLast(line);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /** Stops the daemon; also run if the command is interrupted (Ctrl-C), so that no daemon outlives it. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // shutting down: the hook is running or will run
        }
        stop();
    }

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (folder != null) {
            deleteQuietly(folder);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A temporary folder every user can enter (the daemons drop root for another user). */
    static Path openFolder(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        return folder;
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static boolean executable(String path) {
        return Files.isExecutable(Path.of(path));
    }

    static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder is harmless
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
