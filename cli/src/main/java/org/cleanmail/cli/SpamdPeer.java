package org.cleanmail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * SpamAssassin's daemon on a free loopback port, asked through {@code spamc}: local tests
 * only ({@code -L}, no DNS, no network), no user configuration, Debian's site
 * configuration ({@code /etc/spamassassin}: its plugins and settings) plus, in a private
 * copy, the benchmark's settings (no auto-learning; Bayes off unless a trained database
 * is given) and optionally more rule files. As root, the children run as {@code nobody}.
 */
final class SpamdPeer implements Peer {
    static final String SPAMD = "/usr/sbin/spamd";
    static final String SPAMC = "/usr/bin/spamc";
    static final String SA_LEARN = "/usr/bin/sa-learn";
    static final String INSTALL_HINT = "install Debian's spamassassin, spamd and spamc packages"
        + " (apt-get install spamassassin spamd spamc)";
    private static final Path SITE_CONFIG = Path.of("/etc/spamassassin");
    private static final String NO_NETWORK = "skip_rbl_checks 1\ndns_available no\nbayes_auto_learn 0\n";
    private static final int START_SECONDS = 900;
    private static final int SPAMC_SECONDS = 300;
    private static final int MAX_BYTES = 10_000_000;

    private final String name;
    private final PeerProcess process;
    private final int port;

    private SpamdPeer(String name, PeerProcess process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    static boolean installed() {
        return PeerProcess.executable(SPAMD) && PeerProcess.executable(SPAMC);
    }

    /**
     * Starts spamd with {@code children} children; {@code bayes} is a trained database
     * prefix ({@link #bayesSettings}) or null for none; {@code extraRules} more .cf files.
     */
    static SpamdPeer start(String name, int children, Path bayes, List<Path> extraRules) throws IOException {
        if (!installed()) {
            throw new IllegalStateException("spamd is not installed: " + INSTALL_HINT);
        }
        Path folder = PeerProcess.openFolder("cleanmail-spamd-");
        siteConfig(folder, bayes, extraRules);
        int port = PeerProcess.freePort();
        List<String> command = new ArrayList<>(List.of(SPAMD, "-L", "-x", "--siteconfigpath=" + folder,
            "-i", "127.0.0.1", "-A", "127.0.0.1", "-p", String.valueOf(port), "-m", String.valueOf(children),
            "--min-children=" + children, "--min-spare=" + children, "--max-spare=" + children, "-s", "stderr"));
        if (PeerProcess.isRoot()) {
            command.addAll(List.of("-u", "nobody"));
        }
        PeerProcess process = PeerProcess.start("spamd", command, folder);
        process.awaitReady(() -> process.logContains("server successfully spawned child"), START_SECONDS);
        return new SpamdPeer(name, process, port);
    }

    /** Writes the site configuration: Debian's files, the benchmark's settings, the extra rule files. */
    static void siteConfig(Path folder, Path bayes, List<Path> extraRules) throws IOException {
        try (Stream<Path> files = Files.list(SITE_CONFIG)) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String fileName = file.getFileName().toString();
                if (fileName.endsWith(".pre") || fileName.endsWith(".cf")) {
                    Files.copy(file, folder.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        String bayesSettings = bayes == null ? "use_bayes 0\n" : bayesSettings(bayes);
        Files.writeString(folder.resolve("zz_cleanmail_peers.cf"), NO_NETWORK + bayesSettings);
        for (Path rules : extraRules) {
            Files.copy(rules, folder.resolve("zz_extra_" + rules.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Settings for a Bayes database at {@code prefix} (e.g. {@code /tmp/x/bayes}), shared by sa-learn and spamd. */
    static String bayesSettings(Path prefix) {
        return "use_bayes 1\nuse_bayes_rules 1\nbayes_path " + prefix + "\nbayes_file_mode 0777\nbayes_auto_expire 0\n"
            + "bayes_learn_to_journal 0\nlock_method flock\n";
    }

    @Override
    public String name() {
        return name;
    }

    /** {@code spamc -c}: prints {@code score/threshold}; {@code -x} makes a failure an error rather than a pass. */
    @Override
    public PeerVerdict check(byte[] message) throws IOException {
        Process spamc = new ProcessBuilder(SPAMC, "-d", "127.0.0.1", "-p", String.valueOf(port), "-c", "-x",
            "-s", String.valueOf(MAX_BYTES), "-t", String.valueOf(SPAMC_SECONDS))
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> readAll(spamc.getInputStream()));
        try (OutputStream in = spamc.getOutputStream()) {
            in.write(message);
        } catch (IOException e) {
            // spamc stopped reading; its exit code tells why
        }
        try {
            if (!spamc.waitFor(SPAMC_SECONDS + 10, TimeUnit.SECONDS)) {
                spamc.destroyForcibly();
                throw new IOException("spamc did not answer in " + SPAMC_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String text = new String(answer.join(), StandardCharsets.US_ASCII).trim();
        int exit = spamc.exitValue();
        int slash = text.indexOf('/');
        if (exit > 1 || slash < 0) {
            throw new IOException("spamc failed (exit " + exit + ", answer '" + text + "')");
        }
        double score = Double.parseDouble(text.substring(0, slash));
        return new PeerVerdict(score, exit == 1);
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
