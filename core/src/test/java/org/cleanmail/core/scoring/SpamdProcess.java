package org.cleanmail.core.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A SpamAssassin daemon on a free loopback port, for measurements: stock rules, local
 * tests only ({@code -L}), no Bayes, no user configuration, the site configuration of
 * {@code /etc/spamassassin} plus {@code use_bayes 0}. {@link #hits(byte[])} asks it, through
 * {@code spamc -y}, which rules a message hits. Stopped by {@link #close()}.
 */
final class SpamdProcess implements AutoCloseable {
    private static final Path SITE_CONFIG = Path.of("/etc/spamassassin");
    private static final String SETTINGS = "use_bayes 0\nbayes_auto_learn 0\nskip_rbl_checks 1\ndns_available no\n";

    private final Path configFolder;
    private final Process process;
    private final int port;
    private final List<String> output = new ArrayList<>();

    private SpamdProcess(Path configFolder, Process process, int port) {
        this.configFolder = configFolder;
        this.process = process;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/spamd")) && Files.isExecutable(Path.of("/usr/bin/spamc"));
    }

    static SpamdProcess start() throws IOException {
        Path config = Files.createTempDirectory("cleanmail-spamd-", PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwxr-xr-x")));
        try (Stream<Path> files = Files.list(SITE_CONFIG)) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String name = file.getFileName().toString();
                if (name.endsWith(".pre") || name.endsWith(".cf")) {
                    Files.copy(file, config.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(config.resolve("zz_cleanmail_measure.cf"), SETTINGS);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("/usr/sbin/spamd", "-L", "-x", "--siteconfigpath=" + config,
            "-i", "127.0.0.1", "-A", "127.0.0.1", "-p", String.valueOf(port), "-m", "1", "--min-children=1",
            "--min-spare=1", "--max-spare=1", "-s", "stderr"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody"));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        SpamdProcess spamd = new SpamdProcess(config, process, port);
        spamd.awaitReady();
        return spamd;
    }

    /** Reads the daemon's log until it has a child ready; keeps draining it afterwards. */
    private void awaitReady() {
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                        if (output.size() < 200) {
                            output.add(line);
                        }
                    }
                    if (line.contains("server successfully spawned child")) {
                        ready.complete(true);
                    }
                }
                ready.complete(false);
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        }, "spamd-log");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.get(180, TimeUnit.SECONDS)) {
                throw new IllegalStateException("spamd stopped before it was ready: " + log());
            }
        } catch (Exception e) {
            close();
            throw new IllegalStateException("spamd did not start: " + log(), e);
        }
    }

    String log() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** The names of the rules SpamAssassin says the message hit. */
    List<String> hits(byte[] message) throws IOException, InterruptedException {
        Process spamc = new ProcessBuilder("/usr/bin/spamc", "-d", "127.0.0.1", "-p", String.valueOf(port), "-y",
            "-s", "8000000", "-t", "300").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return spamc.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (var in = spamc.getOutputStream()) {
            in.write(message);
        }
        spamc.waitFor(300, TimeUnit.SECONDS);
        String text = new String(answer.join(), StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(name -> !name.isEmpty())
            .collect(Collectors.toList());
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.list(configFolder)) {
            for (Path file : files.collect(Collectors.toList())) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(configFolder);
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
